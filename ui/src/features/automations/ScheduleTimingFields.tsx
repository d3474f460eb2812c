import { useEffect, useState } from 'react';
import type { Schemas } from '../../api/client';
import { call, type Problem } from '../../api/result';
import { useApi } from '../auth/session';
import { controlProps, Field } from '../shell/Field';
import {
  DAYS,
  fireTimeIn,
  formFieldOf,
  MODES,
  previewQuery,
  UNITS,
  type Every,
  type ScheduleMode,
  type Timing,
} from './scheduleForm';

/** How long the fields wait after the last keystroke before asking for a preview. */
const PREVIEW_DELAY_MS = 400;

/** The timing fields shown in each mode. */
const FIELDS_OF: Record<ScheduleMode, string[]> = {
  at: ['every', 'at', 'timeZone'],
  interval: ['every', 'interval', 'timeZone'],
  cron: ['cron', 'timeZone'],
};

type Preview = { ok: true; data: Schemas['SchedulePreview'] } | { ok: false; problem: Problem };

/**
 * When a schedule fires (a rule at a time of day, a rule by an interval, or a cron expression) in a
 * time zone, with a live preview of the next fire times. The schedule form and the rule list's
 * schedule trigger both use it.
 */
export function ScheduleTimingFields({
  id,
  timing,
  onChange,
  errors: given,
}: {
  /** The prefix of the controls' ids. */
  id: string;
  timing: Timing;
  onChange: (timing: Timing) => void;
  /** Messages by timing field (every, at, interval, cron, timeZone) from a submission. */
  errors: Record<string, string>;
}) {
  const api = useApi();
  const [preview, setPreview] = useState<Preview>();
  const change = (part: Partial<Timing>) => onChange({ ...timing, ...part });

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
    ...given,
  };

  return (
    <>
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
    </>
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
