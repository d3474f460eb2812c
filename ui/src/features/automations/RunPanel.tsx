import { useId, useState } from 'react';
import type { Schemas } from '../../api/client';
import { useSubmit } from '../../api/useSubmit';
import { useApi } from '../auth/session';
import { controlProps, Field } from '../shell/Field';
import { FormCard } from '../shell/FormCard';

/**
 * Starts a run of the deployed version with input variables given as a JSON object, and shows the
 * run's id once it has started.
 */
export function RunPanel({ automationKey, onClose }: { automationKey: string; onClose: () => void }) {
  const api = useApi();
  const id = useId();
  const [variables, setVariables] = useState('{}');
  const [started, setStarted] = useState<Schemas['Run']>();
  const submission = useSubmit<Schemas['Run']>(setStarted);
  const { errors, submit, reject } = submission;

  const start = () => {
    let input: unknown;
    try {
      input = JSON.parse(variables.trim() || '{}');
    } catch (error) {
      return reject({ variables: `This is not JSON: ${error instanceof Error ? error.message : error}` });
    }
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
      return reject({ variables: 'Give the variables as a JSON object, e.g. {"orderId": 1001}.' });
    }
    setStarted(undefined);
    return submit('Starting a run', () =>
      api.POST('/api/v1/automations/{key}/runs', {
        params: { path: { key: automationKey } },
        body: input as Record<string, unknown>,
      }),
    );
  };

  return (
    <FormCard
      title="Run the deployed version"
      failureTitle="The run was not started"
      submission={submission}
      button={{ label: 'Start run', busyLabel: 'Starting…', testId: 'run-start' }}
      onSubmit={start}
      onCancel={onClose}
    >
      <Field
        id={`${id}-variables`}
        label="Input variables (JSON)"
        hint="The run starts with these process variables."
        error={errors.variables}
      >
        <textarea
          {...controlProps(`${id}-variables`, errors.variables)}
          className="input mono"
          rows={4}
          data-testid="run-variables"
          value={variables}
          onChange={(event) => setVariables(event.target.value)}
        />
      </Field>
      {started && (
        <p role="status" data-testid="run-started">
          Run started: <code className="mono" data-testid="run-id">{started.id}</code> ({started.state.toLowerCase()})
        </p>
      )}
    </FormCard>
  );
}
