// Checks the Schedules panel of the automation editor: the calls it makes, the form's modes,
// time zone and live preview, the permission its actions need, and the test ids the browser
// tests use.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

const read = (path) => readFileSync(new URL(path, import.meta.url), 'utf8');
const editor = read('../src/features/automations/AutomationEditorPage.tsx');
const panel = read('../src/features/automations/SchedulePanel.tsx');
// The form, with the timing fields and live preview it shares with the rule list.
const timingFields = read('../src/features/automations/ScheduleTimingFields.tsx');
const form = read('../src/features/automations/CreateScheduleForm.tsx') + timingFields;
const helpers = read('../src/features/automations/scheduleForm.ts');
const openapi = JSON.parse(read('../openapi.json'));

test('the editor shows the Schedules panel, telling whether the automation is deployed', () => {
  assert.ok(editor.includes("import { SchedulePanel } from './SchedulePanel';"));
  assert.match(editor, /<SchedulePanel automationKey=\{automation\.key\} deployed=\{Boolean\(automation\.deployedVersion\)\} \/>/);
  assert.ok(panel.includes('data-testid="schedule-not-deployed"'), 'no note that schedules wait for a deployment');
  assert.match(panel, /\{!deployed && \(/);
});

test('the panel lists, enables, disables and deletes through the api', () => {
  assert.ok(panel.includes("api.GET('/api/automations/{key}/schedules'"));
  assert.ok(panel.includes("api.PUT('/api/automations/{key}/schedules/{id}'"));
  assert.ok(panel.includes("api.DELETE('/api/automations/{key}/schedules/{id}'"));
  assert.ok(panel.includes("columns={['Name', 'When', 'Next fire', 'Enabled', 'Last fire', { hidden: 'Actions' }]}"));
  for (const shown of ['schedule.description', 'schedule.nextFireTimes[0]', 'schedule.lastFiredAt', 'schedule.lastError']) {
    assert.ok(panel.includes(shown), shown);
  }
  // A replace keeps the schedule's rule (or cron), zone and variables and flips enabled only.
  assert.ok(panel.includes('...(schedule.rule ? { rule: schedule.rule } : { cron: schedule.cron })'));
  assert.ok(panel.includes('variables: schedule.variables'));
});

test('changing schedules needs automations:write', () => {
  assert.ok(panel.includes("const canWrite = can('automations:write');"));
  assert.match(panel, /\{canWrite && !creating && \(/);
  assert.match(panel, /\{creating && canWrite && \(/);
  assert.match(panel, /<td className="actions-cell">\s*\{canWrite && \(/);
});

test('the form offers a rule at a time, a rule by interval and a cron expression', () => {
  assert.match(helpers, /\{ value: 'at', label: 'Every … at HH:MM' \}/);
  assert.match(helpers, /\{ value: 'interval', label: 'Every N minutes or hours' \}/);
  assert.match(helpers, /\{ value: 'cron', label: 'Cron expression' \}/);
  const every = openapi.components.schemas.ScheduleRule.properties.every.enum;
  for (const value of every) assert.ok(helpers.includes(`value: '${value}'`), `${value} is not offered`);
  assert.ok(helpers.includes('return { cron: timing.cron.trim() };'));
  assert.ok(helpers.includes('return { rule: { every: timing.day, at: timing.at } };'));
  assert.ok(helpers.includes('return { rule: { every: timing.unit, interval: Number.parseInt(timing.interval, 10) } };'));
  assert.ok(form.includes('type="time"'), 'the time of day is not a time input');
});

test('the time zone defaults to the browser’s', () => {
  assert.ok(helpers.includes('Intl.DateTimeFormat().resolvedOptions().timeZone'));
  assert.ok(helpers.includes('timeZone: browserTimeZone()'));
  assert.ok(form.includes('useState<Timing>(defaultTiming)'));
});

test('the preview is debounced, aborted when stale, and shows times in the schedule’s zone', () => {
  assert.ok(form.includes("api.GET('/api/schedule-preview', { params: { query }, signal: abort.signal })"));
  assert.match(form, /window\.setTimeout\(/);
  assert.match(form, /window\.clearTimeout\(timer\);\s*abort\.abort\(\);/);
  assert.ok(form.includes('fireTimeIn(time, preview.data.timeZone)'));
  assert.match(helpers, /new Intl\.DateTimeFormat\(undefined, \{[^}]*timeZone,/s);
  // The preview's query parameters are the ones the api documents.
  const names = openapi.paths['/api/schedule-preview'].get.parameters.map((parameter) => parameter.name);
  assert.deepEqual(names.sort(), ['at', 'cron', 'every', 'interval', 'timeZone']);
});

test('saving posts the schedule and shows the api’s messages at the fields', () => {
  assert.ok(form.includes("api.POST('/api/automations/{key}/schedules'"));
  assert.ok(form.includes('const errors = formErrorsOf(submission.errors);'));
  assert.ok(form.includes('<ScheduleTimingFields id={id} timing={timing} onChange={setTiming} errors={errors} />'));
  // Creating names rule fields rule.at, rule.every, rule.interval; the preview names them bare.
  assert.ok(helpers.includes("field.startsWith('rule.') ? field.slice('rule.'.length) : field"));
  for (const field of ['errors.cron', 'errors.at', 'errors.every', 'errors.interval', 'errors.timeZone', 'errors.name']) {
    assert.ok(form.includes(field), field);
  }
});

test('the panel and form carry the test ids the browser tests use', () => {
  const all = panel + form;
  for (const id of [
    'schedule-row',
    'schedule-create',
    'schedule-mode',
    'schedule-cron',
    'schedule-time-zone',
    'schedule-preview',
    'schedule-save',
  ]) {
    assert.ok(all.includes(`data-testid="${id}"`) || all.includes(`testId: '${id}'`), id);
  }
});
