import { useCallback } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { Schemas } from '../../api/client';
import { call, useResource } from '../../api/result';
import { useAutoRefresh } from '../../api/useAutoRefresh';
import { useSubmit } from '../../api/useSubmit';
import { usePermissions } from '../auth/permissions';
import { useApi } from '../auth/session';
import { ConfirmAction } from '../shell/ConfirmAction';
import { PendingApprovals } from '../agents/PendingApprovals';
import { ErrorBox } from '../shell/ErrorBox';
import { Page } from '../shell/Page';
import { Timestamp } from '../shell/Timestamp';
import { describeStart, formatDuration, isLive, RunStateBadge, runDuration } from './runDisplay';

type Step = Schemas['RunStep'];

/** What each step outcome says, and its badge's tone. */
const OUTCOMES: Record<Step['outcome'], { label: string; tone: string }> = {
  ACTIVE: { label: 'Running', tone: 'active' },
  INCIDENT: { label: 'Failed', tone: 'bad' },
  COMPLETED: { label: 'Completed', tone: 'ok' },
  TERMINATED: { label: 'Terminated', tone: 'neutral' },
};

/** The steps in the order they started (steps not started yet last, in the api's order). */
function ordered(steps: readonly Step[]): Step[] {
  const time = (step: Step) => (step.startedAt ? new Date(step.startedAt).getTime() : Number.POSITIVE_INFINITY);
  return steps
    .map((step, index) => ({ step, index }))
    .sort((a, b) => time(a.step) - time(b.step) || a.index - b.index)
    .map(({ step }) => step);
}

/** A BPMN element type such as SERVICE_TASK, in words: “service task”. */
function typeLabel(step: Step): string {
  const type = step.type.toLowerCase().replace(/_/g, ' ');
  return step.eventType ? `${type} (${step.eventType.toLowerCase().replace(/_/g, ' ')})` : type;
}

/**
 * One run: its state, how and when it started, the timeline of its steps (failed ones with their
 * error), its incidents and its variables; Retry and Cancel for users who may start runs. It is
 * loaded again every few seconds while it has not ended.
 */
