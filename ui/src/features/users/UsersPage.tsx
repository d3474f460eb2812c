import { Fragment, useCallback, useState } from 'react';
import type { Schemas } from '../../api/client';
import { call, useResource } from '../../api/result';
import { useRowAction } from '../../api/useRowAction';
import { useCurrentUser } from '../account/currentUser';
import { useApi } from '../auth/session';
import { ChipList } from '../shell/ChipList';
import { ConfirmAction } from '../shell/ConfirmAction';
import { CreateButton, useCreateFlow } from '../shell/CreateFlow';
import { ErrorBox } from '../shell/ErrorBox';
import { OneTimeSecret } from '../shell/OneTimeSecret';
import { Page } from '../shell/Page';
import { ResourceTable, type Column } from '../shell/ResourceTable';
import { InviteUserForm } from './InviteUserForm';
import { RolesEditor } from './RolesEditor';

const COLUMNS: Column[] = ['Username', 'Name', 'Email', 'Enabled', 'Roles', { hidden: 'Actions' }];

/** The users of the tenant and their roles: invite, change roles, remove. */
export default function UsersPage({ title }: { title: string }) {
  const api = useApi();
  const { state: me } = useCurrentUser();
  const myId = me.status === 'ready' ? me.user.id : undefined;
  const users = useResource(
    useCallback((signal: AbortSignal) => call('Loading the users', api.GET('/api/users', { signal })), [api]),
  );
  const invite = useCreateFlow<Schemas['UserInvited']>(users.reload);
  const remove = useRowAction(users.reload);
  const [editing, setEditing] = useState<string>();
  const invited = invite.created;

  return (
    <Page
      title={title}
      actions={!invite.open && <CreateButton label="Invite user" testId="invite-user" onClick={invite.start} />}
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
          onClose={invite.dismiss}
        />
      )}
      {invite.open && <InviteUserForm onCancel={invite.cancel} onInvited={invite.done} />}
      {remove.failure && <ErrorBox title="The user was not removed" message={remove.failure} />}
      <ResourceTable
        resource={users}
        failureTitle="The users could not be loaded"
        loadingText="Loading users…"
        columns={COLUMNS}
        emptyText="No users yet."
        rows={(data) =>
          data.map((user) => {
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
                      <ChipList label="Roles" items={user.roles} kind="badge" />
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
                      onConfirm={() =>
                        remove.run(
                          user.id,
                          `Removing ${user.username}`,
                          api.DELETE('/api/users/{id}', { params: { path: { id: user.id } } }),
                        )
                      }
                    />
                  </td>
                </tr>
                {editing === user.id && (
                  <tr className="detail-row">
                    <td colSpan={COLUMNS.length}>
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
          })
        }
      />
    </Page>
  );
}
