import { useId, useState } from 'react';
import type { Schemas } from '../../api/client';
import { useSubmit } from '../../api/useSubmit';
import { useApi } from '../auth/session';
import { controlProps, Field, fieldClass, FieldMessage } from '../shell/Field';
import { FormCard } from '../shell/FormCard';

/**
 * Creates an API key with a subset of the user's own permissions (the api refuses more) and hands
 * the created key, shown once, to `onCreated`.
 */
export function CreateApiKeyForm({
  grantable,
  onCreated,
  onCancel,
}: {
  grantable: string[];
  onCreated: (created: Schemas['ApiKeyCreated']) => void;
  onCancel: () => void;
}) {
  const api = useApi();
  const id = useId();
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [expiresOn, setExpiresOn] = useState('');
  const submission = useSubmit(onCreated);
  const { errors, submit, reject } = submission;

  const toggle = (permission: string, on: boolean) =>
    setChosen((current) => (on ? [...current, permission] : current.filter((p) => p !== permission)));

  const send = () => {
    const missing: Record<string, string> = {};
    if (!name.trim()) missing.name = 'Give the key a name.';
    if (chosen.length === 0) missing.permissions = 'Choose at least one permission.';
    if (Object.keys(missing).length > 0) return reject(missing);
    return submit('Creating the API key', () =>
      api.POST('/api/api-keys', {
        body: {
          name: name.trim(),
          permissions: grantable.filter((permission) => chosen.includes(permission)),
          // The key works until the end of the chosen day, in the user's time zone.
          expiresAt: expiresOn ? new Date(`${expiresOn}T23:59:59`).toISOString() : undefined,
        },
      }),
    );
  };

  return (
    <FormCard
      title="New API key"
      failureTitle="The API key was not created"
      submission={submission}
      button={{ label: 'Create', busyLabel: 'Creating…', testId: 'submit-api-key' }}
      onCancel={onCancel}
      onSubmit={send}
    >
      <Field id={`${id}-name`} label="Name" hint="What uses the key, e.g. “CI pipeline”." error={errors.name}>
        <input
          {...controlProps(`${id}-name`, errors.name)}
          className="input"
          data-testid="api-key-name"
          value={name}
          maxLength={100}
          autoFocus
          onChange={(event) => setName(event.target.value)}
        />
      </Field>
      <fieldset className={fieldClass(errors.permissions)} aria-describedby={`${id}-permissions-message`}>
        <legend className="field-label">Permissions</legend>
        <div className="checkbox-grid">
          {grantable.map((permission) => (
            <label key={permission} className="checkbox">
              <input
                type="checkbox"
                data-testid={`permission-${permission}`}
                checked={chosen.includes(permission)}
                onChange={(event) => toggle(permission, event.target.checked)}
              />
              <span className="mono">{permission}</span>
            </label>
          ))}
        </div>
        <FieldMessage
          id={`${id}-permissions`}
          hint="A key can have only permissions you have yourself."
          error={errors.permissions}
        />
      </fieldset>
      <Field
        id={`${id}-expires`}
        label="Expires on (optional)"
        hint="The key stops working at the end of this day. Leave empty for a key that does not expire."
        error={errors.expiresAt}
      >
        <input
          {...controlProps(`${id}-expires`, errors.expiresAt)}
          type="date"
          className="input input-narrow"
          data-testid="api-key-expires"
          value={expiresOn}
          min={today()}
          onChange={(event) => setExpiresOn(event.target.value)}
        />
      </Field>
    </FormCard>
  );
}

function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
