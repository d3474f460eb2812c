import { useCallback, useState } from 'react';
import { useResource, type ApiResult } from '../../api/result';
import { Pager } from '../shell/Pager';
import { ResourceTable, type Column } from '../shell/ResourceTable';
import { SearchBox } from '../shell/SearchBox';
import { Timestamp } from '../shell/Timestamp';
import { plainText, recordStatus, webAddress, type RecordPage, type RecordQuery, type SyncedRecord } from './syncedRecords';

const PAGE_SIZE = 25;

/** A column of a record list beyond its title, type, status and modification time. */
export interface RecordDetail {
  label: string;
  value: (record: SyncedRecord) => string;
}

/** The test ids of a record list: its search field, each row, and its pager (`Pager`'s prefix). */
export interface RecordListTestIds {
  search: string;
  row: string;
  pager: string;
}

/**
 * Records that syncs stored, searched by title and paged: the title links to the record at the
 * provider (in a new tab), then its status and when it was last modified there. `load` fetches
 * one page (keep it stable with useCallback); a change of `version` loads the list again, as
 * after a sync. `typeOf` adds a Type column; `details` add columns after it, such as a contact's email.
 */
export function RecordList({
  load,
  version = 0,
  searchLabel,
  failureTitle,
  loadingText,
  emptyText,
  testIds,
  typeOf,
  details = [],
  searchPlaceholder = 'Search titles…',
}: {
  load: (query: RecordQuery, signal: AbortSignal) => Promise<ApiResult<RecordPage>>;
  version?: number;
  searchLabel: string;
  failureTitle: string;
  loadingText: string;
  /** What the list says when nothing is stored (a search that finds nothing says so itself). */
  emptyText: string;
  testIds: RecordListTestIds;
  typeOf?: (record: SyncedRecord) => string;
  details?: RecordDetail[];
  searchPlaceholder?: string;
}) {
  const [query, setQuery] = useState({ q: '', page: 0 });
  const search = useCallback((q: string) => setQuery((current) => (current.q === q ? current : { q, page: 0 })), []);
  const records = useResource(
    useCallback(
      (signal: AbortSignal) => load({ q: query.q || undefined, page: query.page, size: PAGE_SIZE }, signal),
      // `version` is not read: its change alone asks for a fresh load.
      // eslint-disable-next-line react-hooks/exhaustive-deps
      [load, query, version],
    ),
  );
  const columns: Column[] = [
    'Title',
    ...(typeOf ? ['Type'] : []),
    ...details.map((detail) => detail.label),
    'Status',
    'Modified',
  ];

  return (
    <>
      <SearchBox label={searchLabel} placeholder={searchPlaceholder} testId={testIds.search} onSearch={search} />
      <ResourceTable
        resource={records}
        failureTitle={failureTitle}
        loadingText={loadingText}
        columns={columns}
        emptyText={query.q ? `Nothing matches “${query.q}”.` : emptyText}
        rows={(data) =>
          data.items.map((record) => (
            <tr
              key={`${record.connectionId}/${record.resource}/${record.externalId}`}
              data-testid={testIds.row}
              data-external-id={record.externalId}
            >
              <td className="strong">
                <RecordTitle record={record} />
              </td>
              {typeOf && <td>{typeOf(record)}</td>}
              {details.map((detail) => (
                <td key={detail.label}>{detail.value(record) || '—'}</td>
              ))}
              <td>{record.status ? <RecordStatus status={record.status} /> : '—'}</td>
              <td>
                <Timestamp value={record.modifiedAt} />
              </td>
            </tr>
          ))
        }
        footer={(data) => (
          <Pager
            data={data}
            page={query.page}
            busy={records.loading}
            onPage={(page) => setQuery((current) => ({ ...current, page }))}
            testId={testIds.pager}
          />
        )}
      />
    </>
  );
}

/** The record's title, as a link that opens it at the provider when it has a web address. */
function RecordTitle({ record }: { record: SyncedRecord }) {
  const title = plainText(record.title) || 'Untitled';
  const href = webAddress(record.url);
  if (!href) return <>{title}</>;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {title}
      <span className="visually-hidden"> (opens in a new tab)</span>
    </a>
  );
}

function RecordStatus({ status }: { status: string }) {
  const { label, tone } = recordStatus(status);
  return (
    <span className={`status status-${tone}`} title={status}>
      {label}
    </span>
  );
}
