import { lazy, Suspense, useCallback, useId, useMemo, useState } from 'react';
import type { Schemas } from '../../api/client';
import { call, useResource, type ApiResult, type Problem } from '../../api/result';
import { useSubmit } from '../../api/useSubmit';
import { usePermissions } from '../auth/permissions';
import { useApi } from '../auth/session';
import { ErrorBox } from '../shell/ErrorBox';
import { controlProps, Field } from '../shell/Field';
import { FormCard } from '../shell/FormCard';
import {
  connectionProperty,
  emptyCondition,
  isRequired,
  isSetting,
  jobTypeOf,
  OPERATORS,
  plainText,
  ruleErrorsOf,
  ruleOf,
  takesValue,
  TRIGGERS,
  visibleProperties,
  type ActionState,
  type ConditionState,
  type ElementTemplate,
  type Operator,
  type RuleState,
  type TemplateProperty,
} from './ruleForm';
import { timingProblems } from './scheduleForm';
import { ScheduleTimingFields } from './ScheduleTimingFields';

// The viewer is part of the modeler's chunk, loaded when a preview is shown.
const DiagramCanvas = lazy(() => import('./DiagramCanvas'));

type Automation = Schemas['Automation'];

/** What the rule list's form offers: the templates, and the connections and listeners to pick. */
interface Choices {
  templates: ElementTemplate[];
  connections: Schemas['Connection'][];
  types: Schemas['ConnectorType'][];
  listeners: Schemas['WebhookListener'][];
}

/** One problem of a rule, as the api names it. */
interface RuleProblem {
  field?: string;
  elementId?: string;
  message: string;
}

/**
 * The rule list: "when this happens, if this holds, then do these", for users who do not want to
 * draw. Brain generates the automation's diagram from it; the preview shows that diagram and what
 * saving would refuse. Creates an automation (`automation` absent) or saves a new version of one.
 */
