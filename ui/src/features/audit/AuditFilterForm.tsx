import { useId, useState, type FormEvent } from 'react';
import { emptyDraft, type AuditFilterDraft } from './auditQuery';

const fields: { key: keyof AuditFilterDraft; label: string; type: string; placeholder?: string }[] = [
  { key: 'actor', label: 'Actor', type: 'text', placeholder: 'Username or id' },
  { key: 'action', label: 'Action', type: 'text', placeholder: 'e.g. POST /api/api-keys' },
  { key: 'targetType', label: 'Target type', type: 'text', placeholder: 'e.g. api-keys' },
  { key: 'targetId', label: 'Target id', type: 'text' },
  { key: 'from', label: 'From', type: 'datetime-local' },
  { key: 'to', label: 'To', type: 'datetime-local' },
];

/** The audit log's filters; they take effect on Apply. */
export function AuditFilterForm({ onApply }: { onApply: (draft: AuditFilterDraft) => void }) {
  const id = useId();
  const [draft, setDraft] = useState<AuditFilterDraft>(emptyDraft);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };

  return (
    <form className="card filter-bar" onSubmit={submit} aria-label="Filter the audit log">
      {fields.map(({ key, label, type, placeholder }) => (
        <div className="field" key={key}>
          <label className="field-label" htmlFor={`${id}-${key}`}>
            {label}
          </label>
          <input
            id={`${id}-${key}`}
            type={type}
            className="input"
            data-testid={`audit-filter-${key}`}
            placeholder={placeholder}
            value={draft[key]}
            onChange={(event) => setDraft({ ...draft, [key]: event.target.value })}
          />
        </div>
      ))}
      <div className="filter-actions">
        <button type="submit" className="button button-primary" data-testid="apply-audit-filters">
          Apply
        </button>
        <button
          type="button"
          className="button"
          onClick={() => {
            setDraft(emptyDraft);
            onApply(emptyDraft);
          }}
        >
          Clear
        </button>
      </div>
    </form>
  );
}
