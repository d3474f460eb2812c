import type { Schemas } from '../../api/client';

type Health = Schemas['SystemHealth'];

interface ComponentRow {
  id: string;
  name: string;
  up: boolean;
  version?: string | null;
  note?: string | null;
}

/** Each platform component: up or down, its version, and why it is down. */
export function ComponentStates({ health }: { health: Health }) {
  const { database, engine, keycloak } = health;
  const rows: ComponentRow[] = [
    {
      id: 'database',
      name: 'Database (PostgreSQL)',
      up: database.up,
      version: database.version,
      note: database.problem,
    },
    {
      id: 'engine',
      name: `Engine (${engine.name})`,
      up: engine.up,
      version: engine.version,
      note:
        engine.problem ??
        (engine.jobExecutor === undefined || engine.jobExecutor === null
          ? null
          : `Job executor ${engine.jobExecutor ? 'running' : 'stopped'} on this api`),
    },
    { id: 'keycloak', name: 'Keycloak', up: keycloak.up, version: keycloak.version, note: keycloak.problem },
  ];
  return (
    <section className="page-section" aria-labelledby="health-components">
      <h2 className="section-title" id="health-components">
        Components
      </h2>
      <div className="card table-card">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Component</th>
              <th scope="col">State</th>
              <th scope="col">Version</th>
              <th scope="col">Details</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} data-testid="health-component" data-id={row.id}>
                <td className="strong">{row.name}</td>
                <td>
                  <UpDown up={row.up} />
                </td>
                <td data-testid="health-version">{row.version ?? <span className="muted">—</span>}</td>
                <td className="muted">{row.note}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** A badge reading Up or Down. */
export function UpDown({ up, upText = 'Up', downText = 'Down' }: { up: boolean; upText?: string; downText?: string }) {
  return (
    <span className={`status ${up ? 'status-ok' : 'status-bad'}`} data-testid="health-state">
      {up ? upText : downText}
    </span>
  );
}
