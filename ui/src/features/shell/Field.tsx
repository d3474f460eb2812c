import type { ReactNode } from 'react';

/**
 * A labelled form control with its hint and the message of the api (or the form) about it.
 * The control itself spreads `controlProps(id, error)`, which ties it to that message.
 */
export function Field({
  id,
  label,
  hint,
  error,
  required,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  /** Marks the label of a field that needs a value (the control says so with its own `required`). */
  required?: boolean;
  children: ReactNode;
}) {
  return (
    <div className={fieldClass(error)}>
      <label className="field-label" htmlFor={id}>
        {label}
        {required && <RequiredMark />}
      </label>
      {children}
      <FieldMessage id={id} hint={hint} error={error} />
    </div>
  );
}

/** The marker after the label of a field that needs a value. */
function RequiredMark() {
  return (
    <span className="required-mark" aria-hidden="true">
      {' *'}
    </span>
  );
}

/** The class of a field (a `Field`, or a fieldset of checkboxes): marked invalid when in error. */
export function fieldClass(error: string | undefined): string {
  return error ? 'field field-invalid' : 'field';
}

/** The error about a field, else its hint, with the id its control's `aria-describedby` names. */
export function FieldMessage({ id, hint, error }: { id: string; hint?: string; error?: string }) {
  if (error) {
    return (
      <p className="field-error" id={`${id}-message`}>
        {error}
      </p>
    );
  }
  return hint ? (
    <p className="field-hint" id={`${id}-message`}>
      {hint}
    </p>
  ) : null;
}

/** The attributes that tie the control `id` to its field's message and mark it invalid when in error. */
export function controlProps(id: string, error: string | undefined) {
  return { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': `${id}-message` } as const;
}
