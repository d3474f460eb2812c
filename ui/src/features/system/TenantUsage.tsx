import type { Schemas } from '../../api/client';

const number = new Intl.NumberFormat();

/** What each tenant used over the last 30 days: connector calls and agent tokens. */
export function TenantUsage({ usage }: { usage: Schemas['TenantUsage'][] }) {
  return (
    <section className="page-section" aria-labelledby="health-usage">
      <h2 className="section-title" id="health-usage">
        Usage by tenant, last 30 days
      </h2>
      <div className="card table-card">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Tenant</th>
              <th scope="col">Connector calls</th>
              <th scope="col">Agent tokens in</th>
              <th scope="col">Agent tokens out</th>
            </tr>
          </thead>
          <tbody>
            {usage.length === 0 && (
              <tr>
                <td colSpan={4} className="empty-row">
                  No tenant called a connector or an AI model in the last 30 days.
                </td>
              </tr>
            )}
            {usage.map((tenant) => (
              <tr key={tenant.tenantId} data-testid="usage-row" data-id={tenant.tenantId}>
                <td>
                  <code className="mono">{tenant.tenantId}</code>
                </td>
                <td>{number.format(tenant.connectorCalls)}</td>
                <td>{number.format(tenant.inputTokens)}</td>
                <td>{number.format(tenant.outputTokens)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
