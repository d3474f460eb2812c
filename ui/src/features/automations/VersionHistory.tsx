import { lazy, Suspense, useCallback } from 'react';
import type { Schemas } from '../../api/client';
import { call, useResource, type Resource } from '../../api/result';
import { useApi } from '../auth/session';
import { ErrorBox } from '../shell/ErrorBox';
import { ResourceTable } from '../shell/ResourceTable';
import { Timestamp } from '../shell/Timestamp';

const DiagramCanvas = lazy(() => import('./DiagramCanvas'));

type Version = Schemas['AutomationVersion'];

/**
 * An automation's versions, newest first: open one read-only, load it into the editor, or deploy
 * it (to go back to an earlier one).
 */
export function VersionHistory({
  versions,
  busy,
  canLoad,
  canDeploy,
  onView,
  onLoad,
  onDeploy,
}: {
  versions: Resource<Version[]>;
  /** An action is under way: the buttons wait. */
  busy: boolean;
  canLoad: boolean;
  canDeploy: boolean;
  onView: (version: number) => void;
  onLoad: (version: number) => void;
  onDeploy: (version: number) => void;
}) {
  return (
    <ResourceTable
      resource={versions}
      failureTitle="The versions could not be loaded"
      loadingText="Loading versions…"
      columns={['Version', 'Status', 'Note', 'Saved', 'Deployed', { hidden: 'Actions' }]}
      emptyText="No versions yet."
      rows={(data) =>
        data.map((version) => (
          <tr key={version.version} data-testid="version-row" data-version={version.version}>
            <td className="strong">{version.version}</td>
            <td>
              <span className={`status ${statusClass(version.status)}`} data-testid="version-status">
                {statusText(version.status)}
              </span>
            </td>
            <td>{version.note ?? <span className="muted">—</span>}</td>
            <td className="nowrap">
              <Timestamp value={version.createdAt} /> by {version.createdBy}
            </td>
            <td className="nowrap">
              {version.deployedAt ? (
                <>
                  <Timestamp value={version.deployedAt} /> by {version.deployedBy}
                </>
              ) : (
                <span className="muted">—</span>
              )}
            </td>
            <td className="actions-cell">
              <button
                type="button"
                className="button button-small"
                data-testid="version-view"
                aria-label={`Open version ${version.version} read-only`}
                onClick={() => onView(version.version)}
              >
                View
              </button>
              {canLoad && (
                <button
                  type="button"
                  className="button button-small"
                  data-testid="version-load"
                  aria-label={`Load version ${version.version} into the editor`}
                  disabled={busy}
                  onClick={() => onLoad(version.version)}
                >
                  Load into editor
                </button>
              )}
              {canDeploy && version.status !== 'DEPLOYED' && (
                <button
                  type="button"
                  className="button button-small"
                  data-testid="version-deploy"
                  aria-label={`Deploy version ${version.version}`}
                  disabled={busy}
                  onClick={() => onDeploy(version.version)}
                >
                  Deploy
                </button>
              )}
            </td>
          </tr>
        ))
      }
    />
  );
}

/** One version's diagram, read-only, with the way to load it into the editor. */
export function VersionViewer({
  automationKey,
  version,
  canLoad,
  onLoad,
  onClose,
}: {
  automationKey: string;
  version: number;
  canLoad: boolean;
  onLoad: (version: number) => void;
  onClose: () => void;
}) {
  const api = useApi();
  const loaded = useResource(
    useCallback(
      (signal: AbortSignal) =>
        call(
          `Loading version ${version}`,
          api.GET('/api/automations/{key}/versions/{version}', {
            params: { path: { key: automationKey, version } },
            signal,
          }),
        ),
      [api, automationKey, version],
    ),
  );

  return (
    <section className="card version-viewer" data-testid="version-viewer" aria-labelledby="version-viewer-title">
      <div className="version-viewer-header">
        <h3 className="section-title" id="version-viewer-title">
          Version {version} (read-only)
        </h3>
        <div className="page-actions">
          {canLoad && (
            <button
              type="button"
              className="button"
              data-testid="version-viewer-load"
              disabled={!loaded.data}
              onClick={() => onLoad(version)}
            >
              Load into editor
            </button>
          )}
          <button type="button" className="button" data-testid="version-viewer-close" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
      {loaded.failure && (
        <ErrorBox title="The version could not be loaded" message={loaded.failure} onRetry={loaded.reload} />
      )}
      {!loaded.data && !loaded.failure && <p className="muted">Loading the diagram…</p>}
      {loaded.data && (
        <Suspense fallback={<p className="muted">Loading the viewer…</p>}>
          <DiagramCanvas
            key={loaded.data.version}
            xml={loaded.data.bpmnXml ?? ''}
            editable={false}
            label={`Diagram of version ${version}, read-only`}
            testId="version-canvas"
          />
        </Suspense>
      )}
    </section>
  );
}

function statusText(status: Version['status']): string {
  return { DRAFT: 'Draft', DEPLOYED: 'Deployed', ARCHIVED: 'Archived' }[status];
}

function statusClass(status: Version['status']): string {
  return { DRAFT: 'status-neutral', DEPLOYED: 'status-active', ARCHIVED: 'status-disabled' }[status];
}
