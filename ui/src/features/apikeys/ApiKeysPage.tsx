import { useCallback } from 'react';
import type { Schemas } from '../../api/client';
import { call, useResource } from '../../api/result';
import { useRowAction } from '../../api/useRowAction';
import { usePermissions } from '../auth/permissions';
import { useApi } from '../auth/session';
import { ChipList } from '../shell/ChipList';
import { ConfirmAction } from '../shell/ConfirmAction';
import { CreateButton, useCreateFlow } from '../shell/CreateFlow';
import { ErrorBox } from '../shell/ErrorBox';
import { OneTimeSecret } from '../shell/OneTimeSecret';
import { Page } from '../shell/Page';
import { ResourceTable } from '../shell/ResourceTable';
import { Timestamp } from '../shell/Timestamp';
import { apiKeyStatus } from './apiKeyStatus';
import { CreateApiKeyForm } from './CreateApiKeyForm';

/** The tenant's API keys: create one (its key shown once), list them, revoke them. */
export default function ApiKeysPage({ title }: { title: string }) {
  const api = useApi();
  const { granted } = usePermissions();
  const keys = useResource(
    useCallback((signal: AbortSignal) => call('Loading the API keys', api.GET('/api/api-keys', { signal })), [api]),
  );
  const create = useCreateFlow<Schemas['ApiKeyCreated']>(keys.reload);
  const revoke = useRowAction(keys.reload);
  const { created } = create;

  return (
    <Page
      title={title}
      actions={!create.open && <CreateButton label="Create API key" testId="create-api-key" onClick={create.start} />}
    >
      <p className="page-intro">
        Programs call the Brain API with a key instead of signing in. A key has the permissions chosen when it is
        created, and stops working when it is revoked or expires.
      </p>
      {created && (
        <OneTimeSecret
          title={`API key “${created.apiKey.name}” created`}
          value={created.key}
          note="Copy it now: it will not be shown again."
          testId="new-api-key-value"
          onClose={create.dismiss}
        />
      )}
      {create.open && <CreateApiKeyForm grantable={granted} onCancel={create.cancel} onCreated={create.done} />}
      {revoke.failure && <ErrorBox title="The key was not revoked" message={revoke.failure} />}
      <ResourceTable
        resource={keys}
        failureTitle="The API keys could not be loaded"
        loadingText="Loading API keys…"
        columns={[
          'Name',
          'Prefix',
          'Permissions',
          'Created by',
          'Created',
          'Last used',
          'Expires',
          'Status',
          { hidden: 'Actions' },
        ]}
        emptyText="No API keys yet."
        rows={(data) =>
          data.map((key) => {
            const status = apiKeyStatus(key);
            return (
              <tr key={key.id} data-testid="api-key-row" data-name={key.name}>
                <td className="strong">{key.name}</td>
                <td>
                  <code className="mono nowrap">{key.prefix}…</code>
                </td>
                <td>
                  <ChipList label="Permissions" items={key.permissions} kind="chip" />
                </td>
                <td className="nowrap">{key.createdBy}</td>
                <td>
                  <Timestamp value={key.createdAt} precision="day" />
                </td>
                <td>
                  <Timestamp value={key.lastUsedAt} precision="day" empty="Never" />
                </td>
                <td>
                  <Timestamp value={key.expiresAt} precision="day" empty="Never" />
                </td>
                <td>
                  <span className={`status status-${status.toLowerCase()}`} data-testid="api-key-status">
                    {status}
                  </span>
                </td>
                <td className="actions-cell">
                  {status !== 'Revoked' && (
                    <ConfirmAction
                      label="Revoke"
                      question="Revoke this key?"
                      testId="revoke-api-key"
                      confirmTestId="confirm-revoke"
                      onConfirm={() =>
                        revoke.run(
                          key.id,
                          `Revoking “${key.name}”`,
                          api.DELETE('/api/api-keys/{id}', { params: { path: { id: key.id } } }),
                        )
                      }
                    />
                  )}
                </td>
              </tr>
            );
          })
        }
      />
    </Page>
  );
}