export function RuleEditor({
  automation,
  initial,
  onCreated,
  onSaved,
  onCancel,
}: {
  automation?: Automation;
  initial: RuleState;
  onCreated?: (created: Automation) => void;
  onSaved?: (version: Schemas['AutomationVersion']) => void;
  onCancel: () => void;
}) {
  const api = useApi();
  const id = useId();
  const { can } = usePermissions();
  const canWebhooks = can('webhooks:manage');
  const [rule, setRule] = useState<RuleState>(initial);
  const [name, setName] = useState(automation?.name ?? '');
  const [key, setKey] = useState('');
  const [note, setNote] = useState('');
  const [preview, setPreview] = useState<{ xml?: string; problems: RuleProblem[]; failure?: string }>();
  const [previewing, setPreviewing] = useState(false);

  const choices = useResource(
    useCallback(
      async (signal: AbortSignal): Promise<ApiResult<Choices>> => {
        const [templates, connections, types, listeners] = await Promise.all([
          call('Loading the connector templates', api.GET('/api/element-templates', { signal })),
          call('Loading the connections', api.GET('/api/connectors', { signal })),
          call('Loading the connector types', api.GET('/api/connector-types', { signal })),
          canWebhooks
            ? call('Loading the webhook listeners', api.GET('/api/webhooks', { signal }))
            : Promise.resolve({ ok: true as const, data: [] as Schemas['WebhookListener'][] }),
        ]);
        if (!templates.ok) return templates;
        if (!connections.ok) return connections;
        if (!types.ok) return types;
        if (!listeners.ok) return listeners;
        return {
          ok: true,
          data: {
            templates: templates.data as unknown as ElementTemplate[],
            connections: connections.data,
            types: types.data,
            listeners: listeners.data,
          },
        };
      },
      [api, canWebhooks],
    ),
  );

  // Kept while the preview stands, so the viewer marks the problems once.
  const marks = useMemo(
    () => (preview?.problems ?? []).flatMap(({ elementId, message }) => (elementId ? [{ elementId, message }] : [])),
    [preview],
  );

  const submission = useSubmit<Automation | Schemas['AutomationVersion']>((answer) => {
    if (automation) onSaved?.(answer as Schemas['AutomationVersion']);
    else onCreated?.(answer as Automation);
  });
  const errors = ruleErrorsOf(submission.errors);
  const problems = problemsOf(submission.problem);
  const change = (part: Partial<RuleState>) => setRule((current) => ({ ...current, ...part }));

  const send = () => {
    const missing: Record<string, string> = {};
    if (!automation && !name.trim()) missing.name = 'Give the automation a name.';
    if (rule.trigger === 'SCHEDULE') {
      for (const [field, message] of Object.entries(timingProblems(rule.schedule))) missing[`schedule.${field}`] = message;
    }
    if (rule.trigger === 'WEBHOOK' && !rule.listenerId) missing.listenerId = 'Choose the webhook listener.';
    if (rule.actions.length === 0) missing.then = 'Add at least one action.';
    if (Object.keys(missing).length > 0) return submission.reject(missing);
    const body = {
      name: automation ? automation.name : name.trim(),
      description: automation?.description ?? undefined,
      note: note.trim() || undefined,
      rule: ruleOf(rule),
    };
    return automation
      ? submission.submit('Saving the rule', () =>
          api.PUT('/api/automations/{key}/rule', { params: { path: { key: automation.key } }, body }),
        )
      : submission.submit('Creating the automation', () =>
          api.POST('/api/automation-rules', { body: { ...body, key: key.trim() || undefined } }),
        );
  };

  const showPreview = async () => {
    setPreviewing(true);
    const answer = await call(
      'Previewing the diagram',
      api.POST('/api/automation-rules/preview', { body: { name: name.trim() || undefined, rule: ruleOf(rule) } }),
    );
    setPreviewing(false);
    if (answer.ok) setPreview({ xml: answer.data.bpmnXml ?? undefined, problems: answer.data.problems });
    else setPreview({ problems: problemsOf(answer.problem), failure: answer.problem.detail });
  };

  if (!choices.data) {
    return choices.failure ? (
      <ErrorBox title="The rule list could not be opened" message={choices.failure} onRetry={choices.reload} />
    ) : (
      <p className="muted">Loading the connector templates…</p>
    );
  }
  const { templates, connections, types, listeners } = choices.data;

  return (
    <div className="rule-editor" data-testid="rule-editor">
      <FormCard
        title={automation ? 'Rule' : 'New automation from a rule'}
        failureTitle={automation ? 'The rule was not saved' : 'The automation was not created'}
        submission={submission}
        button={{ label: automation ? 'Save rule' : 'Create and open', busyLabel: 'Saving…', testId: 'rule-save' }}
        onSubmit={send}
        onCancel={onCancel}
      >
        {!automation && (
          <div className="form-grid">
            <Field id={`${id}-name`} label="Name" required error={errors.name}>
              <input
                {...controlProps(`${id}-name`, errors.name)}
                className="input"
                data-testid="rule-automation-name"
                maxLength={200}
                autoFocus
                value={name}
                onChange={(event) => setName(event.target.value)}
              />
            </Field>
            <Field id={`${id}-key`} label="Key (optional)" hint="Made from the name when empty; it cannot change." error={errors.key}>
              <input
                {...controlProps(`${id}-key`, errors.key)}
                className="input mono"
                data-testid="rule-automation-key"
                maxLength={100}
                value={key}
                onChange={(event) => setKey(event.target.value)}
              />
            </Field>
          </div>
        )}

        <fieldset className="rule-section" data-testid="rule-when">
          <legend className="section-title">When</legend>
          <Field id={`${id}-trigger`} label="The rule runs" error={errors['when.type']}>
            <select
              {...controlProps(`${id}-trigger`, errors['when.type'])}
              className="input"
              data-testid="rule-trigger"
              value={rule.trigger}
              onChange={(event) => change({ trigger: event.target.value as RuleState['trigger'] })}
            >
              {TRIGGERS.filter((trigger) => trigger.value !== 'WEBHOOK' || canWebhooks || rule.trigger === 'WEBHOOK').map(
                (trigger) => (
                  <option key={trigger.value} value={trigger.value}>
                    {trigger.label}
                  </option>
                ),
              )}
            </select>
          </Field>
          {rule.trigger === 'WEBHOOK' && (
            <Field
              id={`${id}-listener`}
              label="Webhook listener"
              hint="Saving points this listener at the automation. The delivery is the variable webhook: webhook.payload holds its body."
              error={errors.listenerId}
              required
            >
              <select
                {...controlProps(`${id}-listener`, errors.listenerId)}
                className="input"
                data-testid="rule-listener"
                value={rule.listenerId}
                onChange={(event) => change({ listenerId: event.target.value })}
              >
                <option value="">Choose a listener…</option>
                {listeners.map((listener) => (
                  <option key={listener.id} value={listener.id}>
                    {listener.name} ({listener.provider})
                  </option>
                ))}
              </select>
            </Field>
          )}
          {rule.trigger === 'SCHEDULE' && (
            <>
              <p className="muted">Saving makes this the automation’s schedule “Rule trigger”.</p>
              <ScheduleTimingFields
                id={`${id}-schedule`}
                timing={rule.schedule}
                onChange={(schedule) => change({ schedule })}
                errors={scheduleErrors(errors)}
              />
            </>
          )}
          {rule.trigger === 'MANUAL' && (
            <p className="muted">Runs start from the editor’s Run button or the public run API, with their input variables.</p>
          )}
        </fieldset>

        <fieldset className="rule-section" data-testid="rule-if">
          <legend className="section-title">If</legend>
          <p className="muted">
            {rule.conditions.length === 0
              ? 'No conditions: the actions always run.'
              : 'A field is a variable or a path into one, such as webhook.payload.amount. A value is a number, true, false or text; "100" in quotes is text.'}
          </p>
          {rule.conditions.length > 1 && (
            <Field id={`${id}-match`} label="Run the actions when">
              <select
                {...controlProps(`${id}-match`, undefined)}
                className="input"
                data-testid="rule-match"
                value={rule.match}
                onChange={(event) => change({ match: event.target.value as RuleState['match'] })}
              >
                <option value="ALL">all conditions hold</option>
                <option value="ANY">any condition holds</option>
              </select>
            </Field>
          )}
          {rule.conditions.map((condition, index) => (
            <ConditionRow
              key={index}
              id={`${id}-condition-${index}`}
              condition={condition}
              errors={errors}
              prefix={`if.conditions.${index}`}
              onChange={(next) => change({ conditions: rule.conditions.map((each, at) => (at === index ? next : each)) })}
              onRemove={() => change({ conditions: rule.conditions.filter((_, at) => at !== index) })}
            />
          ))}
          <p>
            <button
              type="button"
              className="button"
              data-testid="rule-add-condition"
              onClick={() => change({ conditions: [...rule.conditions, emptyCondition()] })}
            >
              Add condition
            </button>
          </p>
        </fieldset>

        <fieldset className="rule-section" data-testid="rule-then">
          <legend className="section-title">Then</legend>
          <p className="muted">
            Each action is a connector step. A field that takes an expression starts with =, such as
            =webhook.payload.email.
          </p>
          {errors.then && <p className="field-error">{errors.then}</p>}
          {rule.actions.map((action, index) => (
            <ActionCard
              key={index}
              id={`${id}-action-${index}`}
              index={index}
              count={rule.actions.length}
              action={action}
              templates={templates}
              connections={connections}
              types={types}
              errors={errors}
              onChange={(next) => change({ actions: rule.actions.map((each, at) => (at === index ? next : each)) })}
              onMove={(by) => change({ actions: moved(rule.actions, index, by) })}
              onRemove={() => change({ actions: rule.actions.filter((_, at) => at !== index) })}
            />
          ))}
          <AddAction templates={templates} onAdd={(templateId) => change({ actions: [...rule.actions, newAction(templateId)] })} />
        </fieldset>

        {problems.length > 1 && <RuleProblems title="What the api refused" problems={problems} testId="rule-problems" />}
        {automation && (
          <Field id={`${id}-note`} label="Note for this version (optional)" error={errors.note}>
            <input
              {...controlProps(`${id}-note`, errors.note)}
              className="input"
              data-testid="rule-note"
              maxLength={500}
              value={note}
              onChange={(event) => setNote(event.target.value)}
            />
          </Field>
        )}
        <p>
          <button type="button" className="button" data-testid="rule-preview" disabled={previewing} onClick={showPreview}>
            {previewing ? 'Generating…' : 'Preview diagram'}
          </button>
        </p>
      </FormCard>
      {preview && (
        <section className="page-section" aria-label="Generated diagram" data-testid="rule-preview-result">
          {preview.failure && <ErrorBox title="The diagram could not be generated" message={preview.failure} />}
          {preview.problems.length > 0 ? (
            <RuleProblems title="Saving would refuse this rule" problems={preview.problems} testId="rule-preview-problems" />
          ) : (
            !preview.failure && (
              <p role="status" data-testid="rule-preview-ok">
                The rule is complete: saving it stores this diagram as a new version.
              </p>
            )
          )}
          {preview.xml && (
            <Suspense fallback={<p className="muted">Loading the diagram…</p>}>
              <DiagramCanvas
                key={preview.xml}
                xml={preview.xml}
                editable={false}
                problems={marks}
                label="Diagram generated from the rule"
                testId="rule-preview-canvas"
              />
            </Suspense>
          )}
        </section>
      )}
    </div>
  );
}

