import { useId, useState } from 'react';
import type { Schemas } from '../../api/client';
import { useSubmit } from '../../api/useSubmit';
import { useApi } from '../auth/session';
import { controlProps, Field } from '../shell/Field';
import { FormCard } from '../shell/FormCard';
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
  const submission = useSubmit(onInvited);
  const { errors, submit } = submission;

  const send = () =>
    submit('Inviting the user', () =>
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

  return (
    <FormCard
      title="Invite a user"
      failureTitle="The user was not invited"
      submission={submission}
      button={{ label: 'Invite', busyLabel: 'Inviting…', testId: 'submit-invite' }}
      onCancel={onCancel}
      onSubmit={send}
    >
      <div className="form-grid">
        {textFields.map(({ key, label, type, testId, hint }, index) => (
          <Field key={key} id={`${id}-${key}`} label={label} hint={hint} error={errors[key]}>
            <input
              {...controlProps(`${id}-${key}`, errors[key])}
              type={type}
              className="input"
              data-testid={testId}
              value={invite[key]}
              autoFocus={index === 0}
              onChange={(event) => setInvite({ ...invite, [key]: event.target.value })}
            />
          </Field>
        ))}
        <Field id={`${id}-role`} label="Role" error={errors.role}>
          <select
            {...controlProps(`${id}-role`, errors.role)}
            className="input"
            data-testid="invite-role"
            value={invite.role}
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
    </FormCard>
  );
}
