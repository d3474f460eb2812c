import { useRef, useState } from 'react';

/**
 * A secret the api returns once (a new API key, a temporary password). Closing the panel drops
 * it: the app keeps no copy, and there is no way to show it again.
 */
export function OneTimeSecret({
  title,
  value,
  note,
  testId,
  onClose,
}: {
  title: string;
  value: string;
  note: string;
  testId: string;
  onClose: () => void;
}) {
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');
  const text = useRef<HTMLElement>(null);

  const copyValue = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopy('copied');
    } catch {
      // No clipboard access (an insecure origin, or refused): select it for copying by hand.
      const node = text.current;
      if (node) window.getSelection()?.selectAllChildren(node);
      setCopy('failed');
    }
  };

  return (
    <section className="card secret-panel" role="status" aria-label={title}>
      <h2 className="secret-title">{title}</h2>
      <div className="secret-row">
        <code className="secret-value" data-testid={testId} ref={text}>
          {value}
        </code>
        <button type="button" className="button button-small" data-testid="copy-secret" onClick={copyValue}>
          {copy === 'copied' ? 'Copied' : 'Copy'}
        </button>
      </div>
      <p className="secret-note">
        {note}
        {copy === 'failed' && ' Copying is blocked here: the text is selected, press Ctrl+C (⌘C).'}
      </p>
      <button type="button" className="button" data-testid="close-secret" onClick={onClose}>
        Done
      </button>
    </section>
  );
}
