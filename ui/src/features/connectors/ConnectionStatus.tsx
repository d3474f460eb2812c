import type { Connection } from './connectionConfig';

/** What each status of a connection says, and its colour (`status-ok`, `status-bad`, `status-neutral`). */
const STATUSES: Record<string, { label: string; tone: 'ok' | 'bad' | 'neutral' }> = {
  OK: { label: 'Connected', tone: 'ok' },
  NEEDS_ATTENTION: { label: 'Needs attention', tone: 'bad' },
  NEEDS_RECONNECT: { label: 'Needs reconnect', tone: 'bad' },
  UNTESTED: { label: 'Not tested', tone: 'neutral' },
};

/** A connection's status as a badge, with what the last test said on hover. */
export function ConnectionStatusBadge({
  connection: { status, statusMessage },
  testId,
}: {
  connection: Pick<Connection, 'status' | 'statusMessage'>;
  testId?: string;
}) {
  const { label, tone } = STATUSES[status] ?? { label: status, tone: 'neutral' };
  return (
    <span className={`status status-${tone}`} data-testid={testId} title={statusMessage || undefined}>
      {label}
    </span>
  );
}
