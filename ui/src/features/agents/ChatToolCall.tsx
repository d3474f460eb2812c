import { useId, useState } from 'react';
import { ErrorBox } from '../shell/ErrorBox';
import { TextField } from './AgentControls';
import type { ToolCall } from './useSessionEvents';
import { useToolCallDecision, type Decision } from './useToolCallDecision';

/** The tools the model calls in one step, each with its arguments, and a decision on those that wait for one. */
export function ChatToolCalls({
  agentId,
  calls,
  pending,
  canDecide,
}: {
  agentId: string;
  calls: ToolCall[];
  pending: (call: ToolCall) => boolean;
  canDecide: boolean;
}) {
  return (
    <>
      {calls.map((call) => (
        <div key={call.id} className="chat-tool" data-testid="chat-tool-call">
          <p className="chat-tool-title">
            Calls <code className="mono">{call.name}</code>
            {pending(call) && <span className="badge">waits for approval</span>}
          </p>
          <pre className="json">{formatArguments(call.arguments)}</pre>
          {pending(call) && canDecide && <ToolCallDecision agentId={agentId} toolCallId={call.id} />}
        </div>
      ))}
    </>
  );
}

/** What a tool answered. */
export function ChatToolResult({ result }: { result: { toolCallId?: string; toolName?: string; content?: string } }) {
  return (
    <div className="chat-tool" data-testid="chat-tool-result">
      <p className="chat-tool-title">
        <code className="mono">{result.toolName}</code> answered
      </p>
      <pre className="json">{result.content}</pre>
    </div>
  );
}

/** Approve, or deny with a reason told to the model, a tool call the run waits on. */
function ToolCallDecision({ agentId, toolCallId }: { agentId: string; toolCallId: string }) {
  const id = useId();
  const [denying, setDenying] = useState(false);
  const [reason, setReason] = useState('');
  const [sent, setSent] = useState<Decision>();
  const { submission, decide: post } = useToolCallDecision(agentId, (decision) => setSent(decision));

  const decide = (decision: Decision) => post(toolCallId, decision, reason);

  if (sent) {
    return (
      <p className="agent-note" role="status" data-testid="chat-decision-sent">
        {sent === 'APPROVED' ? 'Approved: the run goes on.' : 'Denied: the model is told why.'}
      </p>
    );
  }
  return (
    <div className="chat-decision">
      {submission.problem && (
        <ErrorBox title="The decision was not taken" message={submission.problem.detail} testId="chat-decision-error" />
      )}
      {denying && (
        <TextField
          id={`${id}-reason`}
          label="Reason"
          hint="Told to the model with the denial."
          error={submission.errors.reason}
          value={reason}
          maxLength={1000}
          testId="chat-deny-reason"
          onChange={setReason}
        />
      )}
      <div className="form-actions">
        {denying ? (
          <>
            <button
              type="button"
              className="button button-danger button-small"
              data-testid="chat-confirm-deny"
              disabled={submission.busy}
              onClick={() => decide('DENIED')}
            >
              Deny the call
            </button>
            <button type="button" className="button button-small" onClick={() => setDenying(false)}>
              Cancel
            </button>
          </>
        ) : (
          <>
            <button
              type="button"
              className="button button-primary button-small"
              data-testid="chat-approve"
              disabled={submission.busy}
              onClick={() => decide('APPROVED')}
            >
              Approve
            </button>
            <button
              type="button"
              className="button button-danger-text button-small"
              data-testid="chat-deny"
              onClick={() => setDenying(true)}
            >
              Deny…
            </button>
          </>
        )}
      </div>
    </div>
  );
}

/** The arguments the model gave, as indented JSON (the model sends them as a JSON string). */
export function formatArguments(value: unknown): string {
  if (typeof value === 'string') {
    try {
      return JSON.stringify(JSON.parse(value), null, 2);
    } catch {
      return value;
    }
  }
  return JSON.stringify(value ?? {}, null, 2);
}
