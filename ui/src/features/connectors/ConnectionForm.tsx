import { useId, useState } from 'react';
import { useSubmit } from '../../api/useSubmit';
import { useApi } from '../auth/session';
import { controlProps, Field, fieldClass, FieldMessage } from '../shell/Field';
import { FormCard } from '../shell/FormCard';
import {
  controlOf,
  errorKey,
  initialValues,
  toConfig,
  withoutSecrets,
  type ConfigField,
  type ConfigValues,
  type Connection,
  type ConnectorType,
} from './connectionConfig';

/**
 * Adds a connection of `type`, or edits `connection`: a name and one control per field of the
 * type's form schema. Secrets are write-only: their inputs start empty, and only a secret typed
 * anew is sent. `onSaved` gets the connection as the api stored it.
 */
export function ConnectionForm({
  type,
  connection,
  onSaved,
  onCancel,
}: {
  type: ConnectorType;
  connection?: Connection;
  onSaved: (connection: Connection) => void;
  onCancel: () => void;
}) {
  const api = useApi();
  const id = useId();
  const [name, setName] = useState(connection?.name ?? '');
  const [values, setValues] = useState(() => initialValues(type.fields, connection));
  const [saved, setSaved] = useState(false);
  const submission = useSubmit<Connection>((stored) => {
    setValues((current) => withoutSecrets(type.fields, current));
    setSaved(true);
    onSaved(stored);
  });
  const { errors, submit, reject } = submission;

  const change = (field: string, value: string | boolean) => {
    setSaved(false);
    setValues((current) => ({ ...current, [field]: value }));
  };

  const send = () => {
    const { config, errors: invalid } = toConfig(type.fields, values, connection?.secrets);
    if (!name.trim()) invalid.name = 'Give the connection a name.';
    if (Object.keys(invalid).length > 0) return reject(invalid);
    const body = { type: type.type, name: name.trim(), config };
    return connection
      ? submit(`Saving “${connection.name}”`, () =>
          api.PUT('/api/connectors/{id}', { params: { path: { id: connection.id } }, body }),
        )
      : submit(`Adding the ${type.name} connection`, () => api.POST('/api/connectors', { body }));
  };

  return (
    <FormCard
      title={connection ? 'Settings' : `New ${type.name} connection`}
      failureTitle={connection ? 'The changes were not saved' : 'The connection was not added'}
      submission={submission}
      button={
        connection
          ? { label: 'Save', busyLabel: 'Saving…', testId: 'save-connection' }
          : { label: 'Add connection', busyLabel: 'Adding…', testId: 'save-connection' }
      }
      onCancel={onCancel}
      onSubmit={send}
    >
      <Field
        id={`${id}-name`}
        label="Name"
        hint="How automations and people refer to it, e.g. “Company blog”."
        error={errors.name}
        required
      >
        <input
          {...controlProps(`${id}-name`, errors.name)}
          className="input"
          data-testid="connection-name"
          value={name}
          maxLength={100}
          required
          autoFocus={!connection}
          onChange={(event) => {
            setSaved(false);
            setName(event.target.value);
          }}
        />
      </Field>
      {type.fields.map((field) => (
        <ConfigControl
          key={field.name}
          id={`${id}-${field.name}`}
          field={field}
          values={values}
          error={errors[errorKey(field)]}
          secretSet={connection ? connection.secrets[field.name] === true : undefined}
          onChange={(value) => change(field.name, value)}
        />
      ))}
      {saved && (
        <p className="field-hint" role="status" data-testid="connection-saved">
          Changes saved.
        </p>
      )}
    </FormCard>
  );
}

/**
 * The control of one field, by its kind (`CONTROL_OF_KIND`). `secretSet` is whether an existing
 * connection has a value stored for a secret field (undefined on a new connection).
 */
function ConfigControl({
  id,
  field,
  values,
  error,
  secretSet,
  onChange,
}: {
  id: string;
  field: ConfigField;
  values: ConfigValues;
  error: string | undefined;
  secretSet: boolean | undefined;
  onChange: (value: string | boolean) => void;
}) {
  const control = controlOf(field);
  const value = values[field.name];
  const hint = field.help || undefined;
  const testId = `field-${field.name}`;

  if (control === 'checkbox') {
    return (
      <div className={fieldClass(error)}>
        <label className="checkbox">
          <input
            {...controlProps(id, error)}
            type="checkbox"
            data-testid={testId}
            checked={value === true}
            onChange={(event) => onChange(event.target.checked)}
          />
          <span className="field-label">{field.label}</span>
        </label>
        <FieldMessage id={id} hint={hint} error={error} />
      </div>
    );
  }

  // A stored secret may stay as it is: the field is required only while nothing is stored.
  const required = field.required && !secretSet;
  const text = typeof value === 'string' ? value : '';
  const common = {
    ...controlProps(id, error),
    className: 'input',
    'data-testid': testId,
    value: text,
    required,
  };

  if (control === 'select') {
    return (
      <Field id={id} label={field.label} hint={hint} error={error} required={required}>
        <select {...common} onChange={(event) => onChange(event.target.value)}>
          <option value="">{required ? 'Choose…' : '—'}</option>
          {field.options.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      </Field>
    );
  }

  const secretNote = control === 'password' && secretSet !== undefined;
  return (
    <Field id={id} label={field.label} hint={hint} error={error} required={required}>
      <input
        {...common}
        type={control}
        pattern={field.pattern || undefined}
        autoComplete={control === 'password' ? 'new-password' : undefined}
        spellCheck={control === 'password' || control === 'url' ? false : undefined}
        placeholder={control === 'url' ? 'https://' : undefined}
        aria-describedby={secretNote ? `${id}-state ${id}-message` : `${id}-message`}
        onChange={(event) => onChange(event.target.value)}
      />
      {secretNote && (
        <p className="field-hint" id={`${id}-state`} data-testid={`secret-state-${field.name}`}>
          {secretSet ? 'Set — leave empty to keep it' : 'Not set'}
        </p>
      )}
    </Field>
  );
}
