// Checks the Runs pages: their routes and permission, the calls they make, and the test ids
// the browser tests use.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

const read = (path) => readFileSync(new URL(path, import.meta.url), 'utf8');
const pages = read('../src/app/pages.ts');
const list = read('../src/features/runs/RunsPage.tsx');
const details = read('../src/features/runs/RunDetailsPage.tsx');
const display = read('../src/features/runs/runDisplay.tsx');
const refresh = read('../src/api/useAutoRefresh.ts');
const openapi = JSON.parse(read('../openapi.json'));

test('the Runs page and a run page need runs:read, and the placeholder is gone', () => {
  assert.match(pages, /\{ path: '\/runs', title: 'Runs', permission: 'runs:read', Page: Runs \}/);
  assert.match(pages, /\{ path: '\/runs\/:id', title: 'Run', permission: 'runs:read', Page: RunDetails \}/);
  assert.ok(!/path: '\/runs'[^}]*ComingSoon/.test(pages), 'the Runs page is still the placeholder');
});

test('the list shows automation, state, how it started, when and how long, filtered and paged', () => {
  assert.ok(list.includes("columns={['Automation', 'State', 'Started by', 'Started', 'Duration']}"));
  assert.ok(list.includes("api.GET('/api/runs'"));
  for (const part of ['state: state ===', 'automation: automation || undefined', 'page,', 'size: PAGE_SIZE']) {
    assert.ok(list.includes(part), `the list does not send ${part}`);
  }
  for (const state of ['ALL', 'ACTIVE', 'INCIDENT', 'COMPLETED', 'CANCELLED']) {
    assert.ok(list.includes(`value: '${state}'`), `no ${state} filter`);
  }
  assert.ok(list.includes('data-testid="run-row" data-state={run.state}'));
  assert.ok(list.includes('to={`/runs/${run.id}`}'), 'rows do not link to the run');
  assert.ok(list.includes('<Pager'), 'the list does not page');
});

test('the list and a run load again while a run has not ended', () => {
  assert.ok(list.includes('useAutoRefresh(live, runs.reload)'));
  assert.ok(list.includes('isLive(run.state)'));
  assert.match(display, /state === 'ACTIVE' \|\| state === 'INCIDENT'/);
  assert.match(refresh, /REFRESH_MS = \d+/);
  assert.ok(details.includes('useAutoRefresh(run.data ? isLive(run.data.state) : false, run.reload)'));
});

test('the state filter values are the api states', () => {
  const states = openapi.components.schemas.RunSummary.properties.state.enum;
  assert.deepEqual([...states].sort(), ['ACTIVE', 'CANCELLED', 'COMPLETED', 'INCIDENT']);
  for (const state of states) assert.ok(display.includes(`${state}: {`), `no label for ${state}`);
});

test('a run shows its timeline, incidents and variables', () => {
  assert.ok(details.includes("api.GET('/api/runs/{id}'"));
  for (const id of ['run-state', 'run-step', 'run-incident']) {
    assert.ok(details.includes(`data-testid="${id}"`) || display.includes(`data-testid="${id}"`), id);
  }
  assert.ok(details.includes('run-step-failed'), 'failed steps are not highlighted');
  assert.ok(details.includes('step.job?.errorMessage'), 'failed steps do not show their error');
  assert.ok(details.includes('incident.message'), 'incidents do not show their message');
  assert.ok(details.includes('JSON.stringify(shown.variables ?? {}, null, 2)'), 'variables are not pretty JSON');
  assert.ok(details.includes('<details className="run-variables"'), 'variables do not collapse');
});

test('Retry and Cancel need runs:start and reload the run', () => {
  assert.ok(details.includes("can('runs:start')"));
  assert.ok(details.includes("api.POST('/api/runs/{id}/retry'"));
  assert.ok(details.includes("api.POST('/api/runs/{id}/cancel'"));
  assert.ok(details.includes('data-testid="retry-run"'));
  assert.ok(details.includes('testId="cancel-run"'));
  assert.ok(details.includes('openIncidents.length > 0'), 'Retry is not tied to open incidents');
  assert.ok(details.includes('useSubmit<Schemas[\'RunActionAccepted\']>(run.reload)'), 'actions do not reload');
});

test('a run started by a webhook or a schedule names it, not its actor id', () => {
  assert.ok(display.includes('/^(webhook|schedule):(.+)$/'), 'webhook and schedule starters are not named');
  assert.ok(display.includes("start.by ? `By ${starter(start.by)}` : 'Through Brain'"));
});
