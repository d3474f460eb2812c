import { controlProps, Field } from '../shell/Field';
import { connectionsOf, type AgentCatalog } from './agentCatalog';
import { ConnectionSelect, TextField, type SectionProps } from './AgentControls';
import { DELIVERY_CONNECTOR, MODEL_CONNECTOR, type DeliveryKind } from './agentForm';

/** The agent's name, its role (the system message) and its task. */
export function BasicsSection({ id, form, change, errors }: SectionProps) {
  return (
    <fieldset className="agent-section">
      <legend className="section-title">Agent</legend>
      <TextField
        id={`${id}-name`}
        label="Name"
        error={errors.name}
        value={form.name}
        maxLength={200}
        required
        testId="agent-name"
        onChange={(name) => change({ name })}
      />
      <TextField
        id={`${id}-role`}
        label="Role"
        hint="Who the agent is and how it works, e.g. “You are a witty marketing expert…” (its system message)."
        error={errors.role}
        value={form.role}
        rows={5}
        maxLength={8000}
        required
        testId="agent-role"
        onChange={(role) => change({ role })}
      />
      <TextField
        id={`${id}-task`}
        label="Task prompt"
        hint="What a scheduled run, or a run without a prompt, asks the agent to do."
        error={errors.taskPrompt}
        value={form.taskPrompt}
        rows={3}
        maxLength={8000}
        testId="agent-task"
        onChange={(taskPrompt) => change({ taskPrompt })}
      />
    </fieldset>
  );
}

/** The language model: which OpenAI-compatible connection, which model, and how it answers. */
export function ModelSection({ id, form, change, errors, catalog }: SectionProps & { catalog: AgentCatalog }) {
  return (
    <fieldset className="agent-section">
      <legend className="section-title">Model</legend>
      <ConnectionSelect
        id={`${id}-model-connection`}
        label="Model connection"
        hint="An OpenAI-compatible connection: OpenAI, Azure OpenAI, Ollama, vLLM…"
        error={errors['model.connectionId'] ?? errors.model}
        connections={connectionsOf(catalog, MODEL_CONNECTOR)}
        value={form.modelConnectionId}
        required
        testId="agent-model-connection"
        onChange={(modelConnectionId) => change({ modelConnectionId })}
      />
      <TextField
        id={`${id}-model`}
        label="Model"
        hint="Empty for the connection's default model, e.g. gpt-4o-mini."
        error={errors['model.model']}
        value={form.model}
        maxLength={200}
        testId="agent-model"
        onChange={(model) => change({ model })}
      />
      <TextField
        id={`${id}-temperature`}
        label="Temperature"
        hint="0 to 2; empty for 1. Lower is more predictable."
        error={errors['model.temperature']}
        value={form.temperature}
        type="number"
        step="0.1"
        testId="agent-temperature"
        onChange={(temperature) => change({ temperature })}
      />
      <TextField
        id={`${id}-max-output`}
        label="Max output tokens"
        hint="1 to 32768; empty for 2048."
        error={errors['model.maxOutputTokens']}
        value={form.maxOutputTokens}
        type="number"
        testId="agent-max-output-tokens"
        onChange={(maxOutputTokens) => change({ maxOutputTokens })}
      />
    </fieldset>
  );
}

/** When the agent runs by itself: a cron expression in a time zone, and the api's words for it. */
export function ScheduleSection({ id, form, change, errors, description }: SectionProps & { description?: string }) {
  return (
    <fieldset className="agent-section">
      <legend className="section-title">Schedule</legend>
      <TextField
        id={`${id}-cron`}
        label="Cron expression"
        hint="Empty: runs only when started. 5 fields (minute hour day month weekday), e.g. 0 9 * * MON."
        error={errors['schedule.cron'] ?? errors.schedule}
        value={form.cron}
        maxLength={200}
        testId="agent-cron"
        onChange={(cron) => change({ cron })}
      />
      <TextField
        id={`${id}-zone`}
        label="Time zone"
        hint="An IANA zone such as Europe/Berlin."
        error={errors['schedule.timeZone']}
        value={form.timeZone}
        maxLength={64}
        testId="agent-time-zone"
        onChange={(timeZone) => change({ timeZone })}
      />
      <p className="muted" data-testid="agent-schedule-description">
        {description ? `Saved schedule: ${description}` : 'No schedule saved: the agent runs when started.'}
      </p>
    </fieldset>
  );
}

