// Checks the rule list: the form's logic (run here, compiled from its TypeScript) against the
// generated element templates, the calls the pages make, where the rule list is offered and to whom.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';

const read = (path) => readFileSync(new URL(path, import.meta.url), 'utf8');
const editor = read('../src/features/automations/RuleEditor.tsx');
const panel = read('../src/features/automations/RulePanel.tsx');
const editorPage = read('../src/features/automations/AutomationEditorPage.tsx');
const listPage = read('../src/features/automations/AutomationsPage.tsx');
const openapi = JSON.parse(read('../openapi.json'));
const template = (name) => JSON.parse(read(`../../process-models/src/main/resources/element-templates/${name}.json`));

/** The form's modules, compiled as the build compiles them, importable here. */
async function ruleForm() {
  const dir = mkdtempSync(join(tmpdir(), 'rule-form-'));
  for (const name of ['ruleForm', 'scheduleForm']) {
    const { outputText } = ts.transpileModule(read(`../src/features/automations/${name}.ts`), {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    });
    writeFileSync(join(dir, `${name}.mjs`), outputText.replace(/from '\.\/(\w+)'/g, "from './$1.mjs'"));
  }
  return import(pathToFileURL(join(dir, 'ruleForm.mjs')).href);
}

const form = await ruleForm();

test('an action shows the template fields its operation uses, and the connection as a picker', () => {
  const slack = template('slack');
  const ids = (inputs) => form.visibleProperties(slack, inputs).map((property) => property.id);

  assert.deepEqual(ids({}).filter((id) => id.startsWith('post-message:') || id.startsWith('sync:')), [
    'post-message:channel',
    'post-message:text',
    'post-message:blocks',
    'post-message:threadTs',
  ]);
  assert.ok(ids({}).includes('operation'));
  assert.ok(!ids({}).some((id) => id.endsWith(':connection')), 'the connection is a picker, not a text field');
  assert.ok(!ids({}).includes('id') && !ids({}).includes('version'), 'hidden properties are not shown');
  assert.deepEqual(ids({ operation: 'sync' }).filter((id) => id.startsWith('sync:') || id.startsWith('post-message:')), [
    'sync:resource',
    'sync:full',
  ]);
  assert.equal(form.connectionProperty(slack, {})?.id, 'post-message:connection');
  assert.equal(form.isRequired(form.connectionProperty(slack, {})), true);
  assert.equal(form.connectionProperty(template('http'), {}), undefined);
  assert.equal(form.jobTypeOf(slack), 'io.brain:slack:1');
});

test('result, error and retry settings are set apart from what the step does', () => {
  const http = template('http');
  const settings = form.visibleProperties(http, {}).filter(form.isSetting).map((property) => property.id);
  assert.deepEqual(settings.sort(), ['errorExpression', 'resultExpression', 'resultVariable', 'retryBackoff', 'retryCount']);
  const slack = form.visibleProperties(template('slack'), {});
  assert.equal(form.isSetting(slack.find((property) => property.id === 'operation')), false, 'the operation is a choice');
  assert.equal(form.plainText('Details in the <a href="https://x">documentation</a>.'), 'Details in the documentation.');
});

test('a condition value is a number, a boolean or text, and quotes keep text', () => {
  assert.equal(form.parseValue('100'), 100);
  assert.equal(form.parseValue('-19.99'), -19.99);
  assert.equal(form.parseValue('true'), true);
  assert.equal(form.parseValue('"100"'), '100');
  assert.equal(form.parseValue('vip customers'), 'vip customers');
  for (const value of [100, 'vip', '100', true, '"quoted"']) {
    assert.deepEqual(form.parseValue(form.formatValue(value)), value, String(value));
  }
});

test('the form becomes the api’s rule, and a rule the api answers becomes the form again', () => {
  const state = {
    ...form.emptyRule(),
    trigger: 'WEBHOOK',
    listenerId: '6f1c2a44-0a53-4a7e-9a5e-0f8c2f4c1b11',
    match: 'ANY',
    conditions: [
      { field: ' webhook.payload.amount ', operator: 'GREATER_THAN', value: '100' },
      { field: 'webhook.payload.email', operator: 'IS_SET', value: 'ignored' },
    ],
    actions: [
      {
        templateId: 'io.brain.slack',
        name: ' Tell the team ',
        connectionId: '0d3b6e5c-8a34-4e43-9a53-3ad3c1b9d001',
        inputs: { 'post-message:channel': '#orders', 'post-message:text': '=webhook.payload.order', 'post-message:blocks': '  ' },
      },
    ],
  };
  const rule = form.ruleOf(state);

  assert.deepEqual(rule, {
    when: { type: 'WEBHOOK', listenerId: '6f1c2a44-0a53-4a7e-9a5e-0f8c2f4c1b11' },
    if: {
      match: 'ANY',
      conditions: [
        { field: 'webhook.payload.amount', operator: 'GREATER_THAN', value: 100 },
        { field: 'webhook.payload.email', operator: 'IS_SET' },
      ],
    },
    then: [
      {
        templateId: 'io.brain.slack',
        name: 'Tell the team',
        connectionId: '0d3b6e5c-8a34-4e43-9a53-3ad3c1b9d001',
        inputs: { 'post-message:channel': '#orders', 'post-message:text': '=webhook.payload.order' },
      },
    ],
  });
  assert.deepEqual(form.ruleOf(form.stateOf(rule)), rule);
  // The request's fields follow the api's schema.
  const schema = openapi.components.schemas;
  for (const field of Object.keys(rule)) assert.ok(field in schema.AutomationRule.properties, field);
  for (const field of Object.keys(rule.then[0])) assert.ok(field in schema.RuleAction.properties, field);
  assert.deepEqual(form.OPERATORS.map((operator) => operator.value), schema.RuleCondition.properties.operator.enum);
  assert.deepEqual(form.TRIGGERS.map((trigger) => trigger.value).sort(), [...schema.RuleTrigger.properties.type.enum].sort());
});

