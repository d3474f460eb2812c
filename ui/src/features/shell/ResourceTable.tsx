import type { ReactNode } from 'react';
import type { Resource } from '../../api/result';
import { ErrorBox } from './ErrorBox';

/** A column heading; `{ hidden }` names a column for screen readers only (actions, disclosure). */
export type Column = string | { hidden: string };

/**
 * A list page's table of data loaded with `useResource`: the error (with Try again) when the load
 * failed, a loading line until the first answer, then the table, marked busy while it reloads,
 * with one row saying so when there are no rows.
 */
export function ResourceTable<T>({
  resource,
  failureTitle,
  loadingText,
  columns,
  emptyText,
  rows,
  footer,
  className,
}: {
  resource: Resource<T>;
  /** The heading of the error box, e.g. “The tenants could not be loaded”. */
  failureTitle: string;
  loadingText: string;
  columns: Column[];
  emptyText: string;
  /** The table's rows (each with its key) from the loaded data. */
  rows: (data: T) => ReactNode[];
  /** What follows the table inside its card, such as a pager. */
  footer?: (data: T) => ReactNode;
  /** Classes of the table besides `data-table`. */
  className?: string;
}) {
  const { data, failure, loading, reload } = resource;
  if (failure) return <ErrorBox title={failureTitle} message={failure} onRetry={reload} />;
  if (data === undefined) return <p className="muted">{loadingText}</p>;
  const body = rows(data);
  return (
    <div className="card table-card" aria-busy={loading}>
      <table className={className ? `data-table ${className}` : 'data-table'}>
        <thead>
          <tr>
            {columns.map((column, index) => (
              <th scope="col" key={index}>
                {typeof column === 'string' ? column : <span className="visually-hidden">{column.hidden}</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {body.length === 0 && (
            <tr>
              <td colSpan={columns.length} className="empty-row">
                {emptyText}
              </td>
            </tr>
          )}
          {body}
        </tbody>
      </table>
      {footer?.(data)}
    </div>
  );
}
