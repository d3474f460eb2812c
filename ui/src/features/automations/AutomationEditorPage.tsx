import { lazy, Suspense, useCallback, useEffect, useId, useMemo, useState, type ChangeEvent, type FormEvent } from 'react';
import { Link, useBlocker, useParams, useSearchParams } from 'react-router-dom';
import type { Schemas } from '../../api/client';
import { call, useResource, type ApiResult, type Problem } from '../../api/result';
import { usePermissions } from '../auth/permissions';
import { useApi } from '../auth/session';
import { ErrorBox } from '../shell/ErrorBox';
import { Page } from '../shell/Page';
import { Tabs } from '../shell/Tabs';
import { downloadBpmn, MAX_BPMN_BYTES } from './bpmnFile';
import type { DiagramHandle } from './diagramHandle';
import { diagramProblemsOf } from './diagramProblems';
import { ProblemList } from './ProblemList';
import { RulePanel } from './RulePanel';
import { RunPanel } from './RunPanel';
import { SchedulePanel } from './SchedulePanel';
import { VersionHistory, VersionViewer } from './VersionHistory';

// The modeler is a large chunk of its own, loaded when an editor opens.
const DiagramCanvas = lazy(() => import('./DiagramCanvas'));

type Automation = Schemas['Automation'];

interface Opened {
  automation: Automation;
  /** The newest version, with its diagram: what the editor starts from. */
  latest: Schemas['AutomationVersion'];
  templates: object[];
}

/** The BPMN editor of one automation (`/integrations/automation/:key`). */
export default function AutomationEditorPage({ title }: { title: string }) {
  const { key = '' } = useParams();
  // Another automation is another editor, with its own modeler and state.
  return <AutomationEditor key={key} automationKey={key} title={title} />;
}

/** How the automation is edited: drawn in the modeler, or as a rule that generates the diagram. */
type View = 'diagram' | 'rule';

const VIEWS = [
  { value: 'diagram', label: 'Diagram' },
  { value: 'rule', label: 'Rule list' },
] as const;

/** Why the api refused the last save or deploy. */
interface Refusal {
  title: string;
  problem: Problem;
}

