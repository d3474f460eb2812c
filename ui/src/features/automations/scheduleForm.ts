import type { Schemas } from '../../api/client';

export type Every = Schemas['ScheduleRule']['every'];

/** How the form says when a schedule fires. */
export type ScheduleMode = 'at' | 'interval' | 'cron';

export const MODES: { value: ScheduleMode; label: string }[] = [
  { value: 'at', label: 'Every … at HH:MM' },
  { value: 'interval', label: 'Every N minutes or hours' },
  { value: 'cron', label: 'Cron expression' },
];

/** The `every` of a rule at a time of day. */
export const DAYS: { value: Every; label: string }[] = [
  { value: 'DAY', label: 'day' },
  { value: 'WEEKDAY', label: 'weekday (Monday to Friday)' },
  { value: 'MONDAY', label: 'Monday' },
  { value: 'TUESDAY', label: 'Tuesday' },
  { value: 'WEDNESDAY', label: 'Wednesday' },
  { value: 'THURSDAY', label: 'Thursday' },
  { value: 'FRIDAY', label: 'Friday' },
  { value: 'SATURDAY', label: 'Saturday' },
  { value: 'SUNDAY', label: 'Sunday' },
];

/** The `every` of a rule by an interval. */
export const UNITS: { value: Every; label: string }[] = [
  { value: 'MINUTES', label: 'minutes' },
  { value: 'HOURS', label: 'hours' },
];

/** What the form holds about when the schedule fires. */
export interface Timing {
  mode: ScheduleMode;
  day: Every;
  at: string;
  interval: string;
  unit: Every;
  cron: string;
  timeZone: string;
}

/** The timing a new schedule starts from: every day at 09:00 in the browser's zone. */
export function defaultTiming(): Timing {
  return { mode: 'at', day: 'DAY', at: '09:00', interval: '15', unit: 'MINUTES', cron: '', timeZone: browserTimeZone() };
}

/** The form's timing for a schedule's cron expression or rule, as the api answers them. */
export function timingOf(when: { cron?: string | null; rule?: Schemas['ScheduleRule'] | null; timeZone?: string | null }): Timing {
  const timing = { ...defaultTiming(), timeZone: when.timeZone || browserTimeZone() };
  if (when.rule?.at) return { ...timing, mode: 'at', day: when.rule.every, at: when.rule.at };
  if (when.rule?.interval) return { ...timing, mode: 'interval', unit: when.rule.every, interval: String(when.rule.interval) };
  return { ...timing, mode: 'cron', cron: when.cron ?? '' };
}

/** The browser's IANA time zone, the form's default. */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** What the timing lacks before it can be sent, by field. */
export function timingProblems(timing: Timing): Record<string, string> {
  const missing: Record<string, string> = {};
  if (!timing.timeZone.trim()) missing.timeZone = 'Name the time zone, such as Europe/Berlin.';
  if (timing.mode === 'cron' && !timing.cron.trim()) missing.cron = 'Give a cron expression, such as 0 9 * * MON.';
  if (timing.mode === 'at' && !timing.at) missing.at = 'Give the time of day as HH:MM.';
  if (timing.mode === 'interval' && !Number.isFinite(Number.parseInt(timing.interval, 10))) {
    missing.interval = 'Give a whole number.';
  }
  return missing;
}

/** The `cron` or `rule` of a request for the timing, as the api takes it. */
export function whenOf(timing: Timing): { cron?: string; rule?: Schemas['ScheduleRule'] } {
  switch (timing.mode) {
    case 'cron':
      return { cron: timing.cron.trim() };
    case 'at':
      return { rule: { every: timing.day, at: timing.at } };
    case 'interval':
      return { rule: { every: timing.unit, interval: Number.parseInt(timing.interval, 10) } };
  }
}

/** The query of `/api/schedule-preview` for the timing, or undefined while it is too incomplete to ask. */
export function previewQuery(timing: Timing) {
  const timeZone = timing.timeZone.trim();
  if (!timeZone) return undefined;
  switch (timing.mode) {
    case 'cron':
      return timing.cron.trim() ? { cron: timing.cron.trim(), timeZone } : undefined;
    case 'at':
      return timing.at ? { every: timing.day, at: timing.at, timeZone } : undefined;
    case 'interval': {
      const interval = Number.parseInt(timing.interval, 10);
      return Number.isFinite(interval) ? { every: timing.unit, interval, timeZone } : undefined;
    }
  }
}

/**
 * The form field the api's `field` names: creating names the rule's fields `rule.every`,
 * `rule.at`, `rule.interval`; the preview names them `every`, `at`, `interval`.
 */
export function formFieldOf(field: string): string {
  return field.startsWith('rule.') ? field.slice('rule.'.length) : field;
}

/** Messages by form field, from the api's messages by request field. */
export function formErrorsOf(errors: Record<string, string>): Record<string, string> {
  const mapped: Record<string, string> = {};
  for (const [field, message] of Object.entries(errors)) {
    const name = formFieldOf(field);
    if (!mapped[name]) mapped[name] = message;
  }
  return mapped;
}

/** A fire time (ISO 8601 with an offset) on the wall clock of `timeZone`, naming the zone. */
export function fireTimeIn(value: string, timeZone: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  try {
    return new Intl.DateTimeFormat(undefined, {
      dateStyle: 'full',
      timeStyle: 'short',
      timeZone,
    }).format(date);
  } catch {
    return value;
  }
}
