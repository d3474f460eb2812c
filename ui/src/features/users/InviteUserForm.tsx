import { useId, useState, type FormEvent } from 'react';
import type { Schemas } from '../../api/client';
import { call, type Problem } from '../../api/result';
import { useApi } from '../auth/session';
import { ErrorBox } from '../shell/ErrorBox';
import { Field } from '../shell/Field';
import { TENANT_ROLES } from './tenantRoles';

type Invite = Schemas['InviteUserRequest'];

interface TextField {
  key: Exclude<keyof Invite, 'role'>;
  label: string;
  type: string;
  testId: string;
  hint?: string;
}

const textFields: TextField[] = [
  {
    key: 'username',
    label: 'Username',
    type: 'text',
    testId: 'invite-username',
    hint: 'Lower-case letters, digits, dots, dashes and underscores.',
  },
  { key: 'email', label: 'Email', type: 'email', testId: 'invite-email' },
  { key: 'firstName', label: 'First name', type: 'text', testId: 'invite-first-name' },
  { key: 'lastName', label: 'Last name', type: 'text', testId: 'invite-last-name' },
];

/** Invites a user into the tenant with one role; the api answers with a temporary password. */
export function InviteUserForm({
  onInvited,
  onCancel,
}: {
  onInvited: (invited: Schemas['UserInvited']) => void;
  onCancel: () => void;
}) {
  const api = useApi();
  const id = useId();
  const [invite, setInvite] = useState<Invite>({
    username: '',
    email: '',
    firstName: '',
    lastName: '',
    role: 'viewer',
  });
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const result = await call(
      'Inviting the user',
      api.POST('/api/users', {
        body: {
          ...invite,
          username: invite.username.trim(),
          email: invite.email.trim(),
          firstName: invite.firstName.trim(),
          lastName: invite.lastName.trim(),
        },
      }),
    );
    setBusy(false);
    if (result.ok) onInvited(result.data);
    else setProblem(result.problem);
  };

  const errors = problem?.fieldErrors ?? {};
  return (
    <form className="card form" onSubmit={submit} noValidate aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="form-title">
        Invite a user
      </h2>
      {problem && <ErrorBox title="The user was not invited" message={problem.detail} />}
      <div className="form-grid">
        {textFields.map(({ key, label, type, testId, hint }, index) => (
          <Field key={key} id={`${id}-${key}`} label={label} hint={hint} error={errors[key]}>
            <input
              id={`${id}-${key}`}
              type={type}
              className="input"
              data-testid={testId}
              value={invite[key]}
              autoFocus={index === 0}
              aria-invalid={errors[key] ? true : undefined}
              aria-describedby={`${id}-${key}-message`}
              onChange={(event) => setInvite({ ...invite, [key]: event.target.value })}
            />
          </Field>
        ))}
        <Field id={`${id}-role`} label="Role" error={errors.role}>
          <select
            id={`${id}-role`}
            className="input"
            data-testid="invite-role"
            value={invite.role}
            aria-invalid={errors.role ? true : undefined}
            aria-describedby={`${id}-role-message`}
            onChange={(event) => setInvite({ ...invite, role: event.target.value })}
          >
            {TENANT_ROLES.map(({ role }) => (
              <option key={role} value={role}>
                {role}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" data-testid="submit-invite" disabled={busy}>
          {busy ? 'Inviting…' : 'Invite'}
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}
