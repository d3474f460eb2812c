import { useEffect, type ReactNode } from 'react';

/** The frame of every page: its heading with optional actions, and the browser tab title. */
export function Page({ title, actions, children }: { title: string; actions?: ReactNode; children?: ReactNode }) {
  useEffect(() => {
    document.title = `${title} · Brain`;
  }, [title]);

  return (
    <div className="page">
      <header className="page-header">
        <h1>{title}</h1>
        {actions && <div className="page-actions">{actions}</div>}
      </header>
      {children}
    </div>
  );
}
