import type { Schemas } from '../../api/client';

export type ListenerMode = Schemas['WebhookListener']['mode'];
export type Delivery = Schemas['Delivery'];

/** Where a CORRELATE listener finds the correlation key in each delivery. */
export type KeySource = 'pointer' | 'header';

/** What a listener does with each verified event, as the form offers it. */
export const MODES: { value: ListenerMode; label: string }[] = [
  { value: 'START', label: 'Start a run of the automation' },
  { value: 'CORRELATE', label: 'Resume a run waiting for a message' },
];

/** The correlation fields of a save request: a message name and exactly one key source, or none. */
export function correlationFields(
  mode: ListenerMode,
  messageName: string,
  source: KeySource,
  where: string,
): Pick<
  Schemas['SaveWebhookListenerRequest'],
  'mode' | 'messageName' | 'correlationKeyPointer' | 'correlationKeyHeader'
> {
  if (mode !== 'CORRELATE') return { mode };
  return {
    mode,
    messageName: messageName.trim(),
    correlationKeyPointer: source === 'pointer' ? where.trim() : undefined,
    correlationKeyHeader: source === 'header' ? where.trim() : undefined,
  };
}

/** What a listener's events start: an automation by its key, or an agent by its name. */
export function listenerTarget(listener: Schemas['WebhookListener']): string {
  return listener.agentId ? `Agent ${listener.agentName ?? listener.agentId}` : (listener.automationKey ?? '');
}

/** What a listener does with each event, in a sentence. */
export function listenerAction(listener: Schemas['WebhookListener']): string {
  if (listener.agentId) return 'Starts a run of the agent with the event';
  if (listener.mode !== 'CORRELATE') return 'Starts a run';
  const key = listener.correlationKeyHeader
    ? `the ${listener.correlationKeyHeader} header`
    : `${listener.correlationKeyPointer ?? '?'} in the payload`;
  return `Publishes “${listener.messageName ?? '?'}”, correlation key from ${key}`;
}

/** A delivery's status in words: what a listener of this mode does with it. */
export function deliveryStatusLabel(delivery: Delivery, mode: ListenerMode): string {
  switch (delivery.status) {
    case 'RECEIVED':
      return mode === 'CORRELATE' ? 'Waiting to publish' : 'Waiting to start';
    case 'IGNORED':
      return 'Ignored (event filtered out)';
    case 'DISPATCHED':
      return delivery.message ? 'Published a message' : 'Started a run';
    case 'FAILED':
      return 'Failed';
  }
}

/**
 * What a dispatched delivery led to: the run it started, or the message it published (with the
 * engine's key, where the engine names it). A message resumes whichever run waits for it, so no
 * run is named for it.
 */
export function deliveryOutcome(delivery: Delivery): string | undefined {
  const message = delivery.message;
  if (!message) return undefined;
  const published = message.alreadyPublished
    ? 'already published by an earlier try, not again'
    : message.messageKey
      ? `message key ${message.messageKey}`
      : 'published';
  return `“${message.name}”, correlation key ${message.correlationKey} (${published})`;
}
