import { useCallback, useState } from 'react';
import { Link } from 'react-router-dom';
import { call, useResource } from '../../api/result';
import { useAutoRefresh } from '../../api/useAutoRefresh';
import { useApi } from '../auth/session';
import { Page } from '../shell/Page';
import { Pager } from '../shell/Pager';
import { ResourceTable } from '../shell/ResourceTable';
import { SearchBox } from '../shell/SearchBox';
import { Tabs, type Tab } from '../shell/Tabs';
import { Timestamp } from '../shell/Timestamp';
import { describeStart, isLive, RunStateBadge, runDuration, type RunState } from './runDisplay';

const PAGE_SIZE = 25;

type StateFilter = 'ALL' | RunState;

const STATE_TABS: readonly Tab<StateFilter>[] = [
  { value: 'ALL', label: 'All' },
  { value: 'ACTIVE', label: 'Active' },
  { value: 'INCIDENT', label: 'Incident' },
  { value: 'COMPLETED', label: 'Completed' },
  { value: 'CANCELLED', label: 'Cancelled' },
];

/**
 * Every run of the tenant, however it was started, the latest first: filtered by state and
 * automation, paged, and loaded again every few seconds while a listed run has not ended.
 */
export default function RunsPage({ title }: { title: string }) {
  const api = useApi();
  const [query, setQuery] = useState<{ state: StateFilter; automation: string; page: number }>({
    state: 'ALL',
    automation: '',
    page: 0,
  });
  const { state, automation, page } = query;
  const runs = useResource(
    useCallback(
      (signal: AbortSignal) =>
        call(
          'Loading the runs',
          api.GET('/api/runs', {
            params: {
              query: {
                state: state === 'ALL' ? undefined : state,
                automation: automation || undefined,
                page,
                size: PAGE_SIZE,
              },
            },
            signal,
          }),
        ),
      [api, state, automation, page],
    ),
  );
  const live = runs.data?.items.some((run) => isLive(run.state)) ?? false;
  useAutoRefresh(live, runs.reload);

  const search = useCallback(
    (text: string) =>
      setQuery((current) => (current.automation === text ? current : { ...current, automation: text, page: 0 })),
    [],
  );
  const setPage = (next: number) => setQuery((current) => ({ ...current, page: next }));

  return (
    <Page title={title}>
      <p className="page-intro">
        Every run of your automations, however it started: through Brain, on a schedule, by a webhook or by another
        run. Open one to see its steps, variables and incidents.
      </p>
      <div className="button-row">
        <SearchBox label="Automation" placeholder="Filter by automation" testId="runs-automation-filter" onSearch={search} />
      </div>
      <Tabs
        label="Run state"
        tabs={STATE_TABS}
        selected={state}
        onSelect={(value) => setQuery((current) => ({ ...current, state: value, page: 0 }))}
        testId="runs-state"
      >
        <ResourceTable
          resource={runs}
          failureTitle="The runs could not be loaded"
          loadingText="Loading runs…"
          columns={['Automation', 'State', 'Started by', 'Started', 'Duration']}
          emptyText="No runs match."
          rows={(data) =>
            data.items.map((run) => (
              <tr key={run.id} data-testid="run-row" data-state={run.state} data-id={run.id}>
                <td className="strong">
                  <Link to={`/runs/${run.id}`} className="mono">
                    {run.automation}
                  </Link>
                  {run.version !== null && run.version !== undefined && (
                    <span className="muted small"> v{run.version}</span>
                  )}
                </td>
                <td>
                  <RunStateBadge state={run.state} />
                  {run.openIncidents > 0 && (
                    <div className="muted small">
                      {run.openIncidents} open incident{run.openIncidents === 1 ? '' : 's'}
                    </div>
                  )}
                </td>
                <td>{describeStart(run.start)}</td>
                <td>
                  <Timestamp value={run.startedAt} precision="second" />
                </td>
                <td>{runDuration(run)}</td>
              </tr>
            ))
          }
          footer={(data) => <Pager data={data} page={page} busy={runs.loading} onPage={setPage} testId="runs" />}
        />
      </Tabs>
    </Page>
  );
}
