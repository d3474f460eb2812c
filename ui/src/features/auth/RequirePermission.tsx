import type { ReactNode } from 'react';
import { useCurrentUser } from '../account/currentUser';
import { ErrorBox } from '../shell/ErrorBox';
import { Page } from '../shell/Page';
import { usePermissions, type Permission } from './permissions';

/** Renders a page only for users with its permission; others read that they have no access. */
export function RequirePermission({
  permission,
  title,
  children,
}: {
  permission: Permission;
  title: string;
  children: ReactNode;
}) {
  const { state, reload } = useCurrentUser();
  const { can } = usePermissions();

  if (state.status === 'ready' && can(permission)) return children;
  return (
    <Page title={title}>
      {state.status === 'loading' && <p className="muted">Loading…</p>}
      {state.status === 'failed' && (
        <ErrorBox title="Your profile could not be loaded" message={state.message} onRetry={reload} />
      )}
      {state.status === 'ready' && <p data-testid="no-access">You do not have access to this page.</p>}
    </Page>
  );
}
