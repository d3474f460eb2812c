import { useId, useState } from 'react';
import type { Schemas } from '../../api/client';
import { useSubmit } from '../../api/useSubmit';
import { useApi } from '../auth/session';
import { controlProps, Field } from '../shell/Field';
import { FormCard } from '../shell/FormCard';
import { newDiagram } from './newDiagram';

/** Creates an automation whose first version is an empty diagram with a start event. */
export function CreateAutomationForm({
  onCreated,
  onCancel,
}: {
  onCreated: (created: Schemas['Automation']) => void;
  onCancel: () => void;
}) {
  const api = useApi();
  const id = useId();
  const [name, setName] = useState('');
  const [key, setKey] = useState('');
  const [description, setDescription] = useState('');
  const submission = useSubmit(onCreated);
  const { errors, submit, reject } = submission;

  const send = () => {
    if (!name.trim()) return reject({ name: 'Give the automation a name.' });
    return submit('Creating the automation', () =>
      api.POST('/api/automations', {
        body: {
          name: name.trim(),
          key: key.trim() || undefined,
          description: description.trim() || undefined,
          bpmnXml: newDiagram(name.trim()),
          note: 'Created',
        },
      }),
    );
  };

  return (
    <FormCard
      title="New automation"
      failureTitle="The automation was not created"
      submission={submission}
      button={{ label: 'Create and open', busyLabel: 'Creating…', testId: 'submit-automation' }}
      onSubmit={send}
      onCancel={onCancel}
    >
      <div className="form-grid">
        <Field id={`${id}-name`} label="Name" required error={errors.name}>
          <input
            {...controlProps(`${id}-name`, errors.name)}
            className="input"
            data-testid="automation-name"
            required
            maxLength={200}
            autoFocus
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
        </Field>
        <Field
          id={`${id}-key`}
          label="Key (optional)"
          hint="Lowercase letters, digits and hyphens; made from the name when empty. It names the run API and cannot change."
          error={errors.key}
        >
          <input
            {...controlProps(`${id}-key`, errors.key)}
            className="input mono"
            data-testid="automation-key"
            maxLength={100}
            value={key}
            onChange={(event) => setKey(event.target.value)}
          />
        </Field>
      </div>
      <Field id={`${id}-description`} label="Description (optional)" error={errors.description}>
        <textarea
          {...controlProps(`${id}-description`, errors.description)}
          className="input"
          rows={2}
          data-testid="automation-description"
          maxLength={2000}
          value={description}
          onChange={(event) => setDescription(event.target.value)}
        />
      </Field>
    </FormCard>
  );
}