const DELIVERIES: { value: DeliveryKind; label: string }[] = [
  { value: 'RUN', label: 'Keep it in the run only' },
  { value: 'EMAIL', label: 'E-mail it' },
  { value: 'SLACK', label: 'Post it to a Slack channel' },
];

/** Where the agent's answer goes besides the run: nowhere, an e-mail, or a Slack channel. */
export function DeliverySection({ id, form, change, errors, catalog }: SectionProps & { catalog: AgentCatalog }) {
  const connector = DELIVERY_CONNECTOR[form.deliveryKind];
  return (
    <fieldset className="agent-section">
      <legend className="section-title">Delivery</legend>
      <Field id={`${id}-delivery`} label="The answer" error={errors['delivery.kind'] ?? errors.delivery}>
        <select
          {...controlProps(`${id}-delivery`, errors['delivery.kind'] ?? errors.delivery)}
          className="input"
          data-testid="agent-delivery"
          value={form.deliveryKind}
          onChange={(event) => change({ deliveryKind: event.target.value as DeliveryKind, deliveryConnectionId: '' })}
        >
          {DELIVERIES.map((kind) => (
            <option key={kind.value} value={kind.value}>
              {kind.label}
            </option>
          ))}
        </select>
      </Field>
      {connector && (
        <ConnectionSelect
          id={`${id}-delivery-connection`}
          label={form.deliveryKind === 'EMAIL' ? 'E-mail connection' : 'Slack connection'}
          error={errors['delivery.connectionId']}
          connections={connectionsOf(catalog, connector)}
          value={form.deliveryConnectionId}
          required
          testId="agent-delivery-connection"
          onChange={(deliveryConnectionId) => change({ deliveryConnectionId })}
        />
      )}
      {form.deliveryKind === 'EMAIL' && (
        <TextField
          id={`${id}-delivery-to`}
          label="To"
          hint="Addresses separated by commas."
          error={errors['delivery.to']}
          value={form.deliveryTo}
          maxLength={1000}
          required
          testId="agent-delivery-to"
          onChange={(deliveryTo) => change({ deliveryTo })}
        />
      )}
      {form.deliveryKind === 'SLACK' && (
        <TextField
          id={`${id}-delivery-channel`}
          label="Channel"
          hint="e.g. #marketing"
          error={errors['delivery.channel']}
          value={form.deliveryChannel}
          maxLength={80}
          required
          testId="agent-delivery-channel"
          onChange={(deliveryChannel) => change({ deliveryChannel })}
        />
      )}
    </fieldset>
  );
}

/** The most one run may do before it stops with an incident. */
export function LimitsSection({ id, form, change, errors }: SectionProps) {
  return (
    <fieldset className="agent-section">
      <legend className="section-title">Limits of one run</legend>
      <TextField
        id={`${id}-max-model-calls`}
        label="Most model calls"
        hint="1 to 100; empty for 10."
        error={errors['limits.maxModelCalls']}
        value={form.maxModelCalls}
        type="number"
        testId="agent-max-model-calls"
        onChange={(maxModelCalls) => change({ maxModelCalls })}
      />
      <TextField
        id={`${id}-max-tool-calls`}
        label="Most tool calls"
        hint="0 to 200; empty for 20."
        error={errors['limits.maxToolCalls']}
        value={form.maxToolCalls}
        type="number"
        testId="agent-max-tool-calls"
        onChange={(maxToolCalls) => change({ maxToolCalls })}
      />
      <TextField
        id={`${id}-max-tokens`}
        label="Most tokens"
        hint="1,000 to 1,000,000, in and out; empty for 50,000."
        error={errors['limits.maxTokens']}
        value={form.maxTokens}
        type="number"
        testId="agent-max-tokens"
        onChange={(maxTokens) => change({ maxTokens })}
      />
    </fieldset>
  );
}
