import { useCallback } from 'react';
import { call, useResource } from '../../api/result';
import { useAutoRefresh } from '../../api/useAutoRefresh';
import { useApi } from '../auth/session';
import { ErrorBox } from '../shell/ErrorBox';
import { Page } from '../shell/Page';
import { Timestamp } from '../shell/Timestamp';
import { ComponentStates } from './ComponentStates';
import { InboxAndIncidents } from './InboxAndIncidents';
import { RunsPerHour } from './RunsPerHour';
import { TenantUsage } from './TenantUsage';
import { WorkerTable } from './WorkerTable';

/**
 * The platform at a glance for platform admins, read from the api (no Grafana needed) and read
 * again every few seconds: components, workers, the webhook inbox, incidents, runs and usage.
 */
export default function SystemHealthPage({ title }: { title: string }) {
  const api = useApi();
  const health = useResource(
    useCallback(
      (signal: AbortSignal) => call('Reading the system health', api.GET('/api/system/health', { signal })),
      [api],
    ),
  );
  useAutoRefresh(true, health.reload);
  const { data, failure } = health;

  return (
    <Page
      title={title}
      status={
        data && (
          <span className="muted small" data-testid="health-checked-at">
            Checked <Timestamp value={data.checkedAt} precision="second" />
          </span>
        )
      }
    >
      {failure && <ErrorBox title="The system health could not be read" message={failure} onRetry={health.reload} />}
      {!data && !failure && <p className="muted">Reading the system health…</p>}
      {data && (
        <>
          <ComponentStates health={data} />
          <WorkerTable workers={data.workers} />
          <InboxAndIncidents inbox={data.inbox} incidents={data.openIncidents} />
          <RunsPerHour hours={data.runsPerHour} />
          <TenantUsage usage={data.usage} />
        </>
      )}
    </Page>
  );
}
