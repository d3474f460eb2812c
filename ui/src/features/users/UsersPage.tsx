import { Fragment, useCallback, useState } from 'react';
import type { Schemas } from '../../api/client';
import { call, useResource } from '../../api/result';
import { useCurrentUser } from '../account/currentUser';
import { useApi } from '../auth/session';
import { ConfirmAction } from '../shell/ConfirmAction';
import { ErrorBox } from '../shell/ErrorBox';
import { OneTimeSecret } from '../shell/OneTimeSecret';
import { Page } from '../shell/Page';
import { InviteUserForm } from './InviteUserForm';
import { RolesEditor } from './RolesEditor';

type TenantUser = Schemas['TenantUser'];

/** The users of the tenant and their roles: invite, change roles, remove. */
export default function UsersPage({ title }: { title: string }) {
  const api = useApi();
  const { state: me } = useCurrentUser();
  const myId = me.status === 'ready' ? me.user.id : undefined;
  const users = useResource(
    useCallback((signal: AbortSignal) => call('Loading the users', api.GET('/api/users', { signal })), [api]),
  );
  const [inviting, setInviting] = useState(false);
  const [invited, setInvited] = useState<Schemas['UserInvited']>();
  const [editing, setEditing] = useState<string>();
  const [actionError, setActionError] = useState<string>();

  const remove = async (user: TenantUser) => {
    const result = await call(
      `Removing ${user.username}`,
      api.DELETE('/api/users/{id}', { params: { path: { id: user.id } } }),
    );
    setActionError(result.ok ? undefined : result.problem.summary);
    users.reload();
  };

  return (
    <Page
      title={title}
      actions={
        !inviting && (
          <button
            type="button"
            className="button button-primary"
            data-testid="invite-user"
            onClick={() => {
              setInvited(undefined);
              setInviting(true);
            }}
          >
            Invite user
          </button>
        )
      }
    >
      {invited && (
        <OneTimeSecret
          title={`${invited.user.username} was invited`}
          value={invited.temporaryPassword}
          note={
            `Give ${invited.user.username} this temporary password; they choose their own at first sign-in. ` +
            'Copy it now: it will not be shown again.'
          }
          testId="temporary-password"
          onClose={() => setInvited(undefined)}
        />
      )}
      {inviting && (
        <InviteUserForm
          onCancel={() => setInviting(false)}
          onInvited={(result) => {
            setInviting(false);
            setInvited(result);
            users.reload();
          }}
        />
      )}
      {actionError && <ErrorBox title="The user was not removed" message={actionError} />}
      {users.failure && (
        <ErrorBox title="The users could not be loaded" message={users.failure} onRetry={users.reload} />
      )}
      {!users.failure && !users.data && <p className="muted">Loading users…</p>}
      {users.data && (
        <div className="card table-card" aria-busy={users.loading}>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Username</th>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Enabled</th>
                <th scope="col">Roles</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {users.data.length === 0 && (
                <tr>
                  <td colSpan={6} className="empty-row">
                    No users yet.
                  </td>
                </tr>
              )}
              {users.data.map((user) => {
                const isSelf = user.id === myId;
                return (
                  <Fragment key={user.id}>
                    <tr data-testid="user-row" data-username={user.username}>
                      <td className="strong">
                        {user.username}
                        {isSelf && <span className="kind"> you</span>}
                      </td>
                      <td>{[user.firstName, user.lastName].filter(Boolean).join(' ') || '—'}</td>
                      <td>{user.email || '—'}</td>
                      <td>
                        <span className={`status ${user.enabled ? 'status-active' : 'status-disabled'}`}>
                          {user.enabled ? 'Enabled' : 'Disabled'}
                        </span>
                      </td>
                      <td>
                        {user.roles.length > 0 ? (
                          <ul className="chip-list" aria-label="Roles">
                            {user.roles.map((role) => (
                              <li key={role} className="badge">
                                {role}
                              </li>
                            ))}
                          </ul>
                        ) : (
                          <span className="muted">No role</span>
                        )}
                      </td>
                      <td className="actions-cell">
                        <button
                          type="button"
                          className="button button-small"
                          data-testid="edit-roles"
                          aria-expanded={editing === user.id}
                          onClick={() => setEditing(editing === user.id ? undefined : user.id)}
                        >
                          Edit roles
                        </button>
                        <ConfirmAction
                          label="Remove"
                          question={`Remove ${user.username}?`}
                          testId="remove-user"
                          confirmTestId="confirm-remove"
                          disabled={isSelf}
                          disabledReason="You cannot remove yourself."
                          onConfirm={() => remove(user)}
                        />
                      </td>
                    </tr>
                    {editing === user.id && (
                      <tr className="detail-row">
                        <td colSpan={6}>
                          <RolesEditor
                            user={user}
                            isSelf={isSelf}
                            onCancel={() => setEditing(undefined)}
                            onSaved={() => {
                              setEditing(undefined);
                              users.reload();
                            }}
                          />
                        </td>
                      </tr>
                    )}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}
