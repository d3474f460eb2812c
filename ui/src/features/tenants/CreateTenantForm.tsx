import { useId, useState, type FormEvent } from 'react';
import type { Schemas } from '../../api/client';
import { call, type Problem } from '../../api/result';
import { useApi } from '../auth/session';
import { ErrorBox } from '../shell/ErrorBox';
import { Field } from '../shell/Field';

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
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const result = await call(
      'Creating the tenant',
      api.POST('/api/tenants', { body: { id: tenant.id.trim(), name: tenant.name.trim() } }),
    );
    setBusy(false);
    if (result.ok) onCreated(result.data);
    else setProblem(result.problem);
  };

  const errors = problem?.fieldErrors ?? {};
  return (
    <form className="card form" onSubmit={submit} noValidate aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="form-title">
        New tenant
      </h2>
      {problem && <ErrorBox title="The tenant was not created" message={problem.detail} />}
      <div className="form-grid">
        <Field
          id={`${id}-id`}
          label="Id"
          hint="Lower-case letters, digits and dashes, starting with a letter. It cannot be changed."
          error={errors.id}
        >
          <input
            id={`${id}-id`}
            className="input mono"
            data-testid="tenant-id"
            value={tenant.id}
            autoFocus
            aria-invalid={errors.id ? true : undefined}
            aria-describedby={`${id}-id-message`}
            onChange={(event) => setTenant({ ...tenant, id: event.target.value })}
          />
        </Field>
        <Field id={`${id}-name`} label="Name" error={errors.name}>
          <input
            id={`${id}-name`}
            className="input"
            data-testid="tenant-name"
            value={tenant.name}
            maxLength={200}
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={`${id}-name-message`}
            onChange={(event) => setTenant({ ...tenant, name: event.target.value })}
          />
        </Field>
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" data-testid="submit-tenant" disabled={busy}>
          {busy ? 'Creating…' : 'Create'}
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}
