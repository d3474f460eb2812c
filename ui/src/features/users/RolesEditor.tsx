import { useId, useState } from 'react';
import type { Schemas } from '../../api/client';
import { useSubmit } from '../../api/useSubmit';
import { useApi } from '../auth/session';
import { FormActions } from '../shell/FormCard';
import { TENANT_ROLES } from './tenantRoles';

/** Changes the tenant roles of one user; the api replaces them all with the chosen ones. */
export function RolesEditor({
  user,
  isSelf,
  onSaved,
  onCancel,
}: {
  user: Schemas['TenantUser'];
  isSelf: boolean;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const api = useApi();
  const id = useId();
  const [roles, setRoles] = useState<string[]>(user.roles);
  const { busy, problem, submit } = useSubmit<unknown>(onSaved);

  const save = () =>
    submit(`Changing the roles of ${user.username}`, () =>
      api.PUT('/api/users/{id}/roles', {
        params: { path: { id: user.id } },
        body: { roles: TENANT_ROLES.map(({ role }) => role).filter((role) => roles.includes(role)) },
      }),
    );

  return (
    <div className="roles-editor" role="group" aria-labelledby={`${id}-legend`}>
      <p className="field-label" id={`${id}-legend`}>
        Roles of {user.username}
      </p>
      <div className="checkbox-list">
        {TENANT_ROLES.map(({ role, description }) => (
          <label key={role} className="checkbox">
            <input
              type="checkbox"
              data-testid={`role-${role}`}
              checked={roles.includes(role)}
              onChange={(event) =>
                setRoles(event.target.checked ? [...roles, role] : roles.filter((r) => r !== role))
              }
            />
            <span>
              <span className="strong">{role}</span> <span className="muted">— {description}</span>
            </span>
          </label>
        ))}
      </div>
      {roles.length === 0 && <p className="field-hint">Without a role, {user.username} cannot use Brain.</p>}
      {isSelf && !roles.includes('tenant-admin') && (
        <p className="field-hint warning">Without tenant-admin you lose access to this page.</p>
      )}
      {problem && (
        <p className="field-error" role="alert">
          {problem.fieldErrors.roles ?? problem.detail}
        </p>
      )}
      <FormActions
        busy={busy}
        button={{ label: 'Save', busyLabel: 'Saving…', testId: 'save-roles' }}
        onSubmit={save}
        onCancel={onCancel}
      />
    </div>
  );
}
