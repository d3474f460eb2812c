import { useCallback, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { Schemas } from '../../api/client';
import { call, useResource } from '../../api/result';
import { useAutoRefresh } from '../../api/useAutoRefresh';
import { useRowAction } from '../../api/useRowAction';
import { useSubmit } from '../../api/useSubmit';
import { useApi } from '../auth/session';
import { ConfirmAction } from '../shell/ConfirmAction';
import { ErrorBox } from '../shell/ErrorBox';
import { OneTimeSecret } from '../shell/OneTimeSecret';
import { Page } from '../shell/Page';
import { Pager } from '../shell/Pager';
import { ResourceTable } from '../shell/ResourceTable';
import { Timestamp } from '../shell/Timestamp';
import { deliveryOutcome, deliveryStatusLabel, listenerAction, listenerTarget } from './webhookModes';
import { providerLabel } from './webhookProviders';

const PAGE_SIZE = 25;

/** The tone of each delivery status. */
const TONES: Record<Schemas['Delivery']['status'], string> = {
  RECEIVED: 'neutral',
  IGNORED: 'neutral',
  DISPATCHED: 'ok',
  FAILED: 'bad',
};

/**
 * One webhook listener: its address, what it does with each event, whether it is live, a new
 * secret, and its delivery log with each delivery's status, masked payload and the run it started
 * or the message it published, and a replay button.
 */
export default function WebhookDetailsPage({ title }: { title: string }) {
  const api = useApi();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const [page, setPage] = useState(0);
  const listener = useResource(
    useCallback(
      (signal: AbortSignal) =>
        call('Loading the webhook', api.GET('/api/webhooks/{id}', { params: { path: { id } }, signal })),
      [api, id],
    ),
  );
  const deliveries = useResource(
    useCallback(
      (signal: AbortSignal) =>
        call(
          'Loading the deliveries',
          api.GET('/api/webhooks/{id}/deliveries', {
            params: { path: { id }, query: { page, size: PAGE_SIZE } },
            signal,
          }),
        ),
      [api, id, page],
    ),
  );
  // Deliveries waiting for the dispatcher (a replay, an outage) change within seconds.
  useAutoRefresh(deliveries.data?.items.some((delivery) => delivery.status === 'RECEIVED') ?? false, deliveries.reload);
  const replay = useRowAction(deliveries.reload);
  const [secret, setSecret] = useState<string>();
  const rotate = useSubmit<Schemas['WebhookSecret']>((answer) => setSecret(answer.secret ?? undefined));
  const remove = useSubmit<unknown>(() => navigate('/integrations/webhooks'));

  if (!listener.data) {
    return (
      <Page title={title}>
        {listener.failure ? (
          <ErrorBox title="The webhook could not be loaded" message={listener.failure} onRetry={listener.reload} />
        ) : (
          <p className="muted">Loading the webhook…</p>
        )}
      </Page>
    );
  }
  const shown = listener.data;

  return (
    <Page title={shown.name}>
      <p>
        <Link to="/integrations/webhooks">← Webhooks</Link>
      </p>
      <dl className="details" data-testid="webhook-details">
        <dt>Sender</dt>
        <dd>{providerLabel(shown.provider)}</dd>
        <dt>Address</dt>
        <dd>
          <code className="mono" data-testid="webhook-url">
            {shown.url}
          </code>
        </dd>
        <dt>Starts</dt>
        <dd className="mono" data-testid="webhook-target">
          {listenerTarget(shown)}
        </dd>
        <dt>Each event</dt>
        <dd data-testid="webhook-action">{listenerAction(shown)}</dd>
        <dt>Live</dt>
        <dd>
          {shown.live
            ? shown.mode === 'CORRELATE'
              ? 'Yes: each verified event resumes the run waiting for its message'
              : 'Yes: each verified event starts a run'
            : `No — ${shown.problem ?? 'not deployed'}`}
        </dd>
      </dl>
      {secret && (
        <OneTimeSecret
          title="New secret"
          value={secret}
          note="Give it to the sender now: it will not be shown again. The old one no longer works."
          testId="rotated-webhook-secret"
          onClose={() => setSecret(undefined)}
        />
      )}
      {rotate.problem && <ErrorBox title="The secret was not changed" message={rotate.problem.detail} />}
      {remove.problem && <ErrorBox title="The webhook was not deleted" message={remove.problem.detail} />}
      <div className="button-row">
        <ConfirmAction
          label="New secret"
          question="Make a new secret? The sender must get it before its next event."
          testId="rotate-webhook-secret"
          confirmTestId="confirm-rotate"
          onConfirm={() =>
            rotate.submit('Making a new secret', () =>
              api.POST('/api/webhooks/{id}/secret', { params: { path: { id } }, body: {} }),
            )
          }
        />
        <ConfirmAction
          label="Delete"
          question="Delete this webhook? Its address stops working."
          testId="delete-webhook"
          confirmTestId="confirm-delete"
          onConfirm={() =>
            remove.submit('Deleting the webhook', () =>
              api.DELETE('/api/webhooks/{id}', { params: { path: { id } } }),
            )
          }
        />
      </div>
      <h2>Deliveries</h2>
      {replay.failure && <ErrorBox title="The delivery was not replayed" message={replay.failure} />}
      <ResourceTable
        resource={deliveries}
        failureTitle="The deliveries could not be loaded"
        loadingText="Loading deliveries…"
        columns={['Received', 'Event', 'Status', 'Run or message', 'Payload', { hidden: 'Actions' }]}
        emptyText="No deliveries yet."
        rows={(data) =>
          data.items.map((delivery) => {
            const outcome = deliveryOutcome(delivery);
            return (
              <tr key={delivery.id} data-testid="delivery-row" data-status={delivery.status}>
                <td>
                  <Timestamp value={delivery.receivedAt} />
                </td>
                <td className="mono">{delivery.eventType ?? '—'}</td>
                <td>
                  <span className={`status status-${TONES[delivery.status]}`}>
                    {deliveryStatusLabel(delivery, shown.mode)}
                  </span>
                  {delivery.error && <div className="muted small">{delivery.error}</div>}
                </td>
                <td data-testid="delivery-outcome">
                  {delivery.runId ? (
                    <Link to={`/runs/${delivery.runId}`} className="mono">
                      {delivery.runId}
                    </Link>
                  ) : (
                    outcome ?? '—'
                  )}
                </td>
                <td>
                  <details>
                    <summary>Show</summary>
                    <pre className="payload" data-testid="delivery-payload">
                      {delivery.payload}
                    </pre>
                  </details>
                </td>
                <td className="actions-cell">
                  <button
                    type="button"
                    className="button button-secondary"
                    data-testid="replay-delivery"
                    disabled={replay.pending === delivery.id}
                    onClick={() =>
                      replay.run(
                        delivery.id,
                        'Replaying the delivery',
                        api.POST('/api/webhooks/{id}/deliveries/{deliveryId}/replay', {
                          params: { path: { id, deliveryId: delivery.id } },
                        }),
                      )
                    }
                  >
                    Replay
                  </button>
                </td>
              </tr>
            );
          })
        }
        footer={(data) => (
          <Pager data={data} page={page} busy={deliveries.loading} onPage={setPage} testId="deliveries" />
        )}
      />
    </Page>
  );
}
