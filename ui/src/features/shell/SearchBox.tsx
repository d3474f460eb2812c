import { useEffect, useId, useState, type FormEvent } from 'react';

/** How long typing pauses before the search runs. */
const PAUSE_MS = 300;

/**
 * A search field over a list: what is typed is searched once typing pauses, or at once on Enter.
 * `onSearch` gets the text without surrounding spaces; keep it stable (useCallback), and let it
 * ignore a search for the text it already shows.
 */
export function SearchBox({
  label,
  placeholder,
  testId,
  onSearch,
}: {
  label: string;
  placeholder?: string;
  testId: string;
  onSearch: (text: string) => void;
}) {
  const id = useId();
  const [text, setText] = useState('');

  useEffect(() => {
    const timer = setTimeout(() => onSearch(text.trim()), PAUSE_MS);
    return () => clearTimeout(timer);
  }, [text, onSearch]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(text.trim());
  };

  return (
    <form className="search-box" role="search" onSubmit={submit}>
      <label className="visually-hidden" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        type="search"
        className="input"
        data-testid={testId}
        placeholder={placeholder ?? label}
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
    </form>
  );
}
