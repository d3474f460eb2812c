const day = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const minute = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const second = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
const formats = { day, minute, second };

/**
 * A time from the api (ISO 8601) as people read it, at the given precision, with the full time
 * on hover; `empty` when there is none.
 */
export function Timestamp({
  value,
  precision = 'minute',
  empty = '—',
}: {
  value: string | null | undefined;
  precision?: keyof typeof formats;
  empty?: string;
}) {
  if (!value) return <span className="muted">{empty}</span>;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return <>{value}</>;
  return (
    <time className="nowrap" dateTime={value} title={second.format(date)}>
      {formats[precision].format(date)}
    </time>
  );
}
