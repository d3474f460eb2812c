// What the rule list's form holds and how it becomes the api's rule, read and built without React
// so the node tests can run it. Element templates are read generically, as the api reads them.
import type { Schemas } from '../../api/client';
import { defaultTiming, timingOf, whenOf, type Timing } from './scheduleForm';

export type AutomationRule = Schemas['AutomationRule'];
export type RuleTriggerType = Schemas['RuleTrigger']['type'];
export type Operator = Schemas['RuleCondition']['operator'];
export type Match = Schemas['RuleConditions']['match'];

/** The operators in the words the form offers them, in the api's order. */
export const OPERATORS: { value: Operator; label: string; takesValue: boolean }[] = [
  { value: 'EQUALS', label: 'equals', takesValue: true },
  { value: 'NOT_EQUALS', label: 'does not equal', takesValue: true },
  { value: 'CONTAINS', label: 'contains', takesValue: true },
  { value: 'GREATER_THAN', label: 'is greater than', takesValue: true },
  { value: 'LESS_THAN', label: 'is less than', takesValue: true },
  { value: 'IS_SET', label: 'is set', takesValue: false },
  { value: 'IS_NOT_SET', label: 'is not set', takesValue: false },
];

export const TRIGGERS: { value: RuleTriggerType; label: string }[] = [
  { value: 'WEBHOOK', label: 'When a webhook arrives' },
  { value: 'SCHEDULE', label: 'On a schedule' },
  { value: 'MANUAL', label: 'When started by hand or through the API' },
];

/** One condition as the form holds it: the value as typed. */
export interface ConditionState {
  field: string;
  operator: Operator;
  value: string;
}

/** One action as the form holds it: the template's field values as typed, by property id. */
export interface ActionState {
  templateId: string;
  name: string;
  connectionId: string;
  inputs: Record<string, string>;
}

export interface RuleState {
  trigger: RuleTriggerType;
  listenerId: string;
  /** When a scheduled rule runs, as the schedule form holds it. */
  schedule: Timing;
  match: Match;
  conditions: ConditionState[];
  actions: ActionState[];
}

export function emptyRule(): RuleState {
  return { trigger: 'MANUAL', listenerId: '', schedule: defaultTiming(), match: 'ALL', conditions: [], actions: [] };
}

export function emptyCondition(): ConditionState {
  return { field: 'webhook.payload.', operator: 'EQUALS', value: '' };
}

/** An element template's JSON, read only as far as the form needs it. */
export interface ElementTemplate {
  id: string;
  name: string;
  description?: string;
  properties: TemplateProperty[];
}

export interface TemplateProperty {
  id?: string;
  label?: string;
  description?: string;
  type: string;
  value?: string | number | boolean;
  optional?: boolean;
  feel?: 'optional' | 'required' | 'static';
  choices?: { name: string; value: string }[];
  constraints?: { notEmpty?: boolean };
  binding: { type: string; name?: string; key?: string; property?: string };
  condition?: TemplateCondition & { allMatch?: TemplateCondition[] };
}

interface TemplateCondition {
  property?: string;
  equals?: string | number | boolean;
  oneOf?: (string | number | boolean)[];
  isActive?: boolean;
}

/** Whether a property is the `connection` input, which the form offers as a connection picker. */
export function isConnectionProperty(property: TemplateProperty): boolean {
  return property.binding.type === 'zeebe:input' && property.binding.name === 'connection';
}

/** The value of each property for the values typed: what was typed, else the template's default. */
export function currentValues(template: ElementTemplate, inputs: Record<string, string>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const property of template.properties) {
    if (!property.id) continue;
    const typed = inputs[property.id];
    if (typed !== undefined && typed.trim() !== '' && property.type !== 'Hidden') values[property.id] = typed;
    else if (property.value !== undefined) values[property.id] = String(property.value);
  }
  return values;
}

/** Whether a property's condition holds for the current values (as the api decides it). */
export function applies(property: TemplateProperty, values: Record<string, string>): boolean {
  const condition = property.condition;
  if (!condition) return true;
  if (condition.allMatch) return condition.allMatch.every((each) => holds(each, values));
  return holds(condition, values);
}

function holds(condition: TemplateCondition, values: Record<string, string>): boolean {
  const value = condition.property ? values[condition.property] : undefined;
  if (condition.equals !== undefined) return String(condition.equals) === value;
  if (condition.oneOf) return condition.oneOf.map(String).includes(value ?? '');
  if (condition.isActive !== undefined) return condition.isActive === (value !== undefined);
  return false;
}

/** The fields the form shows for an action: the template's visible properties that apply now, but the connection. */
export function visibleProperties(template: ElementTemplate, inputs: Record<string, string>): TemplateProperty[] {
  const values = currentValues(template, inputs);
  return template.properties.filter(
    (property) => property.id && property.type !== 'Hidden' && !isConnectionProperty(property) && applies(property, values),
  );
}

/**
 * Whether a field is one of the step's settings rather than what it does: a task header or the
 * task definition (result mapping, error handling, retries), but not a choice such as the operation.
 */
