import { useId, useState, type FormEvent } from 'react';
import type { Schemas } from '../../api/client';
import { call, type Problem } from '../../api/result';
import { useApi } from '../auth/session';
import { ErrorBox } from '../shell/ErrorBox';
import { Field } from '../shell/Field';

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
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);

  const toggle = (permission: string, on: boolean) =>
    setChosen((current) => (on ? [...current, permission] : current.filter((p) => p !== permission)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (!name.trim()) missing.name = 'Give the key a name.';
    if (chosen.length === 0) missing.permissions = 'Choose at least one permission.';
    if (Object.keys(missing).length > 0) {
      const detail = 'Some fields need your attention.';
      setProblem({ detail, summary: detail, fieldErrors: missing });
      return;
    }
    setBusy(true);
    const result = await call(
      'Creating the API key',
      api.POST('/api/api-keys', {
        body: {
          name: name.trim(),
          permissions: grantable.filter((permission) => chosen.includes(permission)),
          // The key works until the end of the chosen day, in the user's time zone.
          expiresAt: expiresOn ? new Date(`${expiresOn}T23:59:59`).toISOString() : undefined,
        },
      }),
    );
    setBusy(false);
    if (result.ok) onCreated(result.data);
    else setProblem(result.problem);
  };

  const errors = problem?.fieldErrors ?? {};
  return (
    <form className="card form" onSubmit={submit} noValidate aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="form-title">
        New API key
      </h2>
      {problem && <ErrorBox title="The API key was not created" message={problem.detail} />}
      <Field id={`${id}-name`} label="Name" hint="What uses the key, e.g. “CI pipeline”." error={errors.name}>
        <input
          id={`${id}-name`}
          className="input"
          data-testid="api-key-name"
          value={name}
          maxLength={100}
          autoFocus
          aria-invalid={errors.name ? true : undefined}
          aria-describedby={`${id}-name-message`}
          onChange={(event) => setName(event.target.value)}
        />
      </Field>
      <fieldset
        className={errors.permissions ? 'field field-invalid' : 'field'}
        aria-describedby={`${id}-permissions-message`}
      >
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
        {errors.permissions ? (
          <p className="field-error" id={`${id}-permissions-message`}>
            {errors.permissions}
          </p>
        ) : (
          <p className="field-hint" id={`${id}-permissions-message`}>
            A key can have only permissions you have yourself.
          </p>
        )}
      </fieldset>
      <Field
        id={`${id}-expires`}
        label="Expires on (optional)"
        hint="The key stops working at the end of this day. Leave empty for a key that does not expire."
        error={errors.expiresAt}
      >
        <input
          id={`${id}-expires`}
          type="date"
          className="input input-narrow"
          data-testid="api-key-expires"
          value={expiresOn}
          min={today()}
          aria-invalid={errors.expiresAt ? true : undefined}
          aria-describedby={`${id}-expires-message`}
          onChange={(event) => setExpiresOn(event.target.value)}
        />
      </Field>
      <div className="form-actions">
        <button type="submit" className="button button-primary" data-testid="submit-api-key" disabled={busy}>
          {busy ? 'Creating…' : 'Create'}
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
