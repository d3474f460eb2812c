import { Fragment, useCallback, useState } from 'react';
import type { Schemas } from '../../api/client';
import { call, useResource } from '../../api/result';
import { useApi } from '../auth/session';
import { ErrorBox } from '../shell/ErrorBox';
import { Page } from '../shell/Page';
import { Timestamp } from '../shell/Timestamp';
import { AuditFilterForm } from './AuditFilterForm';
import { toFilters, type AuditFilters } from './auditQuery';
import { ChainStatus, useChainCheck, VerifyChainButton } from './ChainCheck';
import { exportAuditCsv } from './exportAuditCsv';

const PAGE_SIZE = 50;

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

  const data = entries.data;
  const first = data && data.items.length > 0 ? data.page * data.size + 1 : 0;
  const last = data ? data.page * data.size + data.items.length : 0;

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
      {entries.failure && (
        <ErrorBox title="The audit log could not be loaded" message={entries.failure} onRetry={entries.reload} />
      )}
      {!entries.failure && !data && <p className="muted">Loading the audit log…</p>}
      {data && (
        <div className="card table-card" aria-busy={entries.loading}>
          <table className="data-table audit-table">
            <thead>
              <tr>
                <th scope="col">
                  <span className="visually-hidden">Details</span>
                </th>
                <th scope="col">Time</th>
                <th scope="col">Actor</th>
                <th scope="col">Action</th>
                <th scope="col">Target</th>
                <th scope="col">Outcome</th>
                <th scope="col">Request</th>
              </tr>
            </thead>
            <tbody>
              {data.items.length === 0 && (
                <tr>
                  <td colSpan={7} className="empty-row">
                    No audit entries match.
                  </td>
                </tr>
              )}
              {data.items.map((entry) => (
                <AuditRow
                  key={entry.id}
                  entry={entry}
                  open={expanded === entry.id}
                  onToggle={() => setExpanded(expanded === entry.id ? undefined : entry.id)}
                />
              ))}
            </tbody>
          </table>
          <div className="pager">
            <span data-testid="audit-range">
              {first}–{last} of {data.total}
            </span>
            <button
              type="button"
              className="button button-small"
              data-testid="audit-previous"
              disabled={page === 0 || entries.loading}
              onClick={() => setPage(page - 1)}
            >
              Previous
            </button>
            <button
              type="button"
              className="button button-small"
              data-testid="audit-next"
              disabled={last >= data.total || entries.loading}
              onClick={() => setPage(page + 1)}
            >
              Next
            </button>
          </div>
        </div>
      )}
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
          <td colSpan={7}>
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
              <dd className="mono">{entry.hash}</dd>
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