/** One condition: a field, how it compares, and the value. */
function ConditionRow({
  id,
  condition,
  errors,
  prefix,
  onChange,
  onRemove,
}: {
  id: string;
  condition: ConditionState;
  errors: Record<string, string>;
  prefix: string;
  onChange: (condition: ConditionState) => void;
  onRemove: () => void;
}) {
  const fieldError = errors[`${prefix}.field`];
  const valueError = errors[`${prefix}.value`];
  return (
    <div className="rule-row" data-testid="rule-condition">
      <Field id={`${id}-field`} label="Field" error={fieldError}>
        <input
          {...controlProps(`${id}-field`, fieldError)}
          className="input mono"
          data-testid="rule-condition-field"
          maxLength={200}
          value={condition.field}
          onChange={(event) => onChange({ ...condition, field: event.target.value })}
        />
      </Field>
      <Field id={`${id}-operator`} label="Is" error={errors[`${prefix}.operator`]}>
        <select
          {...controlProps(`${id}-operator`, errors[`${prefix}.operator`])}
          className="input"
          data-testid="rule-condition-operator"
          value={condition.operator}
          onChange={(event) => onChange({ ...condition, operator: event.target.value as Operator })}
        >
          {OPERATORS.map((operator) => (
            <option key={operator.value} value={operator.value}>
              {operator.label}
            </option>
          ))}
        </select>
      </Field>
      {takesValue(condition.operator) && (
        <Field id={`${id}-value`} label="Value" error={valueError}>
          <input
            {...controlProps(`${id}-value`, valueError)}
            className="input"
            data-testid="rule-condition-value"
            value={condition.value}
            onChange={(event) => onChange({ ...condition, value: event.target.value })}
          />
        </Field>
      )}
      <button type="button" className="button button-small" data-testid="rule-condition-remove" onClick={onRemove}>
        Remove
      </button>
    </div>
  );
}

