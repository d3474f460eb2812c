/** Short values in a row, such as permissions (`chip`) or roles (`badge`), named for screen readers. */
export function ChipList({ label, items, kind }: { label: string; items: readonly string[]; kind: 'chip' | 'badge' }) {
  return (
    <ul className="chip-list" aria-label={label}>
      {items.map((item) => (
        <li key={item} className={kind}>
          {item}
        </li>
      ))}
    </ul>
  );
}
