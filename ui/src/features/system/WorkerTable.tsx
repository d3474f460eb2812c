import type { Schemas } from '../../api/client';
import { Timestamp } from '../shell/Timestamp';
import { UpDown } from './ComponentStates';

type Worker = Schemas['WorkerProcess'];

/** The worker processes that reported lately: alive while their heartbeat is fresh. */
export function WorkerTable({ workers }: { workers: Worker[] }) {
  const alive = workers.filter((worker) => worker.alive).length;
  return (
    <section className="page-section" aria-labelledby="health-workers">
      <h2 className="section-title" id="health-workers">
        Workers <span className="muted small" data-testid="workers-alive">{`${alive} of ${workers.length} alive`}</span>
      </h2>
      <div className="card table-card">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Process</th>
              <th scope="col">Host</th>
              <th scope="col">Version</th>
              <th scope="col">Started</th>
              <th scope="col">Last seen</th>
              <th scope="col">State</th>
            </tr>
          </thead>
          <tbody>
            {workers.length === 0 && (
              <tr>
                <td colSpan={6} className="empty-row">
                  No worker process has reported. Connector steps wait until one runs.
                </td>
              </tr>
            )}
            {workers.map((worker) => (
              <tr key={worker.id} data-testid="worker-row" data-id={worker.id}>
                <td>
                  <code className="mono">{worker.id}</code>
                </td>
                <td>{worker.host}</td>
                <td>{worker.version ?? <span className="muted">—</span>}</td>
                <td>
                  <Timestamp value={worker.startedAt} />
                </td>
                <td>{`${worker.secondsSinceSeen} s ago`}</td>
                <td>
                  <UpDown up={worker.alive} upText="Alive" downText="Not alive" />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
