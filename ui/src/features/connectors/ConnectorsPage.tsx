import { useCallback, useState, type MouseEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { call, useResource, type Resource } from '../../api/result';
import { usePermissions } from '../auth/permissions';
import { useApi } from '../auth/session';
import { ErrorBox } from '../shell/ErrorBox';
import { Page } from '../shell/Page';
import { ResourceTable } from '../shell/ResourceTable';
import { Timestamp } from '../shell/Timestamp';
import { ConnectionForm } from './ConnectionForm';
import type { ConnectorType } from './connectionConfig';
import { ConnectionStatusBadge } from './ConnectionStatus';

/** The tenant's connections to outside services, and the connector types to add one of. */
export default function ConnectorsPage({ title }: { title: string }) {
  const api = useApi();
  const navigate = useNavigate();
  const canWrite = usePermissions().can('connectors:write');
  const connections = useResource(
    useCallback((signal: AbortSignal) => call('Loading the connections', api.GET('/api/connectors', { signal })), [api]),
  );
  const types = useResource(
    useCallback(
      (signal: AbortSignal) => call('Loading the connector types', api.GET('/api/connector-types', { signal })),
      [api],
    ),
  );
  const [adding, setAdding] = useState<ConnectorType>();
  const typeName = (type: string) => types.data?.find((candidate) => candidate.type === type)?.name ?? type;
  const open = (id: string) => navigate(`/connectors/${id}`);

  return (
    <Page title={title}>
      <p className="page-intro">
        A connection holds what Brain needs to work with an outside service, such as a site's address and its
        credentials. Automations and agents use it by name; its secrets are never shown again once saved.
      </p>
      <section className="page-section" aria-labelledby="your-connections">
        <h2 className="section-title" id="your-connections">
          Your connections
        </h2>
        <ResourceTable
          resource={connections}
          failureTitle="The connections could not be loaded"
          loadingText="Loading connections…"
          columns={['Name', 'Type', 'Status', 'Updated']}
          emptyText={canWrite ? 'No connections yet: add one below.' : 'No connections yet.'}
          rows={(data) =>
            data.map((connection) => (
              <tr
                key={connection.id}
                data-testid="connection-row"
                data-name={connection.name}
                className="clickable-row"
                onClick={(event: MouseEvent) => {
                  // The name's link navigates by itself.
                  if (!(event.target as Element).closest('a')) open(connection.id);
                }}
              >
                <td className="strong">
                  <Link to={`/connectors/${connection.id}`}>{connection.name}</Link>
                </td>
                <td>{typeName(connection.type)}</td>
                <td>
                  <ConnectionStatusBadge connection={connection} />
                  {connection.statusMessage && (
                    <span className="status-note" title={connection.statusMessage}>
                      {connection.statusMessage}
                    </span>
                  )}
                </td>
                <td>
                  <Timestamp value={connection.updatedAt} />
                </td>
              </tr>
            ))
          }
        />
      </section>
      {canWrite && (
        <section className="page-section" aria-labelledby="add-connection">
          <h2 className="section-title" id="add-connection">
            Add a connection
          </h2>
          {adding && (
            <ConnectionForm
              key={adding.type}
              type={adding}
              onSaved={(created) => open(created.id)}
              onCancel={() => setAdding(undefined)}
            />
          )}
          <ConnectorTypeCards types={types} onAdd={setAdding} />
        </section>
      )}
    </Page>
  );
}

/** A card for each type that needs a connection; the others are named as needing none. */
function ConnectorTypeCards({
  types: { data, failure, reload },
  onAdd,
}: {
  types: Resource<ConnectorType[]>;
  onAdd: (type: ConnectorType) => void;
}) {
  if (failure) return <ErrorBox title="The connector types could not be loaded" message={failure} onRetry={reload} />;
  if (!data) return <p className="muted">Loading connector types…</p>;
  const configurable = data.filter((type) => type.fields.length > 0);
  const without = data.filter((type) => type.fields.length === 0);
  return (
    <>
      <ul className="connector-cards">
        {configurable.map((type) => (
          <li key={type.type} className="card connector-card" data-testid={`connector-type-${type.type}`}>
            <h3 className="connector-card-title">{type.name}</h3>
            <p className="muted">{type.description}</p>
            <button
              type="button"
              className="button"
              data-testid={`add-connection-${type.type}`}
              aria-label={`Add a ${type.name} connection`}
              onClick={() => onAdd(type)}
            >
              Add
            </button>
          </li>
        ))}
      </ul>
      {without.map((type) => (
        <p key={type.type} className="muted" data-testid={`connector-type-${type.type}`}>
          {type.name}: no connection needed.
        </p>
      ))}
    </>
  );
}
