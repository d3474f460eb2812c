import type { Schemas } from '../../api/client';

const hourFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', hour: '2-digit', minute: '2-digit' });

/** Runs started in each of the last hours, as bars, the current hour last. */
export function RunsPerHour({ hours }: { hours: Schemas['RunsInHour'][] }) {
  const total = hours.reduce((sum, hour) => sum + hour.runs, 0);
  const most = Math.max(1, ...hours.map((hour) => hour.runs));
  const current = hours.at(-1)?.runs ?? 0;
  return (
    <section className="page-section" aria-labelledby="health-runs">
      <h2 className="section-title" id="health-runs">
        Runs per hour
      </h2>
      <div className="card">
        <p>
          <span data-testid="runs-total">{total}</span> runs started in the last {hours.length} hours,{' '}
          <span data-testid="runs-this-hour">{current}</span> in this hour.
        </p>
        <div className="runs-per-hour" role="img" aria-label={`Runs per hour, ${total} in ${hours.length} hours`}>
          {hours.map((hour) => (
            <span
              key={hour.hour}
              className="runs-per-hour-bar"
              style={{ height: `${Math.round((hour.runs / most) * 100)}%` }}
              title={`${hourFormat.format(new Date(hour.hour))}: ${hour.runs} runs`}
            />
          ))}
        </div>
      </div>
    </section>
  );
}