export default function RunDetailsPage({ title }: { title: string }) {
  const api = useApi();
  const { id = '' } = useParams();
  const { can } = usePermissions();
  const canStart = can('runs:start');
  const run = useResource(
    useCallback(
      (signal: AbortSignal) => call('Loading the run', api.GET('/api/runs/{id}', { params: { path: { id } }, signal })),
      [api, id],
    ),
  );
  useAutoRefresh(run.data ? isLive(run.data.state) : false, run.reload);
  const retry = useSubmit<Schemas['RunActionAccepted']>(run.reload);
  const cancel = useSubmit<Schemas['RunActionAccepted']>(run.reload);

  if (!run.data) {
    return (
      <Page title={title}>
        <p>
          <Link to="/runs">← Runs</Link>
        </p>
        {run.failure ? (
          <ErrorBox title="The run could not be loaded" message={run.failure} onRetry={run.reload} />
        ) : (
          <p className="muted">Loading the run…</p>
        )}
      </Page>
    );
  }
  const shown = run.data;
  const openIncidents = shown.incidents.filter((incident) => incident.state === 'OPEN');
  const steps = ordered(shown.steps);
  const variableCount = Object.keys(shown.variables ?? {}).length;
  // An agent's run carries its agent: its tool calls waiting for a person are decided here too.
  const agentId = typeof shown.variables?.agentId === 'string' ? shown.variables.agentId : undefined;

  return (
    <Page title={`Run of ${shown.automation}`} status={<RunStateBadge state={shown.state} />}>
      <p>
        <Link to="/runs">← Runs</Link>
      </p>
      <dl className="details" data-testid="run-details">
        <dt>Run</dt>
        <dd className="mono">{shown.id}</dd>
        <dt>Automation</dt>
        <dd>
          <Link className="mono" to={`/integrations/automation/${encodeURIComponent(shown.automation)}`}>
            {shown.automation}
          </Link>
          {shown.version !== null && shown.version !== undefined && <span className="muted"> version {shown.version}</span>}
        </dd>
        <dt>Started by</dt>
        <dd data-testid="run-start">{describeStart(shown.start)}</dd>
        <dt>Started</dt>
        <dd>
          <Timestamp value={shown.startedAt} precision="second" />
        </dd>
        <dt>Ended</dt>
        <dd>
          <Timestamp value={shown.endedAt} precision="second" empty={isLive(shown.state) ? 'Not yet' : '—'} />
        </dd>
        <dt>Duration</dt>
        <dd>{runDuration(shown)}</dd>
      </dl>

      {retry.problem && <ErrorBox title="The run was not retried" message={retry.problem.detail} />}
      {cancel.problem && <ErrorBox title="The run was not cancelled" message={cancel.problem.detail} />}
      {canStart && (openIncidents.length > 0 || isLive(shown.state)) && (
        <div className="button-row">
          {openIncidents.length > 0 && (
            <button
              type="button"
              className="button button-primary button-small"
              data-testid="retry-run"
              disabled={retry.busy}
              onClick={() =>
                retry.submit('Retrying the run', () =>
                  api.POST('/api/runs/{id}/retry', { params: { path: { id } }, body: { retries: 1 } }),
                )
              }
            >
              {retry.busy ? 'Retrying…' : 'Retry failed steps'}
            </button>
          )}
          {isLive(shown.state) && (
            <ConfirmAction
              label="Cancel run"
              question="Cancel this run? Its remaining steps will not run."
              testId="cancel-run"
              confirmTestId="confirm-cancel-run"
              onConfirm={() =>
                cancel.submit('Cancelling the run', () => api.POST('/api/runs/{id}/cancel', { params: { path: { id } } }))
              }
            />
          )}
        </div>
      )}

      {agentId && isLive(shown.state) && can('agents:read') && (
        <PendingApprovals agentId={agentId} runId={shown.id} canDecide={can('agents:write')} canOpenRuns={false} />
      )}

      <h2>Incidents</h2>
      {shown.incidents.length === 0 ? (
        <p className="muted">No incidents.</p>
      ) : (
        <ul className="run-incidents">
          {shown.incidents.map((incident) => (
            <li
              key={incident.id}
              className={`card run-incident run-incident-${incident.state.toLowerCase()}`}
              data-testid="run-incident"
              data-state={incident.state}
            >
              <div>
                <span className={`status status-${incident.state === 'OPEN' ? 'bad' : 'neutral'}`}>
                  {incident.state === 'OPEN' ? 'Open' : 'Resolved'}
                </span>{' '}
                <span className="mono">{incident.elementId}</span> <span className="muted small">{incident.errorType}</span>
              </div>
              <p className="run-error" data-testid="run-incident-message">
                {incident.message ?? 'The engine gave no message.'}
              </p>
              <div className="muted small">
                Raised <Timestamp value={incident.createdAt} precision="second" />
                {incident.resolvedAt && (
                  <>
                    {' '}
                    · resolved <Timestamp value={incident.resolvedAt} precision="second" />
                  </>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}

      <h2>Timeline</h2>
      {steps.length === 0 ? (
        <p className="muted">No steps reported yet.</p>
      ) : (
        <ol className="run-timeline" data-testid="run-timeline">
          {steps.map((step) => {
            const outcome = OUTCOMES[step.outcome] ?? { label: step.outcome, tone: 'neutral' };
            const failed = step.outcome === 'INCIDENT';
            const error = step.job?.errorMessage;
            return (
              <li
                key={step.id}
                className={failed ? 'run-step run-step-failed' : 'run-step'}
                data-testid="run-step"
                data-outcome={step.outcome}
              >
                <div className="run-step-head">
                  <span className="strong">{step.name || step.elementId}</span>{' '}
                  <span className="muted small">{typeLabel(step)}</span>{' '}
                  <span className={`status status-${outcome.tone}`}>{outcome.label}</span>
                </div>
                <div className="muted small">
                  <Timestamp value={step.startedAt} precision="second" /> · {formatDuration(step.durationMs)}
                  {step.job && (
                    <>
                      {' '}
                      · job <span className="mono">{step.job.type}</span> {step.job.state.toLowerCase()},{' '}
                      {step.job.retriesLeft} {step.job.retriesLeft === 1 ? 'retry' : 'retries'} left
                    </>
                  )}
                </div>
                {error && (failed || step.outcome === 'ACTIVE') && (
                  <p className="run-error" data-testid="run-step-error">
                    {error}
                  </p>
                )}
              </li>
            );
          })}
        </ol>
      )}

      <h2>Variables</h2>
      <details className="run-variables" open={variableCount > 0 && variableCount <= 20}>
        <summary>
          {variableCount} variable{variableCount === 1 ? '' : 's'}
        </summary>
        <pre className="payload" data-testid="run-variables">
          {JSON.stringify(shown.variables ?? {}, null, 2)}
        </pre>
      </details>
      {shown.omittedVariables.length > 0 && (
        <p className="muted small">Too large to show: {shown.omittedVariables.join(', ')}</p>
      )}
      {shown.input && (
        <details className="run-variables">
          <summary>Started with</summary>
          <pre className="payload" data-testid="run-input">
            {JSON.stringify(shown.input, null, 2)}
          </pre>
        </details>
      )}
    </Page>
  );
}
