import { Fragment, useCallback, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { call, useResource, type ApiResult } from '../../api/result';
import { useSubmit } from '../../api/useSubmit';
import { usePermissions } from '../auth/permissions';
import { useApi } from '../auth/session';
import { ConfirmAction } from '../shell/ConfirmAction';
import { ErrorBox } from '../shell/ErrorBox';
import { Page } from '../shell/Page';
import { Timestamp } from '../shell/Timestamp';
import { controlOf, type ConfigField, type Connection, type ConnectorType } from './connectionConfig';
import { ConnectionForm } from './ConnectionForm';
import { ConnectionStatusBadge } from './ConnectionStatus';
import { SyncedData } from './SyncedData';

interface Details {
  connection: Connection;
  type: ConnectorType;
}

/**
 * One connection: its status, the data its syncs stored (and syncing it again), its settings
 * (edited in the form of its type), a test with the provider, and deleting it. Secret values are
 * never shown: only whether each one is set.
 */
export default function ConnectionDetailsPage({ title }: { title: string }) {
  const api = useApi();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const canWrite = usePermissions().can('connectors:write');
  const details = useResource(
    useCallback(
      async (signal: AbortSignal): Promise<ApiResult<Details>> => {
        const connection = await call(
          'Loading the connection',
          api.GET('/api/connectors/{id}', { params: { path: { id } }, signal }),
        );
        if (!connection.ok) return connection;
        const type = await call(
          'Loading the connector type',
          api.GET('/api/connector-types/{type}', { params: { path: { type: connection.data.type } }, signal }),
        );
        return type.ok ? { ok: true, data: { connection: connection.data, type: type.data } } : type;
      },
      [api, id],
    ),
  );
  // The connection as the last save or test returned it, until the page loads another one.
  const [latest, setLatest] = useState<Connection>();
  const test = useSubmit<Connection>(setLatest);
  const remove = useSubmit<unknown>(() => navigate('/connectors'));

  if (!details.data) {
    return (
      <Page title={title}>
        {details.failure ? (
          <ErrorBox title="The connection could not be loaded" message={details.failure} onRetry={details.reload} />
        ) : (
          <p className="muted">Loading the connection…</p>
        )}
        <BackLink />
      </Page>
    );
  }

  const { type } = details.data;
  const connection = latest?.id === details.data.connection.id ? latest : details.data.connection;
  const path = { params: { path: { id: connection.id } } };

  return (
    <Page
      title={connection.name}
      status={<ConnectionStatusBadge connection={connection} testId="connection-status" />}
      actions={
        canWrite && (
          <>
            {type.testOperation && (
              <button
                type="button"
                className="button"
                data-testid="test-connection"
                disabled={test.busy}
                onClick={() =>
                  test.submit(`Testing “${connection.name}”`, () => api.POST('/api/connectors/{id}/test', path))
                }
              >
                {test.busy ? 'Testing…' : 'Test connection'}
              </button>
            )}
            <ConfirmAction
              label="Delete"
              question={`Delete “${connection.name}”?`}
              testId="delete-connection"
              confirmTestId="confirm-delete-connection"
              onConfirm={() =>
                remove.submit(`Deleting “${connection.name}”`, () => api.DELETE('/api/connectors/{id}', path))
              }
            />
          </>
        )
      }
    >
      <BackLink />
      {test.busy && (
        <p className="muted" role="status">
          Asking {type.name}; this can take up to 30 seconds…
        </p>
      )}
      {connection.statusMessage && (
        <p className="status-message" data-testid="connection-status-message">
          {connection.statusMessage}
        </p>
      )}
      {test.problem && <ErrorBox title="The connection was not tested" message={test.problem.detail} />}
      {remove.problem && <ErrorBox title="The connection was not deleted" message={remove.problem.detail} />}
      <dl className="card detail-list connection-facts">
        <dt>Type</dt>
        <dd>{type.name}</dd>
        {!canWrite &&
          type.fields.map((field) => (
            <Fragment key={field.name}>
              <dt>{field.label}</dt>
              <dd>{shownValue(connection, field)}</dd>
            </Fragment>
          ))}
        <dt>Created</dt>
        <dd>
          <Timestamp value={connection.createdAt} /> by {connection.createdBy}
        </dd>
        <dt>Updated</dt>
        <dd>
          <Timestamp value={connection.updatedAt} />
        </dd>
      </dl>
      {type.syncResources.length > 0 && (
        <SyncedData key={connection.id} connection={connection} type={type} canWrite={canWrite} />
      )}
      {canWrite && (
        <ConnectionForm
          type={type}
          connection={connection}
          onSaved={setLatest}
          onCancel={() => navigate('/connectors')}
        />
      )}
    </Page>
  );
}

function BackLink() {
  return (
    <p>
      <Link to="/connectors">← All connections</Link>
    </p>
  );
}

/** A field's value for reading: whether a secret is set (never the secret), else the stored value. */
function shownValue(connection: Connection, field: ConfigField): string {
  const control = controlOf(field);
  if (control === 'password') return connection.secrets[field.name] ? 'Set' : 'Not set';
  const value = connection.config[field.name];
  if (control === 'checkbox') return value === true ? 'Yes' : 'No';
  return value == null || value === '' ? '—' : String(value);
}
