import { useCallback, useId, useState } from 'react';
import { Link } from 'react-router-dom';
import type { Schemas } from '../../api/client';
import { call } from '../../api/result';
import { useSubmit } from '../../api/useSubmit';
import { useApi } from '../auth/session';
import { RecordList } from '../records/RecordList';
import type { RecordQuery } from '../records/syncedRecords';
import { ErrorBox } from '../shell/ErrorBox';
import { Tabs } from '../shell/Tabs';
import type { Connection, ConnectorType } from './connectionConfig';

type SyncSummary = Schemas['SyncSummary'];

/**
 * The data a connection's syncs bring into Brain: a Sync button per resource of its type (for
 * editors), and the stored records of each resource in a tab, searched and paged, loaded again
 * after each sync.
 */
export function SyncedData({
  connection,
  type,
  canWrite,
}: {
  connection: Connection;
  type: ConnectorType;
  canWrite: boolean;
}) {
  const api = useApi();
  const headingId = useId();
  const resources = type.syncResources;
  const [shown, setShown] = useState(resources[0]);
  const [version, setVersion] = useState(0);
  const load = useCallback(
    (query: RecordQuery, signal: AbortSignal) =>
      call(
        `Loading the ${shown}`,
        api.GET('/api/connectors/{id}/records/{resource}', {
          params: { path: { id: connection.id, resource: shown }, query },
          signal,
        }),
      ),
    [api, connection.id, shown],
  );
  const synced = useCallback((resource: string) => {
    setShown(resource);
    setVersion((current) => current + 1);
  }, []);

  return (
    <section className="page-section" aria-labelledby={headingId}>
      <h2 className="section-title" id={headingId}>
        Data
      </h2>
      {canWrite && (
        <ul className="sync-list">
          {resources.map((resource) => (
            <SyncResource
              key={resource}
              connection={connection}
              typeName={type.name}
              resource={resource}
              onSynced={synced}
            />
          ))}
        </ul>
      )}
      <Tabs
        label={`Data synced from “${connection.name}”`}
        tabs={resources.map((resource) => ({ value: resource, label: capitalized(resource) }))}
        selected={shown}
        onSelect={setShown}
        testId="records-tab"
      >
        <RecordList
          key={shown}
          load={load}
          version={version}
          searchLabel={`Search the ${shown}`}
          failureTitle={`The ${shown} could not be loaded`}
          loadingText={`Loading the ${shown}…`}
          emptyText={canWrite ? `Nothing synced yet: sync the ${shown} above.` : 'Nothing synced yet.'}
          testIds={{ search: 'record-search', row: 'record-row', pager: 'records' }}
        />
      </Tabs>
    </section>
  );
}

/** Syncs one resource of the connection, then says what changed, or why it failed. */
function SyncResource({
  connection,
  typeName,
  resource,
  onSynced,
}: {
  connection: Connection;
  typeName: string;
  resource: string;
  onSynced: (resource: string) => void;
}) {
  const api = useApi();
  const [summary, setSummary] = useState<SyncSummary>();
  const sync = useSubmit<SyncSummary>((answer) => {
    setSummary(answer);
    onSynced(resource);
  });

  const start = () => {
    setSummary(undefined);
    return sync.submit(`Syncing the ${resource} of “${connection.name}”`, () =>
      api.POST('/api/connectors/{id}/sync/{resource}', { params: { path: { id: connection.id, resource } } }),
    );
  };

  return (
    <li className="sync-item">
      <div className="sync-row">
        <button type="button" className="button" data-testid={`sync-${resource}`} disabled={sync.busy} onClick={start}>
          {sync.busy ? `Syncing ${resource}…` : `Sync ${resource}`}
        </button>
        <span className="muted" role="status">
          {sync.busy && `Fetching every one of the ${resource} from ${typeName}; this can take up to a minute…`}
          {summary && (
            <span className="sync-result" data-testid={`sync-result-${resource}`}>
              {describe(summary)}
            </span>
          )}
        </span>
      </div>
      {sync.problem && !sync.busy && (
        <>
          <ErrorBox
            title={`The ${resource} were not synced`}
            message={sync.problem.detail}
            testId={`sync-error-${resource}`}
          />
          {typeof sync.problem.body.runId === 'string' && (
            <Link to={`/runs/${sync.problem.body.runId}`} data-testid={`sync-run-${resource}`}>
              Open the failed run
            </Link>
          )}
        </>
      )}
    </li>
  );
}

/** What a sync changed, e.g. “Fetched 5: 5 new, 0 updated, 0 removed.” */
function describe({ fetched, created, updated, removed }: SyncSummary): string {
  return `Fetched ${fetched}: ${created} new, ${updated} updated, ${removed} removed.`;
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
