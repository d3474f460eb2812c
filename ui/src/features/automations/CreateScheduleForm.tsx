import { useEffect, useId, useState } from 'react';
import type { Schemas } from '../../api/client';
import { call, type Problem } from '../../api/result';
import { useSubmit } from '../../api/useSubmit';
import { useApi } from '../auth/session';
import { controlProps, Field } from '../shell/Field';
import { FormCard } from '../shell/FormCard';
import {
  browserTimeZone,
  DAYS,
  fireTimeIn,
  formErrorsOf,
  formFieldOf,
  MODES,
  previewQuery,
  UNITS,
  whenOf,
  type Every,
  type ScheduleMode,
  type Timing,
} from './scheduleForm';

/** How long the form waits after the last keystroke before asking for a preview. */
const PREVIEW_DELAY_MS = 400;

/** The timing fields the form shows in each mode. */
const FIELDS_OF: Record<ScheduleMode, string[]> = {
  at: ['every', 'at', 'timeZone'],
  interval: ['every', 'interval', 'timeZone'],
  cron: ['cron', 'timeZone'],
};

type Preview = { ok: true; data: Schemas['SchedulePreview'] } | { ok: false; problem: Problem };

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
  const [timing, setTiming] = useState<Timing>(() => ({
    mode: 'at',
    day: 'DAY',
    at: '09:00',
    interval: '15',
    unit: 'MINUTES',
    cron: '',
    timeZone: browserTimeZone(),
  }));
  const [enabled, setEnabled] = useState(true);
  const [variables, setVariables] = useState('{}');
  const [preview, setPreview] = useState<Preview>();
  const submission = useSubmit(onCreated);
  const { submit, reject } = submission;
  const change = (part: Partial<Timing>) => setTiming((previous) => ({ ...previous, ...part }));

  // The preview follows the timing, a moment after the last change.
  useEffect(() => {
    const query = previewQuery(timing);
    if (!query) {
      setPreview(undefined);
      return;
    }
    const abort = new AbortController();
    const timer = window.setTimeout(async () => {
      const answer = await call(
        'Previewing the schedule',
        api.GET('/api/schedule-preview', { params: { query }, signal: abort.signal }),
      );
      if (!abort.signal.aborted) setPreview(answer);
    }, PREVIEW_DELAY_MS);
    return () => {
      window.clearTimeout(timer);
      abort.abort();
    };
  }, [api, timing]);

  // The api's message about the timing shows at its field, when the form shows that field;
  // a submission's messages come first.
  const previewProblem = preview && !preview.ok ? preview.problem : undefined;
  const previewField = previewProblem?.field ? formFieldOf(previewProblem.field) : undefined;
  const atField = previewField !== undefined && FIELDS_OF[timing.mode].includes(previewField);
  const errors: Record<string, string> = {
    ...(atField && previewProblem ? { [previewField!]: previewProblem.detail } : {}),
    ...formErrorsOf(submission.errors),
  };

  const send = () => {
    const missing: Record<string, string> = {};
    if (!name.trim()) missing.name = 'Give the schedule a name.';
    if (!timing.timeZone.trim()) missing.timeZone = 'Name the time zone, such as Europe/Berlin.';
    if (timing.mode === 'cron' && !timing.cron.trim()) missing.cron = 'Give a cron expression, such as 0 9 * * MON.';
    if (timing.mode === 'at' && !timing.at) missing.at = 'Give the time of day as HH:MM.';
    if (timing.mode === 'interval' && !Number.isFinite(Number.parseInt(timing.interval, 10))) {
      missing.interval = 'Give a whole number.';
    }
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
        <Field id={`${id}-mode`} label="Fires" error={undefined}>
          <select
            {...controlProps(`${id}-mode`, undefined)}
            className="input"
            data-testid="schedule-mode"
            value={timing.mode}
            onChange={(event) => change({ mode: event.target.value as ScheduleMode })}
          >
            {MODES.map((mode) => (
              <option key={mode.value} value={mode.value}>
                {mode.label}
              </option>
            ))}
          </select>
        </Field>
        {timing.mode === 'at' && (
          <>
            <Field id={`${id}-day`} label="Every" error={errors.every}>
              <select
                {...controlProps(`${id}-day`, errors.every)}
                className="input"
                data-testid="schedule-day"
                value={timing.day}
                onChange={(event) => change({ day: event.target.value as Every })}
              >
                {DAYS.map((day) => (
                  <option key={day.value} value={day.value}>
                    {day.label}
                  </option>
                ))}
              </select>
            </Field>
            <Field id={`${id}-at`} label="At (HH:MM)" error={errors.at}>
              <input
                {...controlProps(`${id}-at`, errors.at)}
                type="time"
                className="input"
                data-testid="schedule-at"
                value={timing.at}
                onChange={(event) => change({ at: event.target.value })}
              />
            </Field>
          </>
        )}
        {timing.mode === 'interval' && (
          <>
            <Field
              id={`${id}-interval`}
              label="Every N"
              hint="Minutes: a divisor of 60. Hours: a divisor of 24."
              error={errors.interval}
            >
              <input
                {...controlProps(`${id}-interval`, errors.interval)}
                type="number"
                min={1}
                className="input"
                data-testid="schedule-interval"
                value={timing.interval}
                onChange={(event) => change({ interval: event.target.value })}
              />
            </Field>
            <Field id={`${id}-unit`} label="Unit" error={errors.every}>
              <select
                {...controlProps(`${id}-unit`, errors.every)}
                className="input"
                data-testid="schedule-unit"
                value={timing.unit}
                onChange={(event) => change({ unit: event.target.value as Every })}
              >
                {UNITS.map((unit) => (
                  <option key={unit.value} value={unit.value}>
                    {unit.label}
                  </option>
                ))}
              </select>
            </Field>
          </>
        )}
        {timing.mode === 'cron' && (
          <Field
            id={`${id}-cron`}
            label="Cron expression"
            hint="5 fields (minute hour day month weekday), or 6 with seconds first, or @daily, @hourly…"
            error={errors.cron}
          >
            <input
              {...controlProps(`${id}-cron`, errors.cron)}
              className="input mono"
              data-testid="schedule-cron"
              placeholder="0 9 * * MON"
              maxLength={200}
              value={timing.cron}
              onChange={(event) => change({ cron: event.target.value })}
            />
          </Field>
        )}
        <Field
          id={`${id}-zone`}
          label="Time zone"
          hint="An IANA zone such as Europe/Berlin; the schedule keeps its wall-clock time across daylight saving."
          error={errors.timeZone}
          required
        >
          <input
            {...controlProps(`${id}-zone`, errors.timeZone)}
            className="input"
            data-testid="schedule-time-zone"
            maxLength={64}
            value={timing.timeZone}
            onChange={(event) => change({ timeZone: event.target.value })}
          />
        </Field>
        <SchedulePreviewBox preview={preview} shownAtField={atField} />
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

/** What the schedule would do: its description and next five fire times in its zone, or why not. */
function SchedulePreviewBox({ preview, shownAtField }: { preview: Preview | undefined; shownAtField: boolean }) {
  return (
    <div className="card schedule-preview" role="status" aria-live="polite" data-testid="schedule-preview">
      {!preview && <p className="muted">The preview shows once the schedule is complete.</p>}
      {preview && !preview.ok && (
        <p className="field-error" data-testid="schedule-preview-error">
          {shownAtField ? 'This schedule cannot be saved: see the field above.' : preview.problem.detail}
        </p>
      )}
      {preview?.ok && (
        <>
          <p className="strong" data-testid="schedule-preview-description">
            {preview.data.description}
          </p>
          <p className="muted">Next fire times ({preview.data.timeZone}):</p>
          <ol data-testid="schedule-preview-times">
            {preview.data.nextFireTimes.map((time) => (
              <li key={time}>
                <time dateTime={time}>{fireTimeIn(time, preview.data.timeZone)}</time>
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
