import { useEffect, type ReactNode } from 'react';

/** The frame of every page: its heading, and the browser tab title. */
export function Page({ title, children }: { title: string; children?: ReactNode }) {
  useEffect(() => {
    document.title = `${title} · Brain`;
  }, [title]);

  return (
    <div className="page">
      <header className="page-header">
        <h1>{title}</h1>
      </header>
      {children}
    </div>
  );
}
