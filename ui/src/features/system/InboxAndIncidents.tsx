import type { Schemas } from '../../api/client';
import { Timestamp } from '../shell/Timestamp';

/** The webhook inbox (what waits to be dispatched, and for how long) and open incidents by tenant. */
export function InboxAndIncidents({
  inbox,
  incidents,
}: {
  inbox: Schemas['WebhookInbox'];
  incidents: Schemas['TenantIncidents'][];
}) {
  return (
    <section className="page-section" aria-labelledby="health-work">
      <h2 className="section-title" id="health-work">
        Waiting work
      </h2>
      <div className="card">
        <dl className="detail-list">
          <dt>Webhook deliveries waiting</dt>
          <dd data-testid="inbox-depth">{inbox.depth}</dd>
          <dt>Oldest waiting for</dt>
          <dd data-testid="inbox-lag">
            {inbox.depth === 0 ? (
              <span className="muted">nothing waits</span>
            ) : (
              <>
                {`${inbox.lagSeconds} s`} (received <Timestamp value={inbox.oldestReceivedAt} precision="second" />)
              </>
            )}
          </dd>
          <dt>Open incidents</dt>
          <dd data-testid="incidents-total">{incidents.reduce((sum, tenant) => sum + tenant.openIncidents, 0)}</dd>
        </dl>
      </div>
      {incidents.length > 0 && (
        <div className="card table-card">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Tenant</th>
                <th scope="col">Open incidents</th>
              </tr>
            </thead>
            <tbody>
              {incidents.map((tenant) => (
                <tr key={tenant.tenantId} data-testid="incident-row" data-id={tenant.tenantId}>
                  <td>
                    <code className="mono">{tenant.tenantId || '(no tenant)'}</code>
                  </td>
                  <td>{tenant.openIncidents}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
