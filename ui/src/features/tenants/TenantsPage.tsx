import { useCallback } from 'react';
import type { Schemas } from '../../api/client';
import { call, useResource } from '../../api/result';
import { useRowAction } from '../../api/useRowAction';
import { useApi } from '../auth/session';
import { ConfirmAction } from '../shell/ConfirmAction';
import { CreateButton, useCreateFlow } from '../shell/CreateFlow';
import { ErrorBox } from '../shell/ErrorBox';
import { Page } from '../shell/Page';
import { ResourceTable } from '../shell/ResourceTable';
import { Timestamp } from '../shell/Timestamp';
import { CreateTenantForm } from './CreateTenantForm';

type Tenant = Schemas['Tenant'];

/** The platform's tenants (platform admins): create them, disable and re-enable them. */
export default function TenantsPage({ title }: { title: string }) {
  const api = useApi();
  const tenants = useResource(
    useCallback((signal: AbortSignal) => call('Loading the tenants', api.GET('/api/tenants', { signal })), [api]),
  );
  const create = useCreateFlow<Tenant>(tenants.reload);
  const change = useRowAction(tenants.reload);

  const setStatus = (tenant: Tenant, status: Tenant['status']) =>
    change.run(
      tenant.id,
      `${status === 'DISABLED' ? 'Disabling' : 'Enabling'} ${tenant.id}`,
      api.PATCH('/api/tenants/{id}', { params: { path: { id: tenant.id } }, body: { status } }),
    );

  return (
    <Page
      title={title}
      actions={!create.open && <CreateButton label="Create tenant" testId="create-tenant" onClick={create.start} />}
    >
      {create.open && <CreateTenantForm onCancel={create.cancel} onCreated={create.done} />}
      {change.failure && <ErrorBox title="The tenant was not changed" message={change.failure} />}
      <ResourceTable
        resource={tenants}
        failureTitle="The tenants could not be loaded"
        loadingText="Loading tenants…"
        columns={['Id', 'Name', 'Status', 'Created by', 'Created', { hidden: 'Actions' }]}
        emptyText="No tenants yet."
        rows={(data) =>
          data.map((tenant) => (
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
                    disabled={change.pending === tenant.id}
                    onClick={() => setStatus(tenant, 'ACTIVE')}
                  >
                    {change.pending === tenant.id ? 'Enabling…' : 'Enable'}
                  </button>
                )}
              </td>
            </tr>
          ))
        }
      />
    </Page>
  );
}
