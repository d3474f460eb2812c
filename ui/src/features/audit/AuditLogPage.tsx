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
import { emptyDraft, toFilters, type AuditFilterDraft, type AuditFilters } from './auditQuery';
import { ChainStatus, useChainCheck, VerifyChainButton } from './ChainCheck';
import { exportAuditCsv } from './exportAuditCsv';

const PAGE_SIZE = 50;

/** Who acted, in words. */
const ACTOR_KINDS: Record<string, string> = {
  USER: 'user',
  API_KEY: 'API key',
  WORKER: 'engine worker',
  SYSTEM: 'system',
  ANONYMOUS: 'not signed in',
};

const COLUMNS: Column[] = [{ hidden: 'Details' }, 'Time', 'What happened', 'Object', 'Outcome', 'Request'];

/** The tenant's audit log (the platform's, for a platform admin): filter, page, export, verify. */
export default function AuditLogPage({ title }: { title: string }) {
  const api = useApi();
  const [draft, setDraft] = useState<AuditFilterDraft>(emptyDraft);
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

  const apply = (applied: AuditFilterDraft) => {
    setFilters(toFilters(applied));
    setPage(0);
    setExpanded(undefined);
  };

  /** Shows the rows of one object only: its whole history. */
  const showObject = (entry: Schemas['AuditEntry']) => {
    const object = { ...emptyDraft, targetType: entry.targetType ?? '', targetId: entry.targetId ?? '' };
    setDraft(object);
    apply(object);
  };

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
      <AuditFilterForm draft={draft} onChange={setDraft} onApply={apply} />
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
              onShowObject={() => showObject(entry)}
            />
          ))
        }
        footer={(data) => <Pager data={data} page={page} busy={entries.loading} onPage={setPage} testId="audit" />}
      />
    </Page>
  );
}

function AuditRow({
  entry,
  open,
  onToggle,
  onShowObject,
}: {
  entry: Schemas['AuditEntry'];
  open: boolean;
  onToggle: () => void;
  onShowObject: () => void;
}) {
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
        <td data-testid="audit-sentence">
          <span className="strong">{entry.actorName}</span> {entry.action}{' '}
          <span className="kind">{ACTOR_KINDS[entry.actorKind] ?? entry.actorKind}</span>
        </td>
        <td data-testid="audit-object">
          {entry.targetType ? (
            <>
              {entry.targetType}
              {entry.targetName && <span className="strong"> {entry.targetName}</span>}
              {entry.targetId && (
                <>
                  {' '}
                  <code className="mono muted" title={entry.targetId}>
                    {entry.targetId}
                  </code>{' '}
                  <button
                    type="button"
                    className="button button-small"
                    data-testid="audit-show-object"
                    aria-label={`Show the history of ${entry.targetType} ${entry.targetName ?? entry.targetId}`}
                    onClick={(event) => {
                      event.stopPropagation();
                      onShowObject();
                    }}
                  >
                    History
                  </button>
                </>
              )}
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
