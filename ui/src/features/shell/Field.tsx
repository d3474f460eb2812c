import type { ReactNode } from 'react';

/**
 * A labelled form control with its hint and the message of the api (or the form) about it.
 * The control itself sets `aria-invalid` and `aria-describedby={`${id}-message`}` when in error.
 */
export function Field({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  children: ReactNode;
}) {
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {children}
      {error ? (
        <p className="field-error" id={`${id}-message`}>
          {error}
        </p>
      ) : (
        hint && (
          <p className="field-hint" id={`${id}-message`}>
            {hint}
          </p>
        )
      )}
    </div>
  );
}
