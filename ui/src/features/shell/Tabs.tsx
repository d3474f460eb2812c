import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';

/** One tab: the value it selects and what it says. */
export interface Tab<T extends string> {
  value: T;
  label: string;
}

/**
 * Tabs over one panel that shows the selected tab's content (`children`). The arrow keys, Home and
 * End move between the tabs and select them. Each tab carries the test id `<testId>-<value>`.
 */
export function Tabs<T extends string>({
  label,
  tabs,
  selected,
  onSelect,
  testId,
  children,
}: {
  /** What the tabs choose between, for screen readers. */
  label: string;
  tabs: readonly Tab<T>[];
  selected: T;
  onSelect: (value: T) => void;
  testId: string;
  children: ReactNode;
}) {
  const id = useId();
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const current = Math.max(
    0,
    tabs.findIndex((tab) => tab.value === selected),
  );

  const move = (event: KeyboardEvent) => {
    const last = tabs.length - 1;
    const target = {
      ArrowLeft: current === 0 ? last : current - 1,
      ArrowRight: current === last ? 0 : current + 1,
      Home: 0,
      End: last,
    }[event.key];
    if (target === undefined) return;
    event.preventDefault();
    onSelect(tabs[target].value);
    buttons.current[target]?.focus();
  };

  return (
    <div className="tabs">
      <div className="tab-list" role="tablist" aria-label={label} onKeyDown={move}>
        {tabs.map((tab, index) => (
          <button
            key={tab.value}
            ref={(button) => {
              buttons.current[index] = button;
            }}
            type="button"
            role="tab"
            id={`${id}-${index}`}
            className="tab"
            data-testid={`${testId}-${tab.value}`}
            aria-selected={index === current}
            aria-controls={`${id}-panel`}
            tabIndex={index === current ? 0 : -1}
            onClick={() => onSelect(tab.value)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div className="tab-panel" role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-${current}`}>
        {children}
      </div>
    </div>
  );
}
