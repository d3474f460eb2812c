import { useCallback } from 'react';
import { Link } from 'react-router-dom';
import type { Schemas } from '../../api/client';
import { call, useResource } from '../../api/result';
import { useApi } from '../auth/session';
import { ChipList } from '../shell/ChipList';
import { CreateButton, useCreateFlow } from '../shell/CreateFlow';
import { OneTimeSecret } from '../shell/OneTimeSecret';
import { Page } from '../shell/Page';
import { ResourceTable } from '../shell/ResourceTable';
import { Timestamp } from '../shell/Timestamp';
import { CreateWebhookForm } from './CreateWebhookForm';
import { listenerAction, listenerTarget } from './webhookModes';
import { providerLabel } from './webhookProviders';

/**
 * The tenant's webhook listeners: what sends to each, the events it takes, the automation it
 * starts (or whose waiting runs it resumes with a message) and whether that automation is
 * deployed, and its deliveries. Creating one shows its URL and secret once.
 */
export default function WebhooksPage({ title }: { title: string }) {
  const api = useApi();
  const listeners = useResource(
    useCallback((signal: AbortSignal) => call('Loading the webhooks', api.GET('/api/webhooks', { signal })), [api]),
  );
  const create = useCreateFlow<Schemas['WebhookListenerCreated']>(listeners.reload);
  const { created } = create;

  return (
    <Page
      title={title}
      actions={!create.open && <CreateButton label="Create webhook" testId="create-webhook" onClick={create.start} />}
    >
      <p className="page-intro">
        A webhook listener is an address a service such as Stripe or Shopify posts events to. Brain checks each
        event's signature, keeps it, and starts the listener's automation with it — or publishes a message that
        resumes the run waiting for that event, such as a payment for an order.
      </p>
      {created && (
        <OneTimeSecret
          title={`Webhook “${created.listener.name}” created: give the sender this address and secret`}
          value={created.secret}
          note={`Address: ${created.listener.url} — copy the secret now: it will not be shown again.`}
          testId="new-webhook-secret"
          onClose={create.dismiss}
        />
      )}
      {create.open && <CreateWebhookForm onCancel={create.cancel} onCreated={create.done} />}
      <ResourceTable
        resource={listeners}
        failureTitle="The webhooks could not be loaded"
        loadingText="Loading webhooks…"
        columns={['Name', 'Sender', 'Events', 'Starts', 'Action', 'Live', 'Last delivery', 'Deliveries']}
        emptyText="No webhooks yet."
        rows={(data) =>
          data.map((listener) => (
            <tr key={listener.id} data-testid="webhook-row" data-name={listener.name}>
              <td className="strong">
                <Link to={`/integrations/webhooks/${listener.id}`}>{listener.name}</Link>
              </td>
              <td>{providerLabel(listener.provider)}</td>
              <td>
                {listener.eventTypes.length > 0 ? (
                  <ChipList label="Event types" items={listener.eventTypes} kind="chip" />
                ) : (
                  <span className="muted">Every event</span>
                )}
              </td>
              <td className="mono">{listenerTarget(listener)}</td>
              <td data-testid="webhook-action" data-mode={listener.mode}>
                {listenerAction(listener)}
              </td>
              <td data-testid="webhook-live">
                {listener.live ? (
                  <span className="status status-ok">Live</span>
                ) : (
                  <span className="status status-bad" title={listener.problem ?? undefined}>
                    Not live
                  </span>
                )}
                {!listener.live && listener.problem && <div className="muted small">{listener.problem}</div>}
              </td>
              <td>
                <Timestamp value={listener.lastDeliveryAt} empty="Never" />
              </td>
              <td>{listener.deliveries}</td>
            </tr>
          ))
        }
      />
    </Page>
  );
}
