import { useCallback, useId, useState } from 'react';
import type { Schemas } from '../../api/client';
import { call, useResource } from '../../api/result';
import { useSubmit } from '../../api/useSubmit';
import { usePermissions } from '../auth/permissions';
import { useApi } from '../auth/session';
import { controlProps, Field } from '../shell/Field';
import { FormCard } from '../shell/FormCard';
import { correlationFields, MODES, type KeySource, type ListenerMode } from './webhookModes';
import { parseEventTypes, PROVIDERS, type WebhookProvider } from './webhookProviders';

/** What a listener's events start. */
type Target = 'AUTOMATION' | 'AGENT';

/** The tenant's agents by name, for a listener that starts one; none for a user who cannot read them. */
function useAgentChoices(canRead: boolean) {
  const api = useApi();
  return useResource(
    useCallback(
      async (signal: AbortSignal) => {
        if (!canRead) return { ok: true as const, data: [] as Schemas['Agent'][] };
        const page = await call('Loading the agents', api.GET('/api/agents', { params: { query: { size: 200 } }, signal }));
        return page.ok ? { ok: true as const, data: page.data.items } : page;
      },
      [api, canRead],
    ),
  );
}

/**
 * Creates a webhook listener for an automation — one that starts a run per event, or one that
 * publishes a message resuming the run waiting for it — or for an agent, whose run per event is
 * asked its task with the event; and hands the created listener, with its URL and its secret
 * shown once, to `onCreated`.
 */
