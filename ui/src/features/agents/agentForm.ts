import type { Schemas } from '../../api/client';

export type Agent = Schemas['Agent'];
export type AgentConfig = Schemas['AgentConfig'];
export type AgentTool = Schemas['AgentTool'];
export type Access = NonNullable<AgentTool['access']>;
export type DeliveryKind = Schemas['AgentDelivery']['kind'];

/** The connector whose connections reach a language model (OpenAI, Azure OpenAI, Ollama, vLLM…). */
export const MODEL_CONNECTOR = 'openai';

/** The connector each kind of delivery sends through. */
export const DELIVERY_CONNECTOR: Record<DeliveryKind, string | undefined> = {
  RUN: undefined,
  EMAIL: 'email',
  SLACK: 'slack',
};

/** One toggled tool as the form holds it; `access` is empty until the user says read or write. */
export interface ToolChoice {
  connector: string;
  action: string;
  connectionId: string;
  access: Access | '';
  /** Set when the user ticked or cleared "needs approval"; otherwise write tools need it. */
  requiresApproval?: boolean;
}

/** The agent's settings as the form's controls hold them: text as typed, numbers as typed. */
export interface AgentForm {
  name: string;
  role: string;
  taskPrompt: string;
  modelConnectionId: string;
  model: string;
  temperature: string;
  maxOutputTokens: string;
  /** The toggled tools by `toolKey`, in the order they were toggled on. */
  tools: Record<string, ToolChoice>;
  cron: string;
  timeZone: string;
  deliveryKind: DeliveryKind;
  deliveryConnectionId: string;
  deliveryTo: string;
  deliveryChannel: string;
  maxModelCalls: string;
  maxToolCalls: string;
  maxTokens: string;
}

/** The key of a connector action, for a tool's toggle and the messages about it. */
export function toolKey(connector: string, action: string): string {
  return `${connector}/${action}`;
}

/** Whether the tool waits for a person before it runs: as ticked, else write tools do. */
export function needsApproval(tool: ToolChoice): boolean {
  return tool.requiresApproval ?? tool.access === 'WRITE';
}

function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

const text = (value: string | number | undefined | null) => (value === undefined || value === null ? '' : String(value));

/** The form of a new agent, or of the agent's current settings. */
export function toForm(config?: AgentConfig): AgentForm {
  const tools: Record<string, ToolChoice> = {};
  for (const tool of config?.tools ?? []) {
    tools[toolKey(tool.connector, tool.action)] = {
      connector: tool.connector,
      action: tool.action,
      connectionId: tool.connectionId,
      access: tool.access ?? '',
      requiresApproval: tool.requiresApproval,
    };
  }
  return {
    name: config?.name ?? '',
    role: config?.role ?? '',
    taskPrompt: config?.taskPrompt ?? '',
    modelConnectionId: config?.model.connectionId ?? '',
    model: config?.model.model ?? '',
    temperature: text(config?.model.temperature),
    maxOutputTokens: text(config?.model.maxOutputTokens),
    tools,
    cron: config?.schedule?.cron ?? '',
    timeZone: config?.schedule?.timeZone ?? browserTimeZone(),
    deliveryKind: config?.delivery?.kind ?? 'RUN',
    deliveryConnectionId: config?.delivery?.connectionId ?? '',
    deliveryTo: config?.delivery?.to ?? '',
    deliveryChannel: config?.delivery?.channel ?? '',
    maxModelCalls: text(config?.limits?.maxModelCalls),
    maxToolCalls: text(config?.limits?.maxToolCalls),
    maxTokens: text(config?.limits?.maxTokens),
  };
}

/** The settings to send, or the form's own messages by field when a number is not one. */
export type Conversion = { ok: true; config: AgentConfig; toolKeys: string[] } | { ok: false; errors: Record<string, string> };

/**
 * The settings the api takes, from the form. Empty optional fields are left out so the api's
 * defaults apply; `toolKeys` says which tool each index of `config.tools` is, for the api's messages.
 */
export function toConfig(form: AgentForm): Conversion {
  const errors: Record<string, string> = {};
  const number = (field: string, value: string): number | undefined => {
    if (!value.trim()) return undefined;
    const parsed = Number(value);
    if (Number.isFinite(parsed)) return parsed;
    errors[field] = 'Give a number, or leave it empty for the default.';
    return undefined;
  };
  const optional = (value: string) => value.trim() || undefined;
  const chosen = Object.entries(form.tools);
  const config: AgentConfig = {
    name: form.name.trim(),
    role: form.role,
    taskPrompt: optional(form.taskPrompt),
    model: {
      connectionId: form.modelConnectionId,
      model: optional(form.model),
      temperature: number('model.temperature', form.temperature),
      maxOutputTokens: number('model.maxOutputTokens', form.maxOutputTokens),
    },
    tools: chosen.map(([, tool]) => ({
      connector: tool.connector,
      action: tool.action,
      connectionId: tool.connectionId,
      access: tool.access || undefined,
      requiresApproval: tool.access ? needsApproval(tool) : undefined,
    })),
    schedule: form.cron.trim() ? { cron: form.cron.trim(), timeZone: form.timeZone.trim() } : undefined,
    delivery: delivery(form),
    limits: {
      maxModelCalls: number('limits.maxModelCalls', form.maxModelCalls),
      maxToolCalls: number('limits.maxToolCalls', form.maxToolCalls),
      maxTokens: number('limits.maxTokens', form.maxTokens),
    },
  };
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, config, toolKeys: chosen.map(([key]) => key) };
}

function delivery(form: AgentForm): Schemas['AgentDelivery'] {
  switch (form.deliveryKind) {
    case 'EMAIL':
      return { kind: 'EMAIL', connectionId: form.deliveryConnectionId || undefined, to: form.deliveryTo.trim() || undefined };
    case 'SLACK':
      return {
        kind: 'SLACK',
        connectionId: form.deliveryConnectionId || undefined,
        channel: form.deliveryChannel.trim() || undefined,
      };
    default:
      return { kind: 'RUN' };
  }
}

/**
 * The api's messages by field (`config.tools[1].connectionId`, `config.schedule.cron`) as the
 * form's fields name them (`tool:google-ads/pause-campaign.connectionId`, `schedule.cron`).
 */
export function formErrors(apiErrors: Record<string, string>, toolKeys: readonly string[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [field, message] of Object.entries(apiErrors)) {
    const path = field.replace(/^config\./, '');
    const tool = /^tools\[(\d+)\]\.?(.*)$/.exec(path);
    const key = tool ? toolKeys[Number(tool[1])] : undefined;
    const name = key ? `tool:${key}.${tool![2] || 'action'}` : path;
    if (!errors[name]) errors[name] = message;
  }
  return errors;
}