/** One action: its connector template, its connection and the template's visible fields. */
function ActionCard({
  id,
  index,
  count,
  action,
  templates,
  connections,
  types,
  errors,
  onChange,
  onMove,
  onRemove,
}: {
  id: string;
  index: number;
  count: number;
  action: ActionState;
  templates: ElementTemplate[];
  connections: Schemas['Connection'][];
  types: Schemas['ConnectorType'][];
  errors: Record<string, string>;
  onChange: (action: ActionState) => void;
  onMove: (by: number) => void;
  onRemove: () => void;
}) {
  const prefix = `then.${index}`;
  const template = templates.find((each) => each.id === action.templateId);
  const connection = template ? connectionProperty(template, action.inputs) : undefined;
  const type = useMemo(() => {
    const jobType = template ? jobTypeOf(template) : undefined;
    return types.find((each) => each.actions.some((candidate) => candidate.jobType === jobType));
  }, [template, types]);
  const usable = connections.filter((each) => each.type === type?.type);
  const setInput = (property: string, value: string) => onChange({ ...action, inputs: { ...action.inputs, [property]: value } });
  const fields = template ? visibleProperties(template, action.inputs) : [];
  const field = (property: TemplateProperty) => (
    <TemplateField
      key={property.id}
      id={`${id}-${property.id}`}
      property={property}
      value={action.inputs[property.id!] ?? ''}
      error={errors[`${prefix}.inputs.${property.id}`]}
      onChange={(value) => setInput(property.id!, value)}
    />
  );
  const settings = fields.filter(isSetting);
  // Settings with a message from the api stay open.
  const settingsOpen = settings.some((property) => errors[`${prefix}.inputs.${property.id}`]);

  return (
    <div className="card rule-action" data-testid="rule-action" data-template={action.templateId}>
      <div className="rule-action-head">
        <span className="strong">
          {index + 1}. {template?.name ?? action.templateId}
        </span>
        <span className="rule-action-buttons">
          <button type="button" className="button button-small" aria-label={`Move action ${index + 1} up`} disabled={index === 0} onClick={() => onMove(-1)}>
            ↑
          </button>
          <button
            type="button"
            className="button button-small"
            aria-label={`Move action ${index + 1} down`}
            disabled={index === count - 1}
            onClick={() => onMove(1)}
          >
            ↓
          </button>
          <button type="button" className="button button-small" data-testid="rule-action-remove" onClick={onRemove}>
            Remove
          </button>
        </span>
      </div>
      {errors[`${prefix}.templateId`] && <p className="field-error">{errors[`${prefix}.templateId`]}</p>}
      {errors[prefix] && <p className="field-error">{errors[prefix]}</p>}
      <div className="form-grid">
        <Field id={`${id}-name`} label="Step name (optional)" error={errors[`${prefix}.name`]}>
          <input
            {...controlProps(`${id}-name`, errors[`${prefix}.name`])}
            className="input"
            data-testid="rule-action-name"
            maxLength={200}
            placeholder={template?.name}
            value={action.name}
            onChange={(event) => onChange({ ...action, name: event.target.value })}
          />
        </Field>
        {connection && (
          <Field
            id={`${id}-connection`}
            label={connection.label ?? 'Connection'}
            hint={usable.length === 0 ? `No ${type?.name ?? ''} connection yet: add one on the Connectors page.` : undefined}
            error={errors[`${prefix}.connectionId`]}
            required={isRequired(connection)}
          >
            <select
              {...controlProps(`${id}-connection`, errors[`${prefix}.connectionId`])}
              className="input"
              data-testid="rule-action-connection"
              value={action.connectionId}
              onChange={(event) => onChange({ ...action, connectionId: event.target.value })}
            >
              <option value="">Choose a connection…</option>
              {usable.map((each) => (
                <option key={each.id} value={each.id}>
                  {each.name}
                </option>
              ))}
            </select>
          </Field>
        )}
        {/* A choice such as the operation decides which fields apply: it comes first. */}
        {fields.filter((property) => !isSetting(property) && property.binding.type !== 'zeebe:input').map(field)}
        {fields.filter((property) => property.binding.type === 'zeebe:input').map(field)}
      </div>
      {settings.length > 0 && (
        <details className="rule-settings" open={settingsOpen || undefined}>
          <summary>Result, errors and retries</summary>
          <div className="form-grid">{settings.map(field)}</div>
        </details>
      )}
    </div>
  );
}

