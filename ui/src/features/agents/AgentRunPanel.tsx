import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import type { Schemas } from '../../api/client';
import { useSubmit } from '../../api/useSubmit';
import { usePermissions } from '../auth/permissions';
import { useApi } from '../auth/session';
import { ErrorBox } from '../shell/ErrorBox';
import { TextField } from './AgentControls';
import type { Agent } from './agentForm';
import { PendingApprovals } from './PendingApprovals';

type Started = Schemas['AgentRunStarted'];

/**
 * Runs the agent now with a prompt (its task prompt when empty) and links to the run; below, the
 * tool calls its runs wait on for a person's decision. Read-only users see where runs are and what
 * waits, without the buttons.
 */
export function AgentRunPanel({ agent }: { agent: Agent }) {
  const { can } = usePermissions();
  const canRun = can('agents:write');
  return (
    <>
      {canRun ? (
        <RunNowForm agent={agent} canOpenRuns={can('runs:read')} />
      ) : (
        <p className="muted" data-testid="agent-run-read-only">
          Starting a run or deciding on a tool call needs the permission agents:write.
        </p>
      )}
      <p className="muted">
        Each run is on the Runs page as the process <code className="mono">{agent.processId}</code>: every tool call
        the agent makes appears there as its own “Act” step, and a call that needs approval as an “Await approval”
        step.
      </p>
      <PendingApprovals agentId={agent.id} canDecide={canRun} canOpenRuns={can('runs:read')} />
    </>
  );
}

/** A prompt and Run now; then the run it started, with its session and the settings version. */
function RunNowForm({ agent, canOpenRuns }: { agent: Agent; canOpenRuns: boolean }) {
  const api = useApi();
  const id = useId();
  const [prompt, setPrompt] = useState('');
  const [started, setStarted] = useState<Started>();
  const run = useSubmit<Started>(setStarted);

  const start = (event: FormEvent) => {
    event.preventDefault();
    setStarted(undefined);
    return run.submit('Starting the agent', () =>
      api.POST('/api/agents/{id}/runs', {
        params: { path: { id: agent.id } },
        body: { prompt: prompt.trim() || undefined },
      }),
    );
  };

  return (
    <form className="card form" onSubmit={start} noValidate aria-label="Run the agent">
      <h2 className="form-title">Run now</h2>
      {run.problem && <ErrorBox title="The agent did not start" message={run.problem.detail} testId="agent-run-error" />}
      <TextField
        id={`${id}-prompt`}
        label="Prompt"
        hint={agent.config.taskPrompt ? 'Empty to ask its task prompt.' : 'What to ask the agent.'}
        error={run.errors.prompt}
        value={prompt}
        rows={4}
        maxLength={8000}
        testId="agent-prompt"
        onChange={setPrompt}
      />
      <div className="form-actions">
        <button type="submit" className="button button-primary" data-testid="run-agent" disabled={run.busy}>
          {run.busy ? 'Starting…' : 'Run now'}
        </button>
      </div>
      {started && (
        <p className="agent-note" role="status" data-testid="agent-run-started">
          Run started with settings version {started.version}.{' '}
          {canOpenRuns ? (
            <Link to={`/runs/${encodeURIComponent(started.runId)}`}>Open the run</Link>
          ) : (
            <span className="mono">Run {started.runId}</span>
          )}
        </p>
      )}
    </form>
  );
}
