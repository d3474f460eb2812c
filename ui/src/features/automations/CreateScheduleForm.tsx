import { useId, useState } from 'react';
import type { Schemas } from '../../api/client';
import { useSubmit } from '../../api/useSubmit';
import { useApi } from '../auth/session';
import { controlProps, Field } from '../shell/Field';
import { FormCard } from '../shell/FormCard';
import { defaultTiming, formErrorsOf, timingProblems, whenOf, type Timing } from './scheduleForm';
import { ScheduleTimingFields } from './ScheduleTimingFields';

/**
 * Creates a schedule of an automation: when it fires (a rule at a time of day, a rule by an
 * interval, or a cron expression) in a time zone, with a live preview of the next fire times.
 */
export function CreateScheduleForm({
  automationKey,
  onCreated,
  onCancel,
}: {
  automationKey: string;
  onCreated: (created: Schemas['Schedule']) => void;
  onCancel: () => void;
}) {
  const api = useApi();
  const id = useId();
  const [name, setName] = useState('');
  const [timing, setTiming] = useState<Timing>(defaultTiming);
  const [enabled, setEnabled] = useState(true);
  const [variables, setVariables] = useState('{}');
  const submission = useSubmit(onCreated);
  const { submit, reject } = submission;
  const errors = formErrorsOf(submission.errors);

  const send = () => {
    const missing: Record<string, string> = timingProblems(timing);
    if (!name.trim()) missing.name = 'Give the schedule a name.';
    let input: unknown;
    try {
      input = JSON.parse(variables.trim() || '{}');
    } catch (error) {
      missing.variables = `This is not JSON: ${error instanceof Error ? error.message : error}`;
    }
    if (!missing.variables && (typeof input !== 'object' || input === null || Array.isArray(input))) {
      missing.variables = 'Give the variables as a JSON object, e.g. {"list": "newsletter"}.';
    }
    if (Object.keys(missing).length > 0) return reject(missing);
    return submit('Creating the schedule', () =>
      api.POST('/api/automations/{key}/schedules', {
        params: { path: { key: automationKey } },
        body: {
          name: name.trim(),
          ...whenOf(timing),
          timeZone: timing.timeZone.trim(),
          enabled,
          variables: input as Record<string, unknown>,
        },
      }),
    );
  };

  return (
    <div data-testid="schedule-create">
      <FormCard
        title="New schedule"
        failureTitle="The schedule was not created"
        submission={submission}
        button={{ label: 'Save schedule', busyLabel: 'Saving…', testId: 'schedule-save' }}
        onSubmit={send}
        onCancel={onCancel}
      >
        <Field id={`${id}-name`} label="Name" hint="What it is for, e.g. “Monday digest”." error={errors.name} required>
          <input
            {...controlProps(`${id}-name`, errors.name)}
            className="input"
            data-testid="schedule-name"
            value={name}
            maxLength={200}
            autoFocus
            onChange={(event) => setName(event.target.value)}
          />
        </Field>
        <ScheduleTimingFields id={id} timing={timing} onChange={setTiming} errors={errors} />
        <Field id={`${id}-variables`} label="Input variables (JSON)" hint="Each run starts with these." error={errors.variables}>
          <textarea
            {...controlProps(`${id}-variables`, errors.variables)}
            className="input mono"
            rows={3}
            data-testid="schedule-variables"
            value={variables}
            onChange={(event) => setVariables(event.target.value)}
          />
        </Field>
        <label className="checkbox">
          <input
            type="checkbox"
            data-testid="schedule-enabled"
            checked={enabled}
            onChange={(event) => setEnabled(event.target.checked)}
          />{' '}
          Enabled
        </label>
      </FormCard>
    </div>
  );
}
