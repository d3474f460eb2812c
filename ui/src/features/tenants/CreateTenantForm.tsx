import { useId, useState } from 'react';
import type { Schemas } from '../../api/client';
import { useSubmit } from '../../api/useSubmit';
import { useApi } from '../auth/session';
import { controlProps, Field } from '../shell/Field';
import { FormCard } from '../shell/FormCard';

/** Creates a tenant; its id is permanent and appears in every user's tenant claim. */
export function CreateTenantForm({
  onCreated,
  onCancel,
}: {
  onCreated: (tenant: Schemas['Tenant']) => void;
  onCancel: () => void;
}) {
  const api = useApi();
  const id = useId();
  const [tenant, setTenant] = useState<Schemas['CreateTenantRequest']>({ id: '', name: '' });
  const submission = useSubmit(onCreated);
  const { errors, submit } = submission;

  return (
    <FormCard
      title="New tenant"
      failureTitle="The tenant was not created"
      submission={submission}
      button={{ label: 'Create', busyLabel: 'Creating…', testId: 'submit-tenant' }}
      onCancel={onCancel}
      onSubmit={() =>
        submit('Creating the tenant', () =>
          api.POST('/api/tenants', { body: { id: tenant.id.trim(), name: tenant.name.trim() } }),
        )
      }
    >
      <div className="form-grid">
        <Field
          id={`${id}-id`}
          label="Id"
          hint="Lower-case letters, digits and dashes, starting with a letter. It cannot be changed."
          error={errors.id}
        >
          <input
            {...controlProps(`${id}-id`, errors.id)}
            className="input mono"
            data-testid="tenant-id"
            value={tenant.id}
            autoFocus
            onChange={(event) => setTenant({ ...tenant, id: event.target.value })}
          />
        </Field>
        <Field id={`${id}-name`} label="Name" error={errors.name}>
          <input
            {...controlProps(`${id}-name`, errors.name)}
            className="input"
            data-testid="tenant-name"
            value={tenant.name}
            maxLength={200}
            onChange={(event) => setTenant({ ...tenant, name: event.target.value })}
          />
        </Field>
      </div>
    </FormCard>
  );
}
