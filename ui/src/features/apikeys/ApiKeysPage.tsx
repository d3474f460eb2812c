import { useCallback, useState } from 'react';
import type { Schemas } from '../../api/client';
import { call, useResource } from '../../api/result';
import { usePermissions } from '../auth/permissions';
import { useApi } from '../auth/session';
import { ConfirmAction } from '../shell/ConfirmAction';
import { ErrorBox } from '../shell/ErrorBox';
import { OneTimeSecret } from '../shell/OneTimeSecret';
import { Page } from '../shell/Page';
import { Timestamp } from '../shell/Timestamp';
import { apiKeyStatus, type ApiKey } from './apiKeyStatus';
import { CreateApiKeyForm } from './CreateApiKeyForm';

/** The tenant's API keys: create one (its key shown once), list them, revoke them. */
export default function ApiKeysPage({ title }: { title: string }) {
  const api = useApi();
  const { granted } = usePermissions();
  const keys = useResource(
    useCallback((signal: AbortSignal) => call('Loading the API keys', api.GET('/api/api-keys', { signal })), [api]),
  );
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<Schemas['ApiKeyCreated']>();
  const [actionError, setActionError] = useState<string>();

  const revoke = async (key: ApiKey) => {
    const result = await call(
      `Revoking “${key.name}”`,
      api.DELETE('/api/api-keys/{id}', { params: { path: { id: key.id } } }),
    );
    setActionError(result.ok ? undefined : result.problem.summary);
    keys.reload();
  };

  return (
    <Page
      title={title}
      actions={
        !creating && (
          <button
            type="button"
            className="button button-primary"
            data-testid="create-api-key"
            onClick={() => {
              setCreated(undefined);
              setCreating(true);
            }}
          >
            Create API key
          </button>
        )
      }
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
          onClose={() => setCreated(undefined)}
        />
      )}
      {creating && (
        <CreateApiKeyForm
          grantable={granted}
          onCancel={() => setCreating(false)}
          onCreated={(result) => {
            setCreating(false);
            setCreated(result);
            keys.reload();
          }}
        />
      )}
      {actionError && <ErrorBox title="The key was not revoked" message={actionError} />}
      {keys.failure && (
        <ErrorBox title="The API keys could not be loaded" message={keys.failure} onRetry={keys.reload} />
      )}
      {!keys.failure && !keys.data && <p className="muted">Loading API keys…</p>}
      {keys.data && (
        <div className="card table-card" aria-busy={keys.loading}>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Prefix</th>
                <th scope="col">Permissions</th>
                <th scope="col">Created by</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">Expires</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {keys.data.length === 0 && (
                <tr>
                  <td colSpan={9} className="empty-row">
                    No API keys yet.
                  </td>
                </tr>
              )}
              {keys.data.map((key) => {
                const status = apiKeyStatus(key);
                return (
                  <tr key={key.id} data-testid="api-key-row" data-name={key.name}>
                    <td className="strong">{key.name}</td>
                    <td>
                      <code className="mono nowrap">{key.prefix}…</code>
                    </td>
                    <td>
                      <ul className="chip-list" aria-label="Permissions">
                        {key.permissions.map((permission) => (
                          <li key={permission} className="chip">
                            {permission}
                          </li>
                        ))}
                      </ul>
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
                          onConfirm={() => revoke(key)}
                        />
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}
