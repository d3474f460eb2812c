import { useId, useState } from 'react';
import { ErrorBox } from '../shell/ErrorBox';
import { TextField } from './AgentControls';
import { useToolCallDecision, type Decision } from './useToolCallDecision';

/**
 * A person's decision on a tool call an agent's run waits for: the call's id, approve or deny,
 * and a reason (a denial and its reason are told to the model).
 */
export function ApprovalForm({ agentId }: { agentId: string }) {
  const id = useId();
  const [toolCallId, setToolCallId] = useState('');
  const [reason, setReason] = useState('');
  const [sent, setSent] = useState<{ decision: Decision; toolCallId: string }>();
  const { submission, decide: post } = useToolCallDecision(agentId, (decision, decided) => {
    setSent({ decision, toolCallId: decided });
    setToolCallId('');
    setReason('');
  });

  const decide = (choice: Decision) => {
    setSent(undefined);
    if (!toolCallId.trim()) {
      return submission.reject({ toolCallId: 'Give the id of the tool call, as its run shows it.' });
    }
    return post(toolCallId.trim(), choice, reason);
  };

  return (
    <form className="card form" onSubmit={(event) => event.preventDefault()} noValidate aria-label="Approve a tool call">
      <h2 className="form-title">Approve or deny a tool call</h2>
      {submission.problem && (
        <ErrorBox title="The decision was not taken" message={submission.problem.detail} testId="approval-error" />
      )}
      <TextField
        id={`${id}-call`}
        label="Tool call id"
        hint="The run's “Await approval” step shows it."
        error={submission.errors.toolCallId}
        value={toolCallId}
        maxLength={200}
        required
        testId="approval-tool-call"
        onChange={setToolCallId}
      />
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
          onClick={() => decide('APPROVED')}
        >
          Approve
        </button>
        <button
          type="button"
          className="button button-danger"
          data-testid="deny-tool-call"
          disabled={submission.busy}
          onClick={() => decide('DENIED')}
        >
          Deny
        </button>
      </div>
      {sent && (
        <p className="agent-note" role="status" data-testid="approval-sent">
          {sent.decision === 'APPROVED' ? 'Approved' : 'Denied'} tool call{' '}
          <span className="mono">{sent.toolCallId}</span>: the run goes on.
        </p>
      )}
    </form>
  );
}