/** One field of an element template, as the template types it. */
function TemplateField({
  id,
  property,
  value,
  error,
  onChange,
}: {
  id: string;
  property: TemplateProperty;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
}) {
  const label = property.label ?? property.id!;
  const fallback = property.value !== undefined ? String(property.value) : '';
  const hint = [plainText(property.description), property.feel === 'required' ? 'A FEEL expression.' : undefined]
    .filter(Boolean)
    .join(' ') || undefined;
  const common = { ...controlProps(id, error), 'data-testid': 'rule-action-input', 'data-property': property.id };
  let control;
  if (property.type === 'Dropdown') {
    control = (
      <select {...common} className="input" value={value || fallback} onChange={(event) => onChange(event.target.value)}>
        {property.choices?.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.name}
          </option>
        ))}
      </select>
    );
  } else if (property.type === 'Boolean') {
    control = (
      <select {...common} className="input" value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">—</option>
        <option value="true">Yes</option>
        <option value="false">No</option>
      </select>
    );
  } else if (property.type === 'Text') {
    control = (
      <textarea
        {...common}
        className={property.feel === 'required' ? 'input mono' : 'input'}
        rows={3}
        value={value}
        // A long default (an expression) is not a hint: it applies when the field stays empty.
        placeholder={fallback.length <= 40 ? fallback : 'Empty: the template’s default'}
        onChange={(event) => onChange(event.target.value)}
      />
    );
  } else {
    control = (
      <input
        {...common}
        className={property.feel === 'required' ? 'input mono' : 'input'}
        inputMode={property.type === 'Number' ? 'decimal' : undefined}
        value={value}
        placeholder={fallback}
        onChange={(event) => onChange(event.target.value)}
      />
    );
  }
  return (
    <Field id={id} label={label} hint={hint} error={error} required={isRequired(property)}>
      {control}
    </Field>
  );
}