export function CreateWebhookForm({
  onCreated,
  onCancel,
}: {
  onCreated: (created: Schemas['WebhookListenerCreated']) => void;
  onCancel: () => void;
}) {
  const api = useApi();
  const id = useId();
  const [name, setName] = useState('');
  const [provider, setProvider] = useState<WebhookProvider>('STRIPE');
  const [target, setTarget] = useState<Target>('AUTOMATION');
  const [automationKey, setAutomationKey] = useState('');
  const [agentId, setAgentId] = useState('');
  const agents = useAgentChoices(usePermissions().can('agents:read'));
  const offersAgents = (agents.data?.length ?? 0) > 0;
  const [events, setEvents] = useState('');
  const [secret, setSecret] = useState('');
  const [mode, setMode] = useState<ListenerMode>('START');
  const [messageName, setMessageName] = useState('');
  const [keySource, setKeySource] = useState<KeySource>('pointer');
  const [keyWhere, setKeyWhere] = useState('');
  const submission = useSubmit(onCreated);
  const { errors, submit, reject } = submission;
  const hint = PROVIDERS.find((candidate) => candidate.value === provider)?.secretHint;

  const send = () => {
    const missing: Record<string, string> = {};
    if (!name.trim()) missing.name = 'Give the listener a name.';
    if (target === 'AGENT') {
      if (!agentId) missing.agentId = 'Choose the agent each webhook starts.';
    } else if (!automationKey.trim()) missing.automationKey = 'Name the automation each webhook starts or resumes.';
    if (target === 'AUTOMATION' && mode === 'CORRELATE') {
      if (!messageName.trim()) missing.messageName = 'Name the message as the diagram does, e.g. order-paid.';
      if (!keyWhere.trim()) {
        missing[keySource === 'pointer' ? 'correlationKeyPointer' : 'correlationKeyHeader'] =
          keySource === 'pointer'
            ? 'Say where the key is, e.g. /data/object/metadata/orderId.'
            : 'Name the header, e.g. X-Order-Id.';
      }
    }
    if (Object.keys(missing).length > 0) return reject(missing);
    return submit('Creating the webhook listener', () =>
      api.POST('/api/webhooks', {
        body: {
          name: name.trim(),
          provider,
          ...(target === 'AGENT' ? { agentId, mode: 'START' as const } : { automationKey: automationKey.trim() }),
          eventTypes: parseEventTypes(events),
          secret: secret.trim() || undefined,
          ...(target === 'AGENT' ? {} : correlationFields(mode, messageName, keySource, keyWhere)),
        },
      }),
    );
  };

  return (
    <FormCard
      title="New webhook listener"
      failureTitle="The webhook listener was not created"
      submission={submission}
      button={{ label: 'Create', busyLabel: 'Creating…', testId: 'submit-webhook' }}
      onCancel={onCancel}
      onSubmit={send}
    >
      <Field id={`${id}-name`} label="Name" hint="What sends it, e.g. “Stripe payments”." error={errors.name}>
        <input
          {...controlProps(`${id}-name`, errors.name)}
          className="input"
          data-testid="webhook-name"
          value={name}
          maxLength={100}
          autoFocus
          onChange={(event) => setName(event.target.value)}
        />
      </Field>
      <Field id={`${id}-provider`} label="Sender" error={errors.provider}>
        <select
          {...controlProps(`${id}-provider`, errors.provider)}
          className="input"
          data-testid="webhook-provider"
          value={provider}
          onChange={(event) => setProvider(event.target.value as WebhookProvider)}
        >
          {PROVIDERS.map((candidate) => (
            <option key={candidate.value} value={candidate.value}>
              {candidate.label}
            </option>
          ))}
        </select>
      </Field>
      {offersAgents && (
        <Field id={`${id}-target`} label="Each event starts" error={undefined}>
          <select
            {...controlProps(`${id}-target`, undefined)}
            className="input"
            data-testid="webhook-target-kind"
            value={target}
            onChange={(event) => setTarget(event.target.value as Target)}
          >
            <option value="AUTOMATION">An automation</option>
            <option value="AGENT">An AI agent, asked its task with the event</option>
          </select>
        </Field>
      )}
      {target === 'AGENT' ? (
        <Field id={`${id}-agent`} label="Agent" hint="Each event starts a run of its current settings." error={errors.agentId}>
          <select
            {...controlProps(`${id}-agent`, errors.agentId)}
            className="input"
            data-testid="webhook-agent"
            value={agentId}
            onChange={(event) => setAgentId(event.target.value)}
          >
            <option value="">Choose an agent</option>
            {(agents.data ?? []).map((agent) => (
              <option key={agent.id} value={agent.id}>
                {agent.name}
              </option>
            ))}
          </select>
        </Field>
      ) : (
        <>
        <Field
          id={`${id}-automation`}
          label="Automation"
          hint={
            mode === 'CORRELATE'
              ? 'The key of the automation whose runs wait for the message; it must be deployed.'
              : 'The key of the automation each webhook starts; it must be deployed to run.'
          }
          error={errors.automationKey}
        >
          <input
            {...controlProps(`${id}-automation`, errors.automationKey)}
            className="input"
            data-testid="webhook-automation"
            value={automationKey}
            maxLength={100}
            onChange={(event) => setAutomationKey(event.target.value)}
          />
        </Field>
        <Field id={`${id}-mode`} label="Each event" error={errors.mode}>
          <select
            {...controlProps(`${id}-mode`, errors.mode)}
            className="input"
            data-testid="webhook-mode"
            value={mode}
            onChange={(event) => setMode(event.target.value as ListenerMode)}
          >
            {MODES.map((candidate) => (
              <option key={candidate.value} value={candidate.value}>
                {candidate.label}
              </option>
            ))}
          </select>
        </Field>
        </>
      )}
      {target === 'AUTOMATION' && mode === 'CORRELATE' && (
        <>
          <Field
            id={`${id}-message`}
            label="Message name"
            hint="As the automation's message catch, receive or boundary event names it, e.g. order-paid."
            error={errors.messageName}
            required
          >
            <input
              {...controlProps(`${id}-message`, errors.messageName)}
              className="input mono"
              data-testid="webhook-message-name"
              value={messageName}
              maxLength={100}
              onChange={(event) => setMessageName(event.target.value)}
            />
          </Field>
          <Field id={`${id}-key-source`} label="Correlation key from">
            <select
              {...controlProps(`${id}-key-source`, undefined)}
              className="input"
              data-testid="webhook-key-source"
              value={keySource}
              onChange={(event) => setKeySource(event.target.value as KeySource)}
            >
              <option value="pointer">A field of the payload (JSON pointer)</option>
              <option value="header">A header</option>
            </select>
          </Field>
          <Field
            id={`${id}-key`}
            label={keySource === 'pointer' ? 'JSON pointer to the key' : 'Header with the key'}
            hint={
              keySource === 'pointer'
                ? 'e.g. /data/object/metadata/orderId; the waiting run’s correlation key must equal its value.'
                : 'e.g. X-Order-Id; the waiting run’s correlation key must equal its value.'
            }
            error={keySource === 'pointer' ? errors.correlationKeyPointer : errors.correlationKeyHeader}
            required
          >
            <input
              {...controlProps(
                `${id}-key`,
                keySource === 'pointer' ? errors.correlationKeyPointer : errors.correlationKeyHeader,
              )}
              className="input mono"
              data-testid="webhook-correlation-key"
              value={keyWhere}
              maxLength={keySource === 'pointer' ? 200 : 100}
              onChange={(event) => setKeyWhere(event.target.value)}
            />
          </Field>
        </>
      )}
      <Field
        id={`${id}-events`}
        label="Event types (optional)"
        hint="One per line, e.g. payment_intent.succeeded or orders/*; empty for every event."
        error={errors.eventTypes}
      >
        <textarea
          {...controlProps(`${id}-events`, errors.eventTypes)}
          className="input"
          data-testid="webhook-events"
          rows={3}
          value={events}
          onChange={(event) => setEvents(event.target.value)}
        />
      </Field>
      <Field
        id={`${id}-secret`}
        label="Signing secret (optional)"
        hint={`${hint} Leave empty and Brain makes one to give the sender.`}
        error={errors.secret}
      >
        <input
          {...controlProps(`${id}-secret`, errors.secret)}
          type="password"
          autoComplete="off"
          className="input"
          data-testid="webhook-secret"
          value={secret}
          onChange={(event) => setSecret(event.target.value)}
        />
      </Field>
    </FormCard>
  );
}
