import { tenantLabel, useCurrentUser } from '../account/currentUser';
import { ErrorBox } from '../shell/ErrorBox';
import { Page } from '../shell/Page';

export default function DashboardPage({ title }: { title: string }) {
  const { state, reload } = useCurrentUser();

  return (
    <Page title={title}>
      {state.status === 'loading' && <p className="muted">Loading your profile…</p>}
      {state.status === 'failed' && (
        <ErrorBox title="Your profile could not be loaded" message={state.message} onRetry={reload} />
      )}
      {state.status === 'ready' && (
        <section className="card welcome-card" aria-labelledby="welcome-heading">
          <h2 id="welcome-heading">
            Welcome, <span data-testid="user-name">{state.user.name}</span>
          </h2>
          <p>
            Tenant: <span data-testid="user-tenant">{tenantLabel(state.user)}</span>
          </p>
          {state.user.roles.length > 0 && (
            <ul className="role-list" aria-label="Your roles">
              {state.user.roles.map((role) => (
                <li key={role} className="badge">
                  {role}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </Page>
  );
}