function AutomationEditor({ automationKey, title }: { automationKey: string; title: string }) {
  const api = useApi();
  const { can } = usePermissions();
  const canWrite = can('automations:write');
  const canDeploy = can('automations:deploy');
  const canStart = can('runs:start');
  const path = { key: automationKey };

  const opened = useResource(
    useCallback(
      async (signal: AbortSignal): Promise<ApiResult<Opened>> => {
        const automation = await call('Loading the automation', api.GET('/api/automations/{key}', { params: { path }, signal }));
        if (!automation.ok) return automation;
        const latest = await call(
          'Loading the diagram',
          api.GET('/api/automations/{key}/versions/{version}', {
            params: { path: { ...path, version: automation.data.latestVersion } },
            signal,
          }),
        );
        if (!latest.ok) return latest;
        // Only the modeler applies templates; the read-only viewer needs none.
        const templates = canWrite
          ? await call('Loading the connector templates', api.GET('/api/element-templates', { signal }))
          : { ok: true as const, data: [] };
        if (!templates.ok) return templates;
        return { ok: true, data: { automation: automation.data, latest: latest.data, templates: templates.data } };
      },
      // eslint-disable-next-line react-hooks/exhaustive-deps -- path is made of automationKey
      [api, automationKey, canWrite],
    ),
  );
  const versions = useResource(
    useCallback(
      (signal: AbortSignal) =>
        call('Loading the versions', api.GET('/api/automations/{key}/versions', { params: { path }, signal })),
      // eslint-disable-next-line react-hooks/exhaustive-deps -- path is made of automationKey
      [api, automationKey],
    ),
  );

  // The automation as the last save or deploy left it, once there was one.
  const [current, setCurrent] = useState<Automation>();
  const [handle, setHandle] = useState<DiagramHandle>();
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState<'save' | 'deploy' | 'load'>();
  const [refusal, setRefusal] = useState<Refusal>();
  const [failure, setFailure] = useState<{ title: string; message: string; testId: string }>();
  const [status, setStatus] = useState<string>();
  const [note, setNote] = useState('');
  const [viewing, setViewing] = useState<number>();
  const [running, setRunning] = useState(false);
  const noteId = useId();
  // A rule's automation opens on its rule (?view=rule); the modeler is made once the diagram is shown.
  const [searchParams] = useSearchParams();
  const [view, setView] = useState<View>(canWrite && searchParams.get('view') === 'rule' ? 'rule' : 'diagram');
  const [diagramShown, setDiagramShown] = useState(view === 'diagram');
  const [ruleShown, setRuleShown] = useState(view === 'rule');
  // The diagram a rule's save made, shown once the Diagram tab is (a hidden modeler cannot fit it
  // to its size); whether the newest version is a rule's.
  const [ruleDiagram, setRuleDiagram] = useState<string>();
  const [pendingDiagram, setPendingDiagram] = useState<string>();
  const [fromRule, setFromRule] = useState<boolean>();
  useEffect(() => {
    if (view !== 'diagram' || pendingDiagram === undefined || !handle) return;
    setPendingDiagram(undefined);
    handle.open(pendingDiagram).catch(() => undefined);
  }, [view, pendingDiagram, handle]);

  const automation = current ?? opened.data?.automation;
  // Kept while the refusal stands, so the canvas marks the problems once.
  const problems = useMemo(() => (refusal ? diagramProblemsOf(refusal.problem) : []), [refusal]);
  const markChanged = useCallback(() => setDirty(true), []);
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname);
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  if (!opened.data || !automation) {
    return (
      <Page title={title}>
        <BackLink />
        {opened.failure ? (
          <ErrorBox title="The automation could not be opened" message={opened.failure} onRetry={opened.reload} />
        ) : (
          <p className="muted">Loading the automation…</p>
        )}
      </Page>
    );
  }

  const refresh = async () => {
    versions.reload();
    const answer = await call('Loading the automation', api.GET('/api/automations/{key}', { params: { path } }));
    if (answer.ok) setCurrent(answer.data);
  };

  const begin = (action: 'save' | 'deploy' | 'load') => {
    setBusy(action);
    setFailure(undefined);
    setStatus(undefined);
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!handle) return;
    begin('save');
    const bpmnXml = await handle.xml();
    const answer = await call(
      'Saving the diagram',
      api.PUT('/api/automations/{key}', {
        params: { path },
        body: {
          name: automation.name,
          description: automation.description ?? undefined,
          bpmnXml,
          note: note.trim() || undefined,
        },
      }),
    );
    setBusy(undefined);
    if (!answer.ok) return setRefusal({ title: 'The diagram was not saved', problem: answer.problem });
    setRefusal(undefined);
    setDirty(false);
    setNote('');
    // Deploy offers the new version at once, before the automation is read again.
    setCurrent({ ...automation, latestVersion: answer.data.version, updatedAt: answer.data.createdAt });
    setStatus(`Saved as version ${answer.data.version}.`);
    setFromRule(false);
    await refresh();
  };

  const select = (next: View) => {
    setView(next);
    if (next === 'diagram') setDiagramShown(true);
    else setRuleShown(true);
  };

  /** A rule saved as a new version: its generated diagram replaces the one in the editor. */
  const ruleSaved = async (version: Schemas['AutomationVersion']) => {
    const xml = version.bpmnXml ?? '';
    if (handle) setPendingDiagram(xml);
    else setRuleDiagram(xml);
    setRefusal(undefined);
    setDirty(false);
    setFromRule(true);
    setCurrent({ ...automation, latestVersion: version.version, updatedAt: version.createdAt });
    setStatus(`Saved the rule as version ${version.version}; its diagram is in the Diagram tab.`);
    await refresh();
  };

  const deploy = async (version: number) => {
    begin('deploy');
    const answer = await call(
      `Deploying version ${version}`,
      api.POST('/api/automations/{key}/versions/{version}/deployment', { params: { path: { ...path, version } } }),
    );
    setBusy(undefined);
    if (!answer.ok) return setRefusal({ title: `Version ${version} was not deployed`, problem: answer.problem });
    setRefusal(undefined);
    setCurrent({ ...automation, deployedVersion: version });
    setStatus(`Version ${version} deployed: new runs use it.`);
    await refresh();
  };

  /** Shows another diagram in the editor, and puts the previous one back if it cannot be shown. */
  const replaceDiagram = async (xml: string, source: string, failureTitle: string, testId: string) => {
    if (!handle) return false;
    const previous = await handle.xml();
    try {
      const warnings = await handle.open(xml);
      setRefusal(undefined);
      setDirty(true);
      setStatus(
        `${source}${warnings.length > 0 ? ` with ${warnings.length} warning${warnings.length === 1 ? '' : 's'} (${warnings.join('; ')})` : ''}: save to keep it as a new version.`,
      );
      return true;
    } catch (error) {
      setFailure({ title: failureTitle, message: error instanceof Error ? error.message : String(error), testId });
      await handle.open(previous).catch(() => undefined);
      return false;
    }
  };

  const importFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    // The same file can be chosen again after fixing it.
    input.value = '';
    if (!file) return;
    setStatus(undefined);
    if (file.size > MAX_BPMN_BYTES) {
      return setFailure({
        title: `“${file.name}” was not imported`,
        message: 'The file is larger than 1 MB, more than an automation can hold.',
        testId: 'editor-import-error',
      });
    }
    setFailure(undefined);
    await replaceDiagram(
      await file.text(),
      `Imported “${file.name}”`,
      `“${file.name}” is not a diagram the editor can open`,
      'editor-import-error',
    );
  };

  const exportFile = async () => {
    if (handle) downloadBpmn(`${automation.key}.bpmn`, await handle.xml());
  };

  const loadVersion = async (version: number) => {
    if (dirty && !window.confirm('Replace your unsaved changes with version ' + version + '?')) return;
    begin('load');
    const answer = await call(
      `Loading version ${version}`,
      api.GET('/api/automations/{key}/versions/{version}', { params: { path: { ...path, version } } }),
    );
    setBusy(undefined);
    if (!answer.ok) {
      return setFailure({ title: `Version ${version} was not loaded`, message: answer.problem.summary, testId: 'version-load-error' });
    }
    if (await replaceDiagram(answer.data.bpmnXml ?? '', `Version ${version} loaded`, `Version ${version} could not be shown`, 'version-load-error')) {
      setViewing(undefined);
    }
  };

  const latestVersion = automation.latestVersion;

  const diagramView = (
    <>
      <div className="card editor-toolbar" role="toolbar" aria-label="Diagram">
        {canWrite && (
          <form className="editor-save" onSubmit={save}>
            <label className="visually-hidden" htmlFor={noteId}>
              Note for this version (optional)
            </label>
            <input
              id={noteId}
              className="input"
              data-testid="editor-note"
              placeholder="What changed (optional)"
              maxLength={500}
              value={note}
              onChange={(event) => setNote(event.target.value)}
            />
            <button
              type="submit"
              className="button button-primary"
              data-testid="editor-save"
              disabled={!handle || busy !== undefined}
            >
              {busy === 'save' ? 'Saving…' : 'Save'}
            </button>
          </form>
        )}
        {canWrite && (
          <label className="button file-button">
            <input
              type="file"
              className="visually-hidden"
              accept=".bpmn,.xml,application/xml,text/xml"
              data-testid="editor-import"
              disabled={!handle || busy !== undefined}
              onChange={importFile}
            />
            Import .bpmn
          </label>
        )}
        <button type="button" className="button" data-testid="editor-export" disabled={!handle} onClick={exportFile}>
          Export .bpmn
        </button>
        <p className="editor-status" role="status" data-testid="editor-status">
          {status}
        </p>
      </div>
      {failure && <ErrorBox title={failure.title} message={failure.message} testId={failure.testId} />}
      {refusal &&
        (problems.length > 0 ? (
          <ProblemList
            title={refusal.title}
            problems={problems}
            nameOf={(elementId) => handle?.nameOf(elementId)}
            onSelect={(elementId) => handle?.select(elementId)}
          />
        ) : (
          <ErrorBox title={refusal.title} message={refusal.problem.detail} testId="editor-refusal" />
        ))}
      {diagramShown && (
        <Suspense fallback={<p className="muted">Loading the editor…</p>}>
          <DiagramCanvas
            xml={ruleDiagram ?? opened.data.latest.bpmnXml ?? ''}
            editable={canWrite}
            elementTemplates={opened.data.templates}
            problems={problems}
            onReady={setHandle}
            onChange={markChanged}
            label={`Diagram of ${automation.name}`}
            testId="editor-canvas"
          />
        </Suspense>
      )}
    </>
  );

  return (
    <Page
      title={automation.name}
      status={
        <span
          className={`status ${automation.deployedVersion ? 'status-active' : 'status-neutral'}`}
          data-testid="automation-deployed"
        >
          {automation.deployedVersion ? `Version ${automation.deployedVersion} deployed` : 'Not deployed'}
        </span>
      }
      actions={
        <>
          {canDeploy && (
            <button
              type="button"
              className="button"
              data-testid="editor-deploy"
              disabled={busy !== undefined || automation.deployedVersion === latestVersion}
              title={
                automation.deployedVersion === latestVersion
                  ? `Version ${latestVersion} is deployed already`
                  : dirty
                    ? `Deploys the saved version ${latestVersion}: save first to include your changes`
                    : undefined
              }
              onClick={() => deploy(latestVersion)}
            >
              {busy === 'deploy' ? 'Deploying…' : `Deploy version ${latestVersion}`}
            </button>
          )}
          {canStart && (
            <button
              type="button"
              className="button"
              data-testid="editor-run"
              aria-expanded={running}
              disabled={!automation.deployedVersion}
              title={automation.deployedVersion ? undefined : 'Deploy a version first'}
              onClick={() => setRunning((open) => !open)}
            >
              Run…
            </button>
          )}
        </>
      }
    >
      <BackLink />
      <p className="muted">
        Key <code className="mono">{automation.key}</code> · newest version {latestVersion}
        {dirty && canWrite && ' · unsaved changes'}
      </p>
      {running && canStart && <RunPanel automationKey={automation.key} onClose={() => setRunning(false)} />}
      {blocker.state === 'blocked' && (
        <div className="card confirm-leave" role="alertdialog" aria-label="Unsaved changes" data-testid="editor-leave">
          <span>The diagram has unsaved changes. Leave without saving them?</span>
          <button type="button" className="button button-danger" onClick={() => blocker.proceed()}>
            Leave
          </button>
          <button type="button" className="button" autoFocus onClick={() => blocker.reset()}>
            Stay
          </button>
        </div>
      )}
      {canWrite ? (
        <Tabs label="Edit the automation as" tabs={VIEWS} selected={view} onSelect={select} testId="editor-view">
          <div hidden={view !== 'diagram'} data-testid="editor-diagram-view">
            {diagramView}
          </div>
          {ruleShown && (
            <div hidden={view !== 'rule'} data-testid="editor-rule-view">
              <RulePanel
                automation={automation}
                fromRule={fromRule ?? opened.data.latest.fromRule}
                diagramChanged={dirty}
                onSaved={ruleSaved}
              />
            </div>
          )}
        </Tabs>
      ) : (
        diagramView
      )}
      <section className="page-section" aria-labelledby="versions-title">
        <h2 className="section-title" id="versions-title">
          Versions
        </h2>
        {viewing !== undefined && (
          <VersionViewer
            key={viewing}
            automationKey={automation.key}
            version={viewing}
            canLoad={canWrite}
            onLoad={loadVersion}
            onClose={() => setViewing(undefined)}
          />
        )}
        <VersionHistory
          versions={versions}
          busy={busy !== undefined}
          canLoad={canWrite}
          canDeploy={canDeploy}
          onView={setViewing}
          onLoad={loadVersion}
          onDeploy={deploy}
        />
      </section>
      <section className="page-section" aria-labelledby="schedules-title" data-testid="schedules">
        <h2 className="section-title" id="schedules-title">
          Schedules
        </h2>
        <SchedulePanel automationKey={automation.key} deployed={Boolean(automation.deployedVersion)} />
      </section>
    </Page>
  );
}

function BackLink() {
  return (
    <p>
      <Link to="/integrations/automation">← All automations</Link>
    </p>
  );
}
