import { useId, type FormEvent, type ReactNode } from 'react';
import type { Problem } from '../../api/result';
import { ErrorBox } from './ErrorBox';

/** The primary button of a form: what it says, what it says while the form is busy, its test id. */
export interface SubmitButton {
  label: string;
  busyLabel: string;
  testId: string;
}

/**
 * A form in a card: its heading, why the last submission failed, the fields, and the submit and
 * Cancel buttons (both disabled while busy). The browser's own validation is off: the api's
 * messages (and the form's) are shown at the fields.
 */
export function FormCard({
  title,
  failureTitle,
  submission: { busy, problem },
  button,
  onSubmit,
  onCancel,
  children,
}: {
  title: string;
  /** The heading of the error box, e.g. “The tenant was not created”. */
  failureTitle: string;
  /** The state of the submission, from `useSubmit`. */
  submission: { busy: boolean; problem: Problem | undefined };
  button: SubmitButton;
  onSubmit: () => void;
  onCancel: () => void;
  children: ReactNode;
}) {
  const id = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };

  return (
    <form className="card form" onSubmit={submit} noValidate aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="form-title">
        {title}
      </h2>
      {problem && <ErrorBox title={failureTitle} message={problem.detail} />}
      {children}
      <FormActions busy={busy} button={button} onCancel={onCancel} />
    </form>
  );
}

/**
 * The primary button and Cancel under a form or an editor, both disabled while `busy`. Without
 * `onSubmit` the primary button submits the enclosing form.
 */
export function FormActions({
  busy,
  button,
  onSubmit,
  onCancel,
}: {
  busy: boolean;
  button: SubmitButton;
  onSubmit?: () => void;
  onCancel: () => void;
}) {
  return (
    <div className="form-actions">
      <button
        type={onSubmit ? 'button' : 'submit'}
        className="button button-primary"
        data-testid={button.testId}
        disabled={busy}
        onClick={onSubmit}
      >
        {busy ? button.busyLabel : button.label}
      </button>
      <button type="button" className="button" onClick={onCancel} disabled={busy}>
        Cancel
      </button>
    </div>
  );
}
