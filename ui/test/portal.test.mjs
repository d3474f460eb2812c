// Checks the client portal's CMS page and the shared list of synced records it is built on: the
// route, the test ids the browser tests use, and links that open the provider's page safely.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

const read = (path) => readFileSync(new URL(path, import.meta.url), 'utf8');
const pages = read('../src/app/pages.ts');
const portal = read('../src/features/portal/PortalCmsPage.tsx');
const list = read('../src/features/records/RecordList.tsx');

const crm = read('../src/features/portal/PortalCrmPage.tsx');
const commerce = read('../src/features/portal/PortalCommercePage.tsx');

test('the CMS, CRM and E-commerce tabs each have their page, readable with portal:read', () => {
  assert.match(pages, /\{ path: '\/portal\/cms', title: 'CMS', permission: 'portal:read', Page: PortalCms \}/);
  assert.match(pages, /const PortalCms = lazy\(\(\) => import\('\.\.\/features\/portal\/PortalCmsPage'\)\);/);
  assert.match(pages, /\{ path: '\/portal\/crm', title: 'CRM', permission: 'portal:read', Page: PortalCrm \}/);
  assert.match(pages, /\{ path: '\/portal\/ecommerce', title: 'E-commerce', permission: 'portal:read', Page: PortalCommerce \}/);
});

test('the CRM tab lists contacts with their email and company; the E-commerce tab products and orders', () => {
  assert.ok(crm.includes("api.GET('/api/portal/crm'"), 'the CRM page does not call GET /api/portal/crm');
  assert.ok(crm.includes("dataText(record, 'email')"));
  assert.ok(commerce.includes("api.GET('/api/portal/commerce/{resource}'"));
  assert.ok(commerce.includes("{ value: 'products', label: 'Products' }"));
  assert.ok(commerce.includes("{ value: 'orders', label: 'Orders' }"));
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
