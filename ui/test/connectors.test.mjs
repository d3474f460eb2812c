// Checks the connection form against the connector catalog: every kind of field has a control, and
// the test ids the browser tests use are in place.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

const read = (path) => readFileSync(new URL(path, import.meta.url), 'utf8');
const config = read('../src/features/connectors/connectionConfig.ts');
const form = read('../src/features/connectors/ConnectionForm.tsx');

/** CONTROL_OF_KIND of connectionConfig.ts, as kind → control. */
function controlOfKind() {
  const start = config.indexOf('CONTROL_OF_KIND = {');
  assert.ok(start >= 0, 'connectionConfig.ts declares no CONTROL_OF_KIND');
  const body = config.slice(start, config.indexOf('} as const', start));
  return Object.fromEntries([...body.matchAll(/^\s*([A-Z_]+): '([a-z]+)',/gm)].map((match) => [match[1], match[2]]));
}

test('every kind of connection field the catalog declares maps to a control', () => {
  const java = read('../../engine-workers/src/main/java/io/brain/workers/catalog/ConnectionField.java');
  const declared = java.match(/enum Kind \{([^}]*)\}/)?.[1];
  assert.ok(declared, 'ConnectionField.java declares no enum Kind');
  const kinds = declared.split(',').map((kind) => kind.trim()).filter(Boolean);
  assert.deepEqual(Object.keys(controlOfKind()).sort(), [...kinds].sort());
});

test('each kind gets a control the form renders, a secret a password input', () => {
  const controls = controlOfKind();
  for (const [kind, control] of Object.entries(controls)) {
    assert.ok(['text', 'password', 'url', 'number', 'select', 'checkbox'].includes(control), `${kind}: ${control}`);
  }
  assert.equal(controls.SECRET, 'password');
});

test('the connector pages carry the test ids the browser tests use', () => {
  const sources = [
    form,
    read('../src/features/connectors/ConnectorsPage.tsx'),
    read('../src/features/connectors/ConnectionDetailsPage.tsx'),
    read('../src/features/connectors/SyncedData.tsx'),
  ].join('\n');
  for (const id of [
    'connection-row',
    'field-${field.name}',
    'add-connection-${type.type}',
    'connection-name',
    'save-connection',
    'connection-status',
    'connection-status-message',
    'test-connection',
    'delete-connection',
    'confirm-delete-connection',
    'sync-${resource}',
    'sync-result-${resource}',
    'sync-error-${resource}',
    'record-search',
    'record-row',
    'records-tab',
  ]) {
    assert.ok(['"', "'", '`'].some((quote) => sources.includes(quote + id + quote)), `no data-testid ${id}`);
  }
});
