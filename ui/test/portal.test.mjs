// Checks the client portal's CMS page and the shared list of synced records it is built on: the
// route, the test ids the browser tests use, and links that open the provider's page safely.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

const read = (path) => readFileSync(new URL(path, import.meta.url), 'utf8');
const pages = read('../src/app/pages.ts');
const portal = read('../src/features/portal/PortalCmsPage.tsx');
const list = read('../src/features/records/RecordList.tsx');

test('the CMS page replaces its placeholder; CRM and E-commerce keep theirs', () => {
  assert.match(pages, /\{ path: '\/portal\/cms', title: 'CMS', permission: 'portal:read', Page: PortalCms \}/);
  assert.match(pages, /const PortalCms = lazy\(\(\) => import\('\.\.\/features\/portal\/PortalCmsPage'\)\);/);
  assert.match(pages, /\{ path: '\/portal\/crm', [^}]*Page: ComingSoon \}/);
  assert.match(pages, /\{ path: '\/portal\/ecommerce', [^}]*Page: ComingSoon \}/);
});

test('the CMS page carries the test ids and the empty state the browser tests use', () => {
  assert.ok(portal.includes("search: 'portal-search'"), 'no portal-search');
  assert.ok(portal.includes("row: 'portal-row'"), 'no portal-row');
  assert.ok(portal.includes("Nothing synced yet: an editor syncs a WordPress connection's pages and posts."));
  assert.ok(portal.includes("api.GET('/api/portal/cms'"), 'the page does not call GET /api/portal/cms');
});

test('a record title opens its page in a new tab without handing it this window', () => {
  assert.ok(list.includes('target="_blank" rel="noopener noreferrer"'));
  assert.ok(list.includes('data-testid={testIds.row}'));
  assert.ok(list.includes('testId={testIds.search}'));
});
