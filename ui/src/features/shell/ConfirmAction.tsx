import { useState } from 'react';

/**
 * A destructive action that asks first, in place: the button turns into the question with
 * Confirm and Cancel, so nothing happens on a single click.
 */
export function ConfirmAction({
  label,
  question,
  confirmLabel = label,
  testId,
  confirmTestId,
  onConfirm,
  disabled,
  disabledReason,
}: {
  label: string;
  question: string;
  confirmLabel?: string;
  testId: string;
  confirmTestId: string;
  onConfirm: () => Promise<unknown>;
  disabled?: boolean;
  disabledReason?: string;
}) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);

  if (!asking) {
    return (
      <button
        type="button"
        className="button button-small button-danger-text"
        data-testid={testId}
        disabled={disabled}
        title={disabled ? disabledReason : undefined}
        onClick={() => setAsking(true)}
      >
        {label}
      </button>
    );
  }

  const confirm = async () => {
    setBusy(true);
    try {
      await onConfirm();
    } finally {
      setBusy(false);
      setAsking(false);
    }
  };

  return (
    <span
      className="confirm"
      role="group"
      aria-label={question}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !busy) setAsking(false);
      }}
    >
      <span className="confirm-question">{question}</span>
      <button
        type="button"
        className="button button-small button-danger"
        data-testid={confirmTestId}
        disabled={busy}
        onClick={confirm}
      >
        {busy ? 'Working…' : confirmLabel}
      </button>
      <button type="button" className="button button-small" disabled={busy} autoFocus onClick={() => setAsking(false)}>
        Cancel
      </button>
    </span>
  );
}
