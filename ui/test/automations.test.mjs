// Checks the Automation pages: their routes, the test ids the browser tests use, and that the BPMN
// modeler (camunda-bpmn-js, megabytes) is a lazily loaded chunk that brings its stylesheets.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const read = (path) => readFileSync(new URL(path, import.meta.url), 'utf8');
const folder = new URL('../src/features/automations/', import.meta.url);
const sources = Object.fromEntries(
  readdirSync(folder).map((name) => [name, readFileSync(new URL(name, folder), 'utf8')]),
);
const pages = read('../src/app/pages.ts');

/** Every source file of the app, by path below src/. */
function appSources(dir = new URL('../src/', import.meta.url), prefix = '') {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? appSources(new URL(`${entry.name}/`, dir), `${prefix}${entry.name}/`)
      : /\.tsx?$/.test(entry.name)
        ? [[`${prefix}${entry.name}`, readFileSync(new URL(entry.name, dir), 'utf8')]]
        : [],
  );
}

test('the Automation page and the editor are routed, each a lazy chunk', () => {
  assert.match(pages, /const Automations = lazy\(\(\) => import\('\.\.\/features\/automations\/AutomationsPage'\)\);/);
  assert.match(
    pages,
    /const AutomationEditor = lazy\(\(\) => import\('\.\.\/features\/automations\/AutomationEditorPage'\)\);/,
  );
  assert.match(pages, /path: '\/integrations\/automation', title: 'Automation', permission: 'automations:read', Page: Automations \}/);
  assert.match(
    pages,
    /path: '\/integrations\/automation\/:key', title: 'Automation', permission: 'automations:read', Page: AutomationEditor \}/,
  );
});

test('the pages carry the test ids the browser tests use', () => {
  const all = Object.values(sources).join('\n');
  for (const id of [
    'create-automation',
    'automation-name',
    'automation-key',
    'submit-automation',
    'automation-row',
    'automation-deployed-version',
    'automation-deployed',
    'editor-canvas',
    'editor-properties',
    'editor-note',
    'editor-save',
    'editor-deploy',
    'editor-status',
    'editor-problems',
    'editor-problem',
    'editor-problem-select',
    'editor-import',
    'editor-import-error',
    'editor-export',
    'editor-run',
    'run-variables',
    'run-start',
    'run-id',
    'version-row',
    'version-status',
    'version-view',
    'version-load',
    'version-deploy',
    'version-viewer',
  ]) {
    assert.ok(['"', "'", '`'].some((quote) => all.includes(quote + id + quote)), `no data-testid ${id}`);
  }
});

test('only the diagram canvas module imports the modeler, and every page loads that module lazily', () => {
  for (const [path, source] of appSources()) {
    if (path === 'features/automations/DiagramCanvas.tsx') continue;
    assert.doesNotMatch(source, /from '(camunda-bpmn-js|bpmn-js|diagram-js)[/']/, `${path} imports the modeler`);
    assert.doesNotMatch(source, /^import (?!type )[^;]*from '\.\/DiagramCanvas'/m, `${path} imports DiagramCanvas eagerly`);
  }
  for (const name of ['AutomationEditorPage.tsx', 'VersionHistory.tsx']) {
    assert.match(sources[name], /const DiagramCanvas = lazy\(\(\) => import\('\.\/DiagramCanvas'\)\);/, name);
  }
});

test('the canvas uses the Camunda 8 modeler of camunda-bpmn-js 5.30.2 with its stylesheet', () => {
  const canvas = sources['DiagramCanvas.tsx'];
  assert.match(canvas, /^import Modeler from 'camunda-bpmn-js\/lib\/camunda-cloud\/Modeler';$/m);
  assert.match(canvas, /^import 'camunda-bpmn-js\/dist\/assets\/camunda-cloud-modeler\.css';$/m);
  assert.match(canvas, /propertiesPanel: \{ parent:/);
  assert.match(canvas, /elementTemplates:/);
  const manifest = JSON.parse(read('../package.json'));
  assert.equal(manifest.dependencies['camunda-bpmn-js'], '5.30.2');
});

test('the modeler stylesheet brings diagram-js, bpmn-js and the bpmn font (the palette icons)', () => {
  const assets = new URL('../node_modules/camunda-bpmn-js/dist/assets/', import.meta.url);
  const imports = (name) =>
    [...readFileSync(new URL(name, assets), 'utf8').matchAll(/@import '\.\/([^']+)';/g)].map((match) => match[1]);
  const reached = new Set();
  const visit = (name) => {
    if (reached.has(name)) return;
    reached.add(name);
    imports(name).forEach(visit);
  };
  visit('camunda-cloud-modeler.css');
  for (const sheet of ['diagram-js.css', 'bpmn-js.css', 'bpmn-font/css/bpmn-embedded.css', 'properties-panel.css']) {
    assert.ok(reached.has(sheet), `camunda-cloud-modeler.css does not import ${sheet}`);
  }
});

const built = new URL('../target/classes/static/', import.meta.url).pathname;

test('the build keeps the modeler out of the entry chunk and ships its styles with the canvas chunk', () => {
  const indexHtml = join(built, 'index.html');
  assert.ok(existsSync(indexHtml), `missing ${indexHtml}: run npm run build first`);
  const html = readFileSync(indexHtml, 'utf8');
  assert.doesNotMatch(html, /DiagramCanvas/, 'index.html preloads the modeler');
  const entries = [...html.matchAll(/src="\/assets\/([^"]+\.js)"/g)].map((match) => match[1]);
  assert.ok(entries.length > 0, 'index.html loads no script');
  const files = readdirSync(join(built, 'assets'));
  for (const entry of entries) {
    const code = readFileSync(join(built, 'assets', entry), 'utf8');
    assert.doesNotMatch(code, /djs-container|bpmn-io/, `${entry} holds modeler code`);
  }
  const canvasChunks = files.filter((name) => /^DiagramCanvas-.*\.js$/.test(name));
  assert.equal(canvasChunks.length, 1, `expected one DiagramCanvas chunk, found ${canvasChunks}`);
  assert.match(readFileSync(join(built, 'assets', canvasChunks[0]), 'utf8'), /djs-container/);
  const styles = files.filter((name) => /^DiagramCanvas-.*\.css$/.test(name));
  assert.equal(styles.length, 1, 'the canvas chunk has no stylesheet');
  const css = readFileSync(join(built, 'assets', styles[0]), 'utf8');
  for (const rule of ['.djs-palette', '.bjs-container', 'font-family:bpmn', '.bio-properties-panel']) {
    assert.ok(css.replace(/\s|"/g, '').includes(rule.replace(/\s|"/g, '')), `the editor stylesheet lacks ${rule}`);
  }
});