export function isSetting(property: TemplateProperty): boolean {
  return property.binding.type !== 'zeebe:input' && property.type !== 'Dropdown';
}

/** A template's description as text: templates may hold HTML links. */
export function plainText(text: string | undefined): string | undefined {
  return text?.replace(/<[^>]*>/g, '').trim() || undefined;
}

/** The connection property that applies now, if the action's operation takes a connection. */
export function connectionProperty(template: ElementTemplate, inputs: Record<string, string>): TemplateProperty | undefined {
  const values = currentValues(template, inputs);
  return template.properties.find((property) => isConnectionProperty(property) && applies(property, values));
}

/** The job type a template binds, such as io.brain:slack:1. */
export function jobTypeOf(template: ElementTemplate): string | undefined {
  const type = template.properties.find((property) => property.binding.type === 'zeebe:taskDefinition' && property.binding.property === 'type');
  return type?.value !== undefined ? String(type.value) : undefined;
}

/** Whether a property needs a value. */
export function isRequired(property: TemplateProperty): boolean {
  return property.constraints?.notEmpty === true;
}

/**
 * A condition's value as typed, as the api takes it: a number or true/false when it reads as one,
 * else text; text in double quotes stays text ("100" compares with the text 100).
 */
export function parseValue(typed: string): string | number | boolean {
  const text = typed.trim();
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  if (text === 'true' || text === 'false') return text === 'true';
  if (text.length >= 2 && text.startsWith('"') && text.endsWith('"')) return text.slice(1, -1);
  return typed;
}

/** A value the api answered, as the form shows it (text that reads as a number or boolean is quoted). */
export function formatValue(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return typeof parseValue(value) === 'string' && !/^".*"$/.test(value.trim()) ? value : `"${value}"`;
  return String(value);
}

/** Whether an operator compares with a value. */
export function takesValue(operator: Operator): boolean {
  return OPERATORS.find((entry) => entry.value === operator)?.takesValue ?? true;
}

/** The rule the form says, as the api takes it. */
export function ruleOf(state: RuleState): AutomationRule {
  const when: Schemas['RuleTrigger'] = { type: state.trigger };
  if (state.trigger === 'WEBHOOK' && state.listenerId) when.listenerId = state.listenerId;
  if (state.trigger === 'SCHEDULE') when.schedule = { ...whenOf(state.schedule), timeZone: state.schedule.timeZone.trim() };
  const rule: AutomationRule = {
    when,
    then: state.actions.map((action) => {
      const inputs: Record<string, string> = {};
      for (const [id, value] of Object.entries(action.inputs)) if (value.trim() !== '') inputs[id] = value;
      return {
        templateId: action.templateId,
        ...(action.name.trim() ? { name: action.name.trim() } : {}),
        ...(action.connectionId ? { connectionId: action.connectionId } : {}),
        inputs,
      };
    }),
  };
  if (state.conditions.length > 0) {
    rule.if = {
      match: state.match,
      conditions: state.conditions.map((condition) => ({
        field: condition.field.trim(),
        operator: condition.operator,
        ...(takesValue(condition.operator) ? { value: parseValue(condition.value) } : {}),
      })),
    };
  }
  return rule;
}

/** The form's state for a rule the api answered, to edit it again. */
export function stateOf(rule: AutomationRule): RuleState {
  return {
    trigger: rule.when.type,
    listenerId: rule.when.listenerId ?? '',
    schedule: rule.when.schedule ? timingOf(rule.when.schedule) : defaultTiming(),
    match: rule.if?.match ?? 'ALL',
    conditions: (rule.if?.conditions ?? []).map((condition) => ({
      field: condition.field,
      operator: condition.operator,
      value: formatValue(condition.value),
    })),
    actions: rule.then.map((action) => ({
      templateId: action.templateId,
      name: action.name ?? '',
      connectionId: action.connectionId ?? '',
      inputs: { ...(action.inputs ?? {}) },
    })),
  };
}

/**
 * The form's messages by its own keys, from the api's fields: `rule.then[1].inputs.post-message:channel`
 * becomes `then.1.inputs.post-message:channel`, `rule.when.schedule.rule.at` becomes `schedule.at`.
 */
export function ruleErrorsOf(errors: Record<string, string>): Record<string, string> {
  const mapped: Record<string, string> = {};
  for (const [field, message] of Object.entries(errors)) {
    const key = formKeyOf(field);
    if (!mapped[key]) mapped[key] = message;
  }
  return mapped;
}

export function formKeyOf(field: string): string {
  const bare = field.startsWith('rule.') ? field.slice('rule.'.length) : field;
  if (bare.startsWith('when.schedule.')) {
    const rest = bare.slice('when.schedule.'.length);
    return `schedule.${rest.startsWith('rule.') ? rest.slice('rule.'.length) : rest}`;
  }
  if (bare === 'when.listenerId') return 'listenerId';
  return bare.replace(/\[(\d+)\]/g, '.$1');
}
