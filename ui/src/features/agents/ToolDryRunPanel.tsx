import { useId, useState } from 'react';
import type { Schemas } from '../../api/client';
import { useSubmit } from '../../api/useSubmit';
import { useApi } from '../auth/session';
import { ErrorBox } from '../shell/ErrorBox';
import { TextField } from './AgentControls';

type Input = Schemas['Input'];
type DryRun = Schemas['ToolDryRun'];

/** A starting sample: each required input with an empty value of its type. */
function sample(inputs: readonly Input[]): string {
  const empty: Record<string, unknown> = { string: '', integer: 0, number: 0, boolean: false, array: [], object: {} };
  const values: Record<string, unknown> = {};
  for (const input of inputs) if (input.required) values[input.name] = empty[input.type] ?? '';
  return JSON.stringify(values, null, 2);
}

/**
 * A dry run of one of the agent's saved tools: sample input as the model would give it, checked
 * by the api as the tool's step would take it, and what the step would send, with the connection
 * it is bound to. Nothing reaches the provider, whether the tool reads or writes.
 */
export function ToolDryRunPanel({ agentId, tool, inputs }: { agentId: string; tool: string; inputs: readonly Input[] }) {
  const api = useApi();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [input, setInput] = useState(() => sample(inputs));
  const [result, setResult] = useState<DryRun>();
  const run = useSubmit<DryRun>(setResult);

  const tryIt = () => {
    setResult(undefined);
    let parsed: unknown;
    try {
      parsed = JSON.parse(input);
    } catch (error) {
      return run.reject({ input: `The sample input is not JSON: ${(error as Error).message}` });
    }
    return run.submit('Trying the tool', () =>
      api.POST('/api/agents/{id}/dry-run', {
        params: { path: { id: agentId } },
        body: { tool, input: parsed as Schemas['DryRunRequest']['input'] },
      }),
    );
  };
  // The api names the input at fault (`input.resource`); the sample's box shows it.
  const inputError = Object.entries(run.errors).find(([field]) => field === 'input' || field.startsWith('input.'))?.[1];

  if (!open) {
    return (
      <button type="button" className="button" data-testid="agent-tool-dry-run-open" onClick={() => setOpen(true)}>
        Dry run…
      </button>
    );
  }
  return (
    <div className="dry-run" data-testid="agent-tool-dry-run">
      <TextField
        id={`${id}-input`}
        label="Sample input"
        hint={`As the model would give it (JSON). Inputs: ${
          inputs.map((each) => `${each.name}${each.required ? ' (required)' : ''}`).join(', ') || 'none'
        }.`}
        error={inputError}
        value={input}
        rows={5}
        testId="agent-tool-dry-run-input"
        onChange={setInput}
      />
      {run.problem && !inputError && (
        <ErrorBox title="The dry run was refused" message={run.problem.detail} testId="agent-tool-dry-run-error" />
      )}
      <div className="form-actions">
        <button
          type="button"
          className="button button-primary"
          data-testid="agent-tool-dry-run-send"
          disabled={run.busy}
          onClick={tryIt}
        >
          {run.busy ? 'Checking…' : 'Dry run'}
        </button>
      </div>
      {result && (
        <div role="status" data-testid="agent-tool-dry-run-result">
          <p className="agent-note">
            Nothing was sent. On a run, {result.description} would get this on{' '}
            <strong>{result.connectionName}</strong>
            {result.requiresApproval ? ', after a person approves it' : ''}:
          </p>
          <pre className="json">{JSON.stringify(result.wouldSend, null, 2)}</pre>
          {result.dropped.length > 0 && (
            <p className="agent-note">
              Left out, Brain sets {result.dropped.length === 1 ? 'it' : 'them'} itself: {result.dropped.join(', ')}.
            </p>
          )}
        </div>
      )}
    </div>
  );
}
