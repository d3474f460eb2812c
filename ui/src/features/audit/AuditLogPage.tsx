import { Fragment, useCallback, useState } from 'react';
import type { Schemas } from '../../api/client';
import { call, useResource } from '../../api/result';
import { useApi } from '../auth/session';
import { ErrorBox } from '../shell/ErrorBox';
import { Page } from '../shell/Page';
import { Pager } from '../shell/Pager';
import { ResourceTable, type Column } from '../shell/ResourceTable';
import { Timestamp } from '../shell/Timestamp';
import { AuditFilterForm } from './AuditFilterForm';
import { toFilters, type AuditFilters } from './auditQuery';
import { ChainStatus, useChainCheck, VerifyChainButton } from './ChainCheck';
import { exportAuditCsv } from './exportAuditCsv';

const PAGE_SIZE = 50;

const COLUMNS: Column[] = [{ hidden: 'Details' }, 'Time', 'Actor', 'Action', 'Target', 'Outcome', 'Request'];

/** The tenant's audit log (the platform's, for a platform admin): filter, page, export, verify. */
export default function AuditLogPage({ title }: { title: string }) {
  const api = useApi();
  const [filters, setFilters] = useState<AuditFilters>({});
  const [page, setPage] = useState(0);
  const [expanded, setExpanded] = useState<number>();
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string>();
  const { check, verify } = useChainCheck();

  const entries = useResource(
    useCallback(
      (signal: AbortSignal) =>
        call(
          'Loading the audit log',
          api.GET('/api/audit', { params: { query: { ...filters, page, size: PAGE_SIZE } }, signal }),
        ),
      [api, filters, page],
    ),
  );

  const exportCsv = async () => {
    setExporting(true);
    const result = await exportAuditCsv(api, filters);
    setExporting(false);
    setExportError(result.ok ? undefined : result.problem.summary);
  };

  return (
    <Page
      title={title}
      actions={
        <>
          <button
            type="button"
            className="button"
            data-testid="export-audit"
            disabled={exporting}
            title="Downloads every row that matches the applied filters"
            onClick={exportCsv}
          >
            {exporting ? 'Exporting…' : 'Export CSV'}
          </button>
          <VerifyChainButton check={check} onVerify={verify} />
        </>
      }
    >
      <ChainStatus check={check} />
      <AuditFilterForm
        onApply={(draft) => {
          setFilters(toFilters(draft));
          setPage(0);
          setExpanded(undefined);
        }}
      />
      {exportError && <ErrorBox title="The export failed" message={exportError} />}
      <ResourceTable
        resource={entries}
        failureTitle="The audit log could not be loaded"
        loadingText="Loading the audit log…"
        className="audit-table"
        columns={COLUMNS}
        emptyText="No audit entries match."
        rows={(data) =>
          data.items.map((entry) => (
            <AuditRow
              key={entry.id}
              entry={entry}
              open={expanded === entry.id}
              onToggle={() => setExpanded(expanded === entry.id ? undefined : entry.id)}
            />
          ))
        }
        footer={(data) => <Pager data={data} page={page} busy={entries.loading} onPage={setPage} testId="audit" />}
      />
    </Page>
  );
}

function AuditRow({ entry, open, onToggle }: { entry: Schemas['AuditEntry']; open: boolean; onToggle: () => void }) {
  const detailsId = `audit-entry-${entry.id}`;
  return (
    <Fragment>
      <tr data-testid="audit-row" data-id={entry.id} className="clickable-row" onClick={onToggle}>
        <td className="disclosure-cell">
          <button
            type="button"
            className="disclosure"
            aria-expanded={open}
            aria-controls={open ? detailsId : undefined}
            aria-label={`Details of entry ${entry.id}`}
            onClick={(event) => {
              event.stopPropagation();
              onToggle();
            }}
          />
        </td>
        <td>
          <Timestamp value={entry.occurredAt} precision="second" />
        </td>
        <td>
          <span className="strong">{entry.actorName}</span> <span className="kind">{entry.actorKind}</span>
        </td>
        <td>
          <code className="mono">{entry.action}</code>
        </td>
        <td>
          {entry.targetType ? (
            <>
              {entry.targetType}
              {entry.targetId && <span className="muted"> / {entry.targetId}</span>}
            </>
          ) : (
            '—'
          )}
        </td>
        <td>
          <span className={`status outcome-${entry.outcome.toLowerCase()}`}>{entry.outcome}</span>
        </td>
        <td>
          {entry.requestId ? (
            <code className="mono muted" title={entry.requestId}>
              {entry.requestId.slice(0, 8)}
            </code>
          ) : (
            '—'
          )}
        </td>
      </tr>
      {open && (
        <tr className="detail-row" id={detailsId}>
          <td colSpan={COLUMNS.length}>
            <dl className="detail-list">
              <dt>Entry</dt>
              <dd>{entry.id}</dd>
              <dt>Actor id</dt>
              <dd className="mono">{entry.actorId}</dd>
              <dt>Request id</dt>
              <dd className="mono">{entry.requestId ?? '—'}</dd>
              <dt>Client IP</dt>
              <dd className="mono">{entry.clientIp ?? '—'}</dd>
              <dt>Hash</dt>
              <dd className="mono">{entry.hash ?? 'not sealed yet (within a second of writing)'}</dd>
            </dl>
            <pre className="json" data-testid="audit-metadata">
              {JSON.stringify(entry.metadata, null, 2)}
            </pre>
          </td>
        </tr>
      )}
    </Fragment>
  );
}
