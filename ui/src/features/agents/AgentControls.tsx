import type { AgentForm } from './agentForm';
import type { Connection } from './agentCatalog';
import { controlProps, Field } from '../shell/Field';

/** What each section of the settings form gets: the form, a way to change it, and the messages by field. */
export interface SectionProps {
  /** The prefix of the controls' ids. */
  id: string;
  form: AgentForm;
  change: (part: Partial<AgentForm>) => void;
  errors: Record<string, string>;
}

/** A labelled text box (or text area, or number box) tied to its message. */
export function TextField({
  id,
  label,
  hint,
  error,
  value,
  onChange,
  testId,
  rows,
  type = 'text',
  required,
  maxLength,
  step,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  value: string;
  onChange: (value: string) => void;
  testId: string;
  /** Makes it a text area of this many rows. */
  rows?: number;
  type?: 'text' | 'number';
  required?: boolean;
  maxLength?: number;
  step?: string;
}) {
  const common = {
    ...controlProps(id, error),
    className: 'input',
    'data-testid': testId,
    value,
    maxLength,
    required,
  };
  return (
    <Field id={id} label={label} hint={hint} error={error} required={required}>
      {rows ? (
        <textarea {...common} rows={rows} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <input {...common} type={type} step={step} onChange={(event) => onChange(event.target.value)} />
      )}
    </Field>
  );
}

/** A select of the tenant's connections of one connector; says so when there is none. */
export function ConnectionSelect({
  id,
  label,
  hint,
  error,
  connections,
  value,
  onChange,
  testId,
  required,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  connections: Connection[];
  value: string;
  onChange: (value: string) => void;
  testId: string;
  required?: boolean;
}) {
  const known = connections.some((connection) => connection.id === value);
  return (
    <Field
      id={id}
      label={label}
      hint={connections.length === 0 ? 'No connection of this kind yet: add one on the Connectors page.' : hint}
      error={error}
      required={required}
    >
      <select
        {...controlProps(id, error)}
        className="input"
        data-testid={testId}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      >
        <option value="">Choose a connection…</option>
        {value && !known && <option value={value}>Connection {value}</option>}
        {connections.map((connection) => (
          <option key={connection.id} value={connection.id}>
            {connection.name}
          </option>
        ))}
      </select>
    </Field>
  );
}
