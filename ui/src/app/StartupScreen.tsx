import { ErrorBox } from '../features/shell/ErrorBox';

/** What shows before the app can start: signing in, or why that failed. */
export function StartupScreen({ error }: { error?: string }) {
  return (
    <div className="startup">
      <p className="brand">
        <span className="brand-mark" aria-hidden="true">
          B
        </span>
        Brain
      </p>
      {error ? (
        <ErrorBox title="Brain could not start" message={error} onRetry={() => window.location.reload()} />
      ) : (
        <p className="muted">Signing in…</p>
      )}
    </div>
  );
}