test('a scheduled rule sends the schedule form’s rule or cron with its zone', () => {
  const at = { ...form.emptyRule(), trigger: 'SCHEDULE', actions: [] };
  at.schedule = { ...at.schedule, mode: 'at', day: 'MONDAY', at: '09:00', timeZone: 'Europe/Berlin' };
  assert.deepEqual(form.ruleOf(at).when, { type: 'SCHEDULE', schedule: { rule: { every: 'MONDAY', at: '09:00' }, timeZone: 'Europe/Berlin' } });
  assert.deepEqual(form.stateOf(form.ruleOf(at)).schedule, at.schedule);
  const cron = { ...at, schedule: { ...at.schedule, mode: 'cron', cron: '0 7 * * *', timeZone: 'America/New_York' } };
  assert.deepEqual(form.ruleOf(cron).when.schedule, { cron: '0 7 * * *', timeZone: 'America/New_York' });
  assert.equal(form.ruleOf({ ...at, trigger: 'MANUAL' }).when.schedule, undefined);
});

test('the api’s fields at fault are shown at the form’s controls', () => {
  assert.deepEqual(
    form.ruleErrorsOf({
      'rule.then[1].inputs.post-message:channel': 'Channel is required.',
      'rule.then[0].connectionId': 'No such connection.',
      'rule.if.conditions[2].value': 'Give a number.',
      'rule.when.schedule.rule.at': 'Not a time.',
      'rule.when.schedule.timeZone': 'Not a zone.',
      'rule.when.listenerId': 'No such listener.',
      name: 'Give a name.',
    }),
    {
      'then.1.inputs.post-message:channel': 'Channel is required.',
      'then.0.connectionId': 'No such connection.',
      'if.conditions.2.value': 'Give a number.',
      'schedule.at': 'Not a time.',
      'schedule.timeZone': 'Not a zone.',
      listenerId: 'No such listener.',
      name: 'Give a name.',
    },
  );
  for (const key of ['`${prefix}.inputs.${property.id}`', '`${prefix}.connectionId`', '`${prefix}.value`', 'errors.listenerId']) {
    assert.ok(editor.includes(key), key);
  }
});

test('the rule list previews, creates and saves through the api', () => {
  assert.ok(editor.includes("api.POST('/api/automation-rules/preview'"));
  assert.ok(editor.includes("api.POST('/api/automation-rules', { body: { ...body, key: key.trim() || undefined } })"));
  assert.ok(editor.includes("api.PUT('/api/automations/{key}/rule'"));
  assert.ok(panel.includes("api.GET('/api/automations/{key}/versions/{version}/rule'"));
  for (const [path, method] of [
    ['/api/automation-rules/preview', 'post'],
    ['/api/automation-rules', 'post'],
    ['/api/automations/{key}/rule', 'put'],
    ['/api/automations/{key}/versions/{version}/rule', 'get'],
  ]) {
    assert.ok(openapi.paths[path]?.[method], `${method} ${path} is not in the api`);
  }
  // The preview is shown in the read-only viewer, loaded lazily like the editor.
  assert.match(editor, /const DiagramCanvas = lazy\(\(\) => import\('\.\/DiagramCanvas'\)\);/);
  assert.match(editor, /editable=\{false\}/);
  // The schedule trigger is the schedule form's own fields with their live preview.
  assert.ok(editor.includes('<ScheduleTimingFields'));
});

test('the rule list is offered to writers, and webhooks only to those who manage them', () => {
  assert.ok(listPage.includes('testId="create-automation-rule"'));
  assert.match(listPage, /canWrite &&\s*!creating && \(/);
  assert.ok(listPage.includes('?view=rule'));
  assert.match(editorPage, /\{canWrite \? \(\s*<Tabs label="Edit the automation as"/);
  assert.ok(editorPage.includes("{ value: 'rule', label: 'Rule list' }"));
  assert.ok(editorPage.includes("canWrite && searchParams.get('view') === 'rule'"));
  assert.ok(editor.includes("const canWebhooks = can('webhooks:manage');"));
  assert.match(editor, /canWebhooks\s*\?\s*call\('Loading the webhook listeners', api\.GET\('\/api\/webhooks'/);
});

test('the rule list carries the test ids the browser tests use', () => {
  const all = editor + panel + editorPage + listPage;
  for (const id of [
    'rule-editor',
    'rule-trigger',
    'rule-listener',
    'rule-add-condition',
    'rule-condition-field',
    'rule-condition-operator',
    'rule-condition-value',
    'rule-action-template',
    'rule-add-action',
    'rule-action',
    'rule-action-connection',
    'rule-action-input',
    'rule-preview',
    'rule-preview-canvas',
    'rule-save',
    'editor-rule-view',
  ]) {
    const found = [`data-testid="${id}"`, `'data-testid': '${id}'`, `testId: '${id}'`, `testId="${id}"`];
    assert.ok(found.some((written) => all.includes(written)), id);
  }
});
