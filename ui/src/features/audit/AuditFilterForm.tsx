import { useId, type FormEvent } from 'react';
import { emptyDraft, OBJECT_KINDS, type AuditFilterDraft } from './auditQuery';

const fields: { key: keyof AuditFilterDraft; label: string; type: string; placeholder?: string; list?: boolean }[] = [
  { key: 'actor', label: 'Actor', type: 'text', placeholder: 'Username or id' },
  { key: 'action', label: 'Action', type: 'text', placeholder: 'e.g. created, deployed automation' },
  { key: 'targetType', label: 'Object kind', type: 'text', placeholder: 'e.g. API key', list: true },
  { key: 'targetId', label: 'Object id', type: 'text' },
  { key: 'from', label: 'From', type: 'datetime-local' },
  { key: 'to', label: 'To', type: 'datetime-local' },
];

/** The audit log's filters, as the page holds them; they take effect on Apply. */
export function AuditFilterForm({
  draft,
  onChange,
  onApply,
}: {
  draft: AuditFilterDraft;
  onChange: (draft: AuditFilterDraft) => void;
  onApply: (draft: AuditFilterDraft) => void;
}) {
  const id = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };

  return (
    <form className="card filter-bar" onSubmit={submit} aria-label="Filter the audit log">
      {fields.map(({ key, label, type, placeholder, list }) => (
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
            list={list ? `${id}-kinds` : undefined}
            value={draft[key]}
            onChange={(event) => onChange({ ...draft, [key]: event.target.value })}
          />
        </div>
      ))}
      <datalist id={`${id}-kinds`}>
        {OBJECT_KINDS.map((kind) => (
          <option key={kind} value={kind} />
        ))}
      </datalist>
      <div className="filter-actions">
        <button type="submit" className="button button-primary" data-testid="apply-audit-filters">
          Apply
        </button>
        <button
          type="button"
          className="button"
          onClick={() => {
            onChange(emptyDraft);
            onApply(emptyDraft);
          }}
        >
          Clear
        </button>
      </div>
    </form>
  );
}
