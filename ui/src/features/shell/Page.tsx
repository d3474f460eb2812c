import { useEffect, type ReactNode } from 'react';

/**
 * The frame of every page: its heading with an optional status (a badge) and actions, and the
 * browser tab title.
 */
export function Page({
  title,
  status,
  actions,
  children,
}: {
  title: string;
  status?: ReactNode;
  actions?: ReactNode;
  children?: ReactNode;
}) {
  useEffect(() => {
    document.title = `${title} · Brain`;
  }, [title]);

  return (
    <div className="page">
      <header className="page-header">
        <div className="page-title">
          <h1>{title}</h1>
          {status}
        </div>
        {actions && <div className="page-actions">{actions}</div>}
      </header>
      {children}
    </div>
  );
}
