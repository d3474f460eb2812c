import type { Schemas } from '../../api/client';

export type RunState = Schemas['RunSummary']['state'];

/** What each run state says, and its badge's tone. */
export const RUN_STATES: Record<RunState, { label: string; tone: string }> = {
  ACTIVE: { label: 'Active', tone: 'active' },
  INCIDENT: { label: 'Incident', tone: 'bad' },
  COMPLETED: { label: 'Completed', tone: 'ok' },
  CANCELLED: { label: 'Cancelled', tone: 'neutral' },
};

/** Whether a run in this state may still change (the engine still runs it). */
export function isLive(state: RunState): boolean {
  return state === 'ACTIVE' || state === 'INCIDENT';
}

/** A run's state as a badge, with the test id `run-state`. */
export function RunStateBadge({ state }: { state: RunState }) {
  const shown = RUN_STATES[state] ?? { label: state, tone: 'neutral' };
  return (
    <span className={`status status-${shown.tone}`} data-testid="run-state" data-state={state}>
      {shown.label}
    </span>
  );
}

/** Who started a run through Brain: a user, or a webhook listener or schedule by its name. */
function starter(by: string): string {
  const system = /^(webhook|schedule):(.+)$/.exec(by);
  return system ? `${system[1]} “${system[2]}”` : by;
}

/** How a run was started, in words. */
export function describeStart(start: Schemas['RunStart'] | undefined | null): string {
  if (!start) return 'Unknown';
  switch (start.kind) {
    case 'BRAIN':
      return start.by ? `By ${starter(start.by)}` : 'Through Brain';
    case 'TIMER':
      return 'By a schedule (timer)';
    case 'MESSAGE':
      return 'By a message (e.g. a webhook)';
    case 'SIGNAL':
      return 'By a signal';
    case 'PARENT_RUN':
      return start.by ? `By run ${start.by}` : 'By a parent run';
    case 'ENGINE':
      return 'On the engine directly';
    default:
      return String(start.kind);
  }
}

/** A duration in milliseconds as people read it: 850 ms, 12.3 s, 4 min 5 s, 2 h 3 min. */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || ms < 0) return '—';
  if (ms < 1000) return `${ms} ms`;
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(seconds < 10 ? 1 : 0)} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${Math.floor(seconds % 60)} s`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

/** A run's duration: the api's once it ended, the time since it started while it runs. */
export function runDuration(run: { durationMs?: number | null; startedAt?: string | null; endedAt?: string | null }) {
  if (run.durationMs !== null && run.durationMs !== undefined) return formatDuration(run.durationMs);
  if (run.startedAt && !run.endedAt) {
    const started = new Date(run.startedAt).getTime();
    if (!Number.isNaN(started)) return `${formatDuration(Math.max(0, Date.now() - started))} so far`;
  }
  return '—';
}
