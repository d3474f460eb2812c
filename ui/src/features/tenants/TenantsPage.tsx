import { useCallback, useState } from 'react';
import type { Schemas } from '../../api/client';
import { call, useResource } from '../../api/result';
import { useApi } from '../auth/session';
import { ConfirmAction } from '../shell/ConfirmAction';
import { ErrorBox } from '../shell/ErrorBox';
import { Page } from '../shell/Page';
import { Timestamp } from '../shell/Timestamp';
import { CreateTenantForm } from './CreateTenantForm';

type Tenant = Schemas['Tenant'];

/** The platform's tenants (platform admins): create them, disable and re-enable them. */
export default function TenantsPage({ title }: { title: string }) {
  const api = useApi();
  const tenants = useResource(
    useCallback((signal: AbortSignal) => call('Loading the tenants', api.GET('/api/tenants', { signal })), [api]),
  );
  const [creating, setCreating] = useState(false);
  const [changing, setChanging] = useState<string>();
  const [actionError, setActionError] = useState<string>();

  const setStatus = async (tenant: Tenant, status: Tenant['status']) => {
    setChanging(tenant.id);
    const result = await call(
      `${status === 'DISABLED' ? 'Disabling' : 'Enabling'} ${tenant.id}`,
      api.PATCH('/api/tenants/{id}', { params: { path: { id: tenant.id } }, body: { status } }),
    );
    setChanging(undefined);
    setActionError(result.ok ? undefined : result.problem.summary);
    tenants.reload();
  };

  return (
    <Page
      title={title}
      actions={
        !creating && (
          <button
            type="button"
            className="button button-primary"
            data-testid="create-tenant"
            onClick={() => setCreating(true)}
          >
            Create tenant
          </button>
        )
      }
    >
      {creating && (
        <CreateTenantForm
          onCancel={() => setCreating(false)}
          onCreated={() => {
            setCreating(false);
            tenants.reload();
          }}
        />
      )}
      {actionError && <ErrorBox title="The tenant was not changed" message={actionError} />}
      {tenants.failure && (
        <ErrorBox title="The tenants could not be loaded" message={tenants.failure} onRetry={tenants.reload} />
      )}
      {!tenants.failure && !tenants.data && <p className="muted">Loading tenants…</p>}
      {tenants.data && (
        <div className="card table-card" aria-busy={tenants.loading}>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Id</th>
                <th scope="col">Name</th>
                <th scope="col">Status</th>
                <th scope="col">Created by</th>
                <th scope="col">Created</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tenants.data.length === 0 && (
                <tr>
                  <td colSpan={6} className="empty-row">
                    No tenants yet.
                  </td>
                </tr>
              )}
              {tenants.data.map((tenant) => (
                <tr key={tenant.id} data-testid="tenant-row" data-id={tenant.id}>
                  <td>
                    <code className="mono">{tenant.id}</code>
                  </td>
                  <td className="strong">{tenant.name}</td>
                  <td>
                    <span className={`status status-${tenant.status.toLowerCase()}`} data-testid="tenant-status">
                      {tenant.status === 'ACTIVE' ? 'Active' : 'Disabled'}
                    </span>
                  </td>
                  <td>{tenant.createdBy}</td>
                  <td>
                    <Timestamp value={tenant.createdAt} />
                  </td>
                  <td className="actions-cell">
                    {tenant.status === 'ACTIVE' ? (
                      <ConfirmAction
                        label="Disable"
                        question={`Disable ${tenant.id}? Its users lose access.`}
                        testId="disable-tenant"
                        confirmTestId="confirm-disable"
                        onConfirm={() => setStatus(tenant, 'DISABLED')}
                      />
                    ) : (
                      <button
                        type="button"
                        className="button button-small"
                        data-testid="enable-tenant"
                        disabled={changing === tenant.id}
                        onClick={() => setStatus(tenant, 'ACTIVE')}
                      >
                        {changing === tenant.id ? 'Enabling…' : 'Enable'}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}
