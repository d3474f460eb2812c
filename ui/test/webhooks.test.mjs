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
const modes = read('../src/features/webhooks/webhookModes.ts');
const openapi = JSON.parse(read('../openapi.json'));

test('the Webhooks page and a listener page need webhooks:manage', () => {
  assert.match(pages, /\{ path: '\/integrations\/webhooks', title: 'Webhooks', permission: 'webhooks:manage', Page: Webhooks \}/);
  assert.match(pages, /\{ path: '\/integrations\/webhooks\/:id', title: 'Webhook', permission: 'webhooks:manage', Page: WebhookDetails \}/);
});

test('the list shows sender, events, what it starts, action, live, last delivery and deliveries', () => {
  assert.ok(
    list.includes("columns={['Name', 'Sender', 'Events', 'Starts', 'Action', 'Live', 'Last delivery', 'Deliveries']}"),
  );
  assert.ok(list.includes('{listenerTarget(listener)}'), 'a listener does not say which automation or agent it starts');
  assert.ok(list.includes('{listenerAction(listener)}'), 'a listener does not say whether it starts or resumes runs');
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

test('a listener starts runs or publishes a message with a correlation key from the payload or a header', () => {
  for (const testId of ['webhook-mode', 'webhook-message-name', 'webhook-key-source', 'webhook-correlation-key']) {
    assert.ok(form.includes(`data-testid="${testId}"`), testId);
  }
  assert.ok(form.includes('correlationFields(mode, messageName, keySource, keyWhere)'));
  assert.ok(modes.includes("if (mode !== 'CORRELATE') return { mode };"), 'a START listener sends correlation fields');
  assert.ok(modes.includes("correlationKeyPointer: source === 'pointer' ? where.trim() : undefined"));
  assert.ok(modes.includes("correlationKeyHeader: source === 'header' ? where.trim() : undefined"));
  const save = openapi.components.schemas.SaveWebhookListenerRequest.properties;
  assert.deepEqual(save.mode.enum, ['START', 'CORRELATE']);
  for (const field of ['messageName', 'correlationKeyPointer', 'correlationKeyHeader']) {
    assert.ok(save[field], `the api takes no ${field}`);
  }
  assert.ok(details.includes('{listenerAction(shown)}'), 'the listener page does not say what it does');
});

test('the delivery log shows a published message as a message, never as a run', () => {
  assert.ok(openapi.components.schemas.Delivery.properties.message, 'the api shows no published message');
  assert.ok(details.includes('deliveryOutcome(delivery)'));
  assert.ok(details.includes('deliveryStatusLabel(delivery, shown.mode)'));
  assert.ok(details.includes('data-testid="delivery-outcome"'));
  assert.ok(modes.includes("return delivery.message ? 'Published a message' : 'Started a run';"));
  assert.ok(modes.includes('message.messageKey'), 'the message key is not shown');
  assert.ok(modes.includes('message.alreadyPublished'), 'a message published by an earlier try is not told apart');
  const outcome = modes.slice(modes.indexOf('export function deliveryOutcome'));
  assert.ok(!outcome.includes('runId'), 'a published message is shown with a run id');
});

test('the delivery log loads itself again while deliveries wait for the dispatcher', () => {
  assert.ok(details.includes("import { useAutoRefresh } from '../../api/useAutoRefresh';"));
  assert.ok(details.includes("deliveries.data?.items.some((delivery) => delivery.status === 'RECEIVED')"));
});
