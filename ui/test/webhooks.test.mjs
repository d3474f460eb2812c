// Checks the Webhooks pages: their routes and permission, the calls they make, and the test ids
// the browser tests use.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

const read = (path) => readFileSync(new URL(path, import.meta.url), 'utf8');
const pages = read('../src/app/pages.ts');
const list = read('../src/features/webhooks/WebhooksPage.tsx');
const details = read('../src/features/webhooks/WebhookDetailsPage.tsx');
const form = read('../src/features/webhooks/CreateWebhookForm.tsx');

test('the Webhooks page and a listener page need webhooks:manage', () => {
  assert.match(pages, /\{ path: '\/integrations\/webhooks', title: 'Webhooks', permission: 'webhooks:manage', Page: Webhooks \}/);
  assert.match(pages, /\{ path: '\/integrations\/webhooks\/:id', title: 'Webhook', permission: 'webhooks:manage', Page: WebhookDetails \}/);
});

test('the list shows sender, events, automation, live, last delivery and deliveries', () => {
  assert.ok(list.includes("columns={['Name', 'Sender', 'Events', 'Automation', 'Live', 'Last delivery', 'Deliveries']}"));
  assert.ok(list.includes("api.GET('/api/webhooks'"));
  assert.ok(list.includes('listener.problem'), 'a listener that is not live does not say why');
  assert.ok(list.includes('testId="new-webhook-secret"'), 'the secret is not shown once after creating');
});

test('creating sends the provider, automation, event types and an optional secret', () => {
  assert.ok(form.includes("api.POST('/api/webhooks'"));
  for (const field of ['provider,', 'automationKey: automationKey.trim()', 'eventTypes: parseEventTypes(events)', 'secret: secret.trim() || undefined']) {
    assert.ok(form.includes(field), field);
  }
});

test('the delivery log pages, masks and replays', () => {
  assert.ok(details.includes("api.GET('/api/webhooks/{id}/deliveries'"));
  assert.ok(details.includes("api.POST('/api/webhooks/{id}/deliveries/{deliveryId}/replay'"));
  assert.ok(details.includes('data-testid="delivery-row"'));
  assert.ok(details.includes('data-testid="replay-delivery"'));
});
