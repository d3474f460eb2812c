// Checks the app's permission wiring against docs/permissions.md: the pages hide exactly what the api refuses.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

const read = (path) => readFileSync(new URL(path, import.meta.url), 'utf8');

test('the app knows exactly the documented permissions', () => {
  const source = read('../src/features/auth/permissions.ts');
  const list = source.slice(source.indexOf('PERMISSIONS = ['), source.indexOf('] as const'));
  const known = [...list.matchAll(/'([a-z]+:[a-z]+)'/g)].map((match) => match[1]);
  const documented = [...read('../../docs/permissions.md').matchAll(/^\| `([a-z]+:[a-z]+)` \|/gm)].map((match) => match[1]);
  assert.ok(documented.length > 0, 'docs/permissions.md lists no permissions');
  assert.deepEqual([...known].sort(), [...documented].sort());
});

test('every page needs the permission the api checks for it', () => {
  const pages = new Map(
    [...read('../src/app/pages.ts').matchAll(/\{ path: '([^']+)', title: '[^']+',(?: permission: '([^']+)',)? Page:/g)].map(
      (match) => [match[1], match[2]],
    ),
  );
  assert.deepEqual(Object.fromEntries(pages), {
    '/': undefined,
    '/connectors': 'connectors:read',
    '/connectors/:id': 'connectors:read',
    '/agents': 'agents:read',
    '/agents/:id': 'agents:read',
    '/integrations/webhooks': 'webhooks:manage',
    '/integrations/webhooks/:id': 'webhooks:manage',
    '/integrations/api-keys': 'apikeys:manage',
    '/integrations/automation': 'automations:read',
    '/integrations/automation/:key': 'automations:read',
    '/portal/cms': 'portal:read',
    '/portal/crm': 'portal:read',
    '/portal/ecommerce': 'portal:read',
    '/runs': 'runs:read',
    '/runs/:id': 'runs:read',
    '/audit': 'audit:read',
    '/health': 'system:read',
    '/admin/users': 'users:manage',
    '/admin/tenants': 'tenants:manage',
  });
});