/** Picks a connector template for a new action. */
function AddAction({ templates, onAdd }: { templates: ElementTemplate[]; onAdd: (templateId: string) => void }) {
  const id = useId();
  const [choice, setChoice] = useState(templates[0]?.id ?? '');
  return (
    <div className="rule-row">
      <Field id={`${id}-template`} label="Add an action">
        <select
          {...controlProps(`${id}-template`, undefined)}
          className="input"
          data-testid="rule-action-template"
          value={choice}
          onChange={(event) => setChoice(event.target.value)}
        >
          {templates.map((template) => (
            <option key={template.id} value={template.id}>
              {template.name}
            </option>
          ))}
        </select>
      </Field>
      <button type="button" className="button" data-testid="rule-add-action" disabled={!choice} onClick={() => onAdd(choice)}>
        Add action
      </button>
    </div>
  );
}

/** The problems of a rule, each with where it is. */
function RuleProblems({ title, problems, testId }: { title: string; problems: RuleProblem[]; testId: string }) {
  return (
    <div className="error-box problem-list" role="alert" data-testid={testId}>
      <p className="error-box-title">
        {title}: {problems.length === 1 ? '1 problem' : `${problems.length} problems`}
      </p>
      <ul>
        {problems.map((problem, index) => (
          <li key={index} data-testid="rule-problem" data-field={problem.field}>
            {problem.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The problems[] of a refused rule (problem+json), each with its field and element. */
function problemsOf(problem: Problem | undefined): RuleProblem[] {
  const list = problem?.body.problems;
  if (!Array.isArray(list)) return [];
  return list.flatMap((entry: unknown) => {
    if (typeof entry !== 'object' || entry === null) return [];
    const { field, elementId, message } = entry as Record<string, unknown>;
    if (typeof message !== 'string') return [];
    return [
      {
        message,
        ...(typeof field === 'string' ? { field } : {}),
        ...(typeof elementId === 'string' ? { elementId } : {}),
      },
    ];
  });
}

/** The schedule's messages by timing field (every, at, interval, cron, timeZone). */
function scheduleErrors(errors: Record<string, string>): Record<string, string> {
  const found: Record<string, string> = {};
  for (const [key, message] of Object.entries(errors)) {
    if (key.startsWith('schedule.')) found[key.slice('schedule.'.length)] = message;
  }
  return found;
}

function newAction(templateId: string): ActionState {
  return { templateId, name: '', connectionId: '', inputs: {} };
}

function moved<T>(list: T[], index: number, by: number): T[] {
  const next = [...list];
  const [item] = next.splice(index, 1);
  next.splice(index + by, 0, item);
  return next;
}
