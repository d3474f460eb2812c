import { useCallback, useId, useState } from 'react';
import { Link } from 'react-router-dom';
import type { Schemas } from '../../api/client';
import { call, useResource } from '../../api/result';
import { useAutoRefresh } from '../../api/useAutoRefresh';
import { useApi } from '../auth/session';
import { ErrorBox } from '../shell/ErrorBox';
import { TextField } from './AgentControls';
import { formatArguments } from './ChatToolCall';
import { useToolCallDecision, type Decision } from './useToolCallDecision';

type Pending = Schemas['PendingApproval'];

/**
 * The tool calls the agent's runs (or one run, given `runId`) wait on for a person, refreshed while
 * shown: each with what the model asked, its run, and (for users who may decide) Approve and Deny
 * with a reason that is told to the model.
 */
export function PendingApprovals({
  agentId,
  runId,
  canDecide,
  canOpenRuns,
}: {
  agentId: string;
  runId?: string;
  canDecide: boolean;
  canOpenRuns: boolean;
}) {
  const api = useApi();
  const pending = useResource(
    useCallback(
      (signal: AbortSignal) =>
        call(
          'Loading the tool calls waiting for approval',
          api.GET('/api/agents/{id}/approvals', { params: { path: { id: agentId } }, signal }),
        ),
      [api, agentId],
    ),
  );
  useAutoRefresh(true, pending.reload);
  const [decided, setDecided] = useState<{ decision: Decision; toolCallId: string }>();
  const waiting = (pending.data ?? []).filter((call) => runId === undefined || call.runId === runId);

  return (
    <section className="card" aria-label="Tool calls waiting for approval" data-testid="pending-approvals">
      <h2 className="form-title">Waiting for approval</h2>
      {pending.failure && <ErrorBox title="The waiting tool calls could not be loaded" message={pending.failure} />}
      {decided && (
        <p className="agent-note" role="status" data-testid="approval-sent">
          {decided.decision === 'APPROVED' ? 'Approved' : 'Denied'} tool call{' '}
          <span className="mono">{decided.toolCallId}</span>: the run goes on.
        </p>
      )}
      {pending.data && waiting.length === 0 && (
        <p className="muted" data-testid="no-pending-approvals">
          No tool call waits for a decision.
        </p>
      )}
      <ul className="approval-list">
        {waiting.map((call) => (
          <PendingCall
            key={call.toolCallId}
            agentId={agentId}
            waiting={call}
            canDecide={canDecide}
            canOpenRuns={canOpenRuns}
            onDecided={(decision, toolCallId) => {
              setDecided({ decision, toolCallId });
              pending.reload();
            }}
          />
        ))}
      </ul>
    </section>
  );
}

/** One waiting call: the tool and its arguments, the run, and the decision. */
function PendingCall({
  agentId,
  waiting,
  canDecide,
  canOpenRuns,
  onDecided,
}: {
  agentId: string;
  waiting: Pending;
  canDecide: boolean;
  canOpenRuns: boolean;
  onDecided: (decision: Decision, toolCallId: string) => void;
}) {
  const id = useId();
  const [reason, setReason] = useState('');
  const { submission, decide } = useToolCallDecision(agentId, onDecided);

  return (
    <li className="approval-row" data-testid="pending-approval" data-tool-call={waiting.toolCallId}>
      <p>
        <strong className="mono">{waiting.tool}</strong> asked{' '}
        <time dateTime={waiting.askedAt}>{new Date(waiting.askedAt).toLocaleString()}</time> in{' '}
        {canOpenRuns ? (
          <Link to={`/runs/${encodeURIComponent(waiting.runId)}`}>run {waiting.runId}</Link>
        ) : (
          <span className="mono">run {waiting.runId}</span>
        )}
      </p>
      <pre className="json" data-testid="pending-approval-arguments">
        {formatArguments(waiting.arguments)}
      </pre>
      {submission.problem && (
        <ErrorBox title="The decision was not taken" message={submission.problem.detail} testId="approval-error" />
      )}
      {canDecide && (
        <>
          <TextField
            id={`${id}-reason`}
            label="Reason"
            hint="Told to the model with a denial, e.g. “Not before Friday's launch”."
            error={submission.errors.reason}
            value={reason}
            rows={2}
            maxLength={1000}
            testId="approval-reason"
            onChange={setReason}
          />
          <div className="form-actions">
            <button
              type="button"
              className="button button-primary"
              data-testid="approve-tool-call"
              disabled={submission.busy}
              onClick={() => decide(waiting.toolCallId, 'APPROVED', reason)}
            >
              Approve
            </button>
            <button
              type="button"
              className="button button-danger"
              data-testid="deny-tool-call"
              disabled={submission.busy}
              onClick={() => decide(waiting.toolCallId, 'DENIED', reason)}
            >
              Deny
            </button>
          </div>
        </>
      )}
    </li>
  );
}
