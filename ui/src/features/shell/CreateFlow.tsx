import { useState } from 'react';

/** The state of a list page's create (or invite) form, and what it created, as `useCreateFlow` keeps it. */
export interface CreateFlow<T> {
  /** The form is open. */
  open: boolean;
  /** What the last submission created, such as a secret shown once; kept until dismissed. */
  created: T | undefined;
  /** Opens the form, dropping what the previous one created. */
  start: () => void;
  cancel: () => void;
  /** Closes the form, keeps what it created, and tells the page (to reload its list). */
  done: (created: T) => void;
  dismiss: () => void;
}

/** A form a list page opens from its header button, closed again on Cancel or once it has created. */
export function useCreateFlow<T>(onCreated: () => void): CreateFlow<T> {
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<T>();
  return {
    open,
    created,
    start: () => {
      setCreated(undefined);
      setOpen(true);
    },
    cancel: () => setOpen(false),
    done: (result) => {
      setOpen(false);
      setCreated(result);
      onCreated();
    },
    dismiss: () => setCreated(undefined),
  };
}

/** The page header's button that opens a create flow; the page shows it while the form is closed. */
export function CreateButton({ label, testId, onClick }: { label: string; testId: string; onClick: () => void }) {
  return (
    <button type="button" className="button button-primary" data-testid={testId} onClick={onClick}>
      {label}
    </button>
  );
}
