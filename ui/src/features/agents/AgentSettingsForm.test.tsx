import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { AgentConfig } from './agentForm';
import AgentPage from './AgentPage';
import {
  ADS_CONNECTION,
  anAgent,
  BLOG_CONNECTION,
  renderPage,
  sentTo,
  SLACK_CONNECTION,
  type FakeRoutes,
} from './agentTestKit';

function open(permissions: string[], routes: FakeRoutes = {}) {
  return renderPage({
    page: <AgentPage title="AI Agent" />,
    route: '/agents/:id',
    path: '/agents/a-1',
    permissions,
    routes: {
      'GET /api/agents/a-1': { body: anAgent() },
      'GET /api/agents/a-1/versions': {
        body: [
          { version: 3, config: anAgent().config, createdBy: 'acme-editor', createdAt: '2026-12-06T10:00:00Z' },
          { version: 2, config: anAgent().config, createdBy: 'acme-admin', createdAt: '2026-12-02T10:00:00Z' },
        ],
      },
      ...routes,
    },
  });
}

/** The toggle row of one connector action. */
const toolRow = (key: string) => screen.getAllByTestId('agent-tool').find((row) => row.dataset.tool === key)!;

const writer = ['agents:read', 'agents:write', 'runs:read'];

describe("an agent's settings", () => {
  afterEach(cleanup);

  it('shows the saved settings, its tools bound to their connections and its schedule in words', async () => {
    open(writer);

    expect(((await screen.findByTestId('agent-name')) as HTMLInputElement).value).toBe('Campaign analyst');
    expect((screen.getByTestId('agent-model-connection') as HTMLSelectElement).selectedOptions[0].text).toBe('OpenAI');
    const reads = toolRow('google-ads/list-campaigns');
    expect((within(reads).getByTestId('agent-tool-toggle') as HTMLInputElement).checked).toBe(true);
    expect((within(reads).getByTestId('agent-tool-connection') as HTMLSelectElement).value).toBe(ADS_CONNECTION);
    expect(within(reads).getByTestId('agent-tool-access').dataset.access).toBe('READ');
    expect((within(toolRow('wordpress/create-post')).getByTestId('agent-tool-toggle') as HTMLInputElement).checked).toBe(
      false,
    );
    expect(screen.getByTestId('agent-schedule-description').textContent).toContain(
      'every Monday at 09:00 (Europe/Berlin)',
    );
  });

  it('saves a new version with a write tool that needs approval, Slack delivery and new limits', async () => {
    const user = userEvent.setup();
    const sent = open(writer, {
      'PUT /api/agents/a-1': (request) => ({
        body: anAgent({
          currentVersion: 4,
          config: (request.body as { config: AgentConfig }).config,
          scheduleDescription: 'every weekday at 08:30 (Europe/Berlin)',
        }),
      }),
    });

    const temperature = await screen.findByTestId('agent-temperature');
    await user.clear(temperature);
    await user.type(temperature, '0.3');
    const post = toolRow('wordpress/create-post');
    await user.click(within(post).getByTestId('agent-tool-toggle'));
    // The catalog says the action writes: the form neither asks nor lets it be marked read.
    expect(within(post).getByTestId('agent-tool-access').dataset.access).toBe('WRITE');
    expect((within(post).getByTestId('agent-tool-approval') as HTMLInputElement).checked).toBe(true);
    await user.clear(screen.getByTestId('agent-cron'));
    await user.type(screen.getByTestId('agent-cron'), '30 8 * * MON-FRI');
    await user.selectOptions(screen.getByTestId('agent-delivery'), 'SLACK');
    await user.selectOptions(screen.getByTestId('agent-delivery-connection'), 'Team Slack');
    await user.type(screen.getByTestId('agent-delivery-channel'), '#marketing');
    await user.clear(screen.getByTestId('agent-max-tool-calls'));
    await user.type(screen.getByTestId('agent-max-tool-calls'), '5');
    await user.click(screen.getByTestId('save-agent'));

    expect((await screen.findByTestId('agent-saved')).textContent).toContain('version 4');
    expect(screen.getByTestId('agent-schedule-description').textContent).toContain('every weekday at 08:30');
    const { config } = sentTo(sent, 'PUT', '/api/agents/a-1')[0].body as { config: AgentConfig };
    expect(config.model.temperature).toBe(0.3);
    expect(config.tools).toEqual([
      { connector: 'google-ads', action: 'list-campaigns', connectionId: ADS_CONNECTION, access: 'READ', requiresApproval: false },
      { connector: 'wordpress', action: 'create-post', connectionId: BLOG_CONNECTION, access: 'WRITE', requiresApproval: true },
    ]);
    expect(config.schedule).toEqual({ cron: '30 8 * * MON-FRI', timeZone: 'Europe/Berlin' });
    expect(config.delivery).toEqual({ kind: 'SLACK', connectionId: SLACK_CONNECTION, channel: '#marketing' });
    expect(config.limits).toEqual({ maxModelCalls: 10, maxToolCalls: 5, maxTokens: 50000 });
  });

  it("shows the api's refusal at the field it names: the second tool's connection", async () => {
    const user = userEvent.setup();
    open(writer, {
      'PUT /api/agents/a-1': {
        status: 422,
        body: {
          status: 422,
          title: 'Unprocessable Entity',
          field: 'config.tools[1].connectionId',
          detail: "'Blog' is a wordpress connection; this tool needs one of google-ads.",
        },
      },
    });

    await screen.findAllByTestId('agent-tool');
    const pause = toolRow('google-ads/pause-campaign');
    await user.click(within(pause).getByTestId('agent-tool-toggle'));
    await user.click(screen.getByTestId('save-agent'));

    const connection = await within(pause).findByTestId('agent-tool-connection');
    await within(pause).findByText("'Blog' is a wordpress connection; this tool needs one of google-ads.");
    expect(connection.getAttribute('aria-invalid')).toBe('true');
    expect(within(toolRow('google-ads/list-campaigns')).getByTestId('agent-tool-connection').getAttribute('aria-invalid')).toBeNull();
    expect(screen.getByTestId('agent-save-error').textContent).toContain('The settings were not saved');
  });

  it('shows a 400 problem+json validation error at the schedule and keeps the settings', async () => {
    const user = userEvent.setup();
    open(writer, {
      'PUT /api/agents/a-1': {
        status: 400,
        body: {
          status: 400,
          detail: 'The settings are not valid.',
          errors: [{ field: 'config.schedule.cron', message: "'every monday' is not a cron expression." }],
        },
      },
    });

    const cron = await screen.findByTestId('agent-cron');
    await user.clear(cron);
    await user.type(cron, 'every monday');
    await user.click(screen.getByTestId('save-agent'));

    expect(await screen.findByText("'every monday' is not a cron expression.")).toBeTruthy();
    expect(cron.getAttribute('aria-invalid')).toBe('true');
    expect((cron as HTMLInputElement).value).toBe('every monday');
  });

  it('lists the versions of the settings with who saved each and when', async () => {
    const user = userEvent.setup();
    open(writer);
    await user.click(await screen.findByTestId('agent-tab-versions'));

    const rows = await screen.findAllByTestId('agent-version-row');
    expect(rows.map((row) => row.dataset.version)).toEqual(['3', '2']);
    expect(within(rows[0]).getByText('acme-editor')).toBeTruthy();
    expect(within(rows[0]).getByText('current')).toBeTruthy();
    expect(within(rows[1]).getByText('acme-admin')).toBeTruthy();
  });

  it('lists the sessions, the latest first', async () => {
    const user = userEvent.setup();
    const session = (id: string, title: string, origin: string) => ({
      id,
      title,
      origin,
      startedBy: 'acme-editor',
      messages: 4,
      createdAt: '2026-12-06T10:00:00Z',
      lastMessageAt: '2026-12-06T10:05:00Z',
    });
    open(writer, {
      'GET /api/agents/a-1/sessions': {
        body: { items: [session('s-2', 'Pause the losers', 'MANUAL'), session('s-1', 'Schedule', 'SCHEDULE')], page: 0, size: 25, total: 2 },
      },
    });
    await user.click(await screen.findByTestId('agent-tab-sessions'));

    const rows = await screen.findAllByTestId('agent-session-row');
    expect(rows).toHaveLength(2);
    expect(within(rows[0]).getByText('Pause the losers')).toBeTruthy();
    expect(within(rows[1]).getByText('SCHEDULE')).toBeTruthy();
  });

  it('shows everything to a read-only user and no button that would fail', async () => {
    const user = userEvent.setup();
    open(['agents:read', 'runs:read']);

    // The settings' fieldset is disabled, and with it every control in it.
    expect((await screen.findByTestId('agent-name')).matches(':disabled')).toBe(true);
    expect(screen.getByTestId('agent-cron').matches(':disabled')).toBe(true);
    expect(screen.getAllByTestId('agent-tool-toggle').every((toggle) => toggle.matches(':disabled'))).toBe(true);
    expect(screen.queryByTestId('save-agent')).toBeNull();
    expect(screen.queryByTestId('delete-agent')).toBeNull();

    await user.click(screen.getByTestId('agent-tab-run'));
    expect(screen.getByTestId('agent-run-read-only')).toBeTruthy();
    expect(screen.queryByTestId('run-agent')).toBeNull();
    expect(screen.queryByTestId('approve-tool-call')).toBeNull();
    expect(screen.queryByTestId('deny-tool-call')).toBeNull();
  });

  it('dry-runs a saved tool with sample input and shows what its step would send, sending nothing', async () => {
    const user = userEvent.setup();
    const sent = open(writer, {
      'POST /api/agents/a-1/dry-run': (request) =>
        (request.body as { input: { resource?: unknown } }).input.resource === ''
          ? { status: 400, body: { status: 400, field: 'input.resource', detail: "'resource' (Resource) is required." } }
          : {
              body: {
                tool: 'google_ads_list_campaigns',
                description: 'Google Ads: Read campaigns',
                inputs: [],
                connector: 'google-ads',
                action: 'list-campaigns',
                access: 'READ',
                requiresApproval: false,
                connectionId: ADS_CONNECTION,
                connectionName: 'Ads account',
                wouldSend: { resource: 'campaigns', connection: 'Ads account' },
                dropped: [],
                sent: false,
              },
            },
    });

    await screen.findAllByTestId('agent-tool');
    const reads = toolRow('google-ads/list-campaigns');
    await user.click(within(reads).getByTestId('agent-tool-dry-run-open'));
    // Unsaved tools have no dry run yet: the settings must be saved first.
    expect(within(toolRow('wordpress/create-post')).queryByTestId('agent-tool-dry-run-open')).toBeNull();
    const input = within(reads).getByTestId('agent-tool-dry-run-input') as HTMLTextAreaElement;
    expect(JSON.parse(input.value)).toEqual({ resource: '' });
    await user.click(within(reads).getByTestId('agent-tool-dry-run-send'));
    await within(reads).findByText("'resource' (Resource) is required.");
    expect(input.getAttribute('aria-invalid')).toBe('true');

    await user.clear(input);
    await user.type(input, '{{"resource": "campaigns"}');
    await user.click(within(reads).getByTestId('agent-tool-dry-run-send'));

    const result = await within(reads).findByTestId('agent-tool-dry-run-result');
    expect(result.textContent).toContain('Nothing was sent.');
    expect(result.textContent).toContain('Ads account');
    expect(result.textContent).toContain('"resource": "campaigns"');
    expect(sentTo(sent, 'POST', '/api/agents/a-1/dry-run')[1].body).toEqual({
      tool: 'google_ads_list_campaigns',
      input: { resource: 'campaigns' },
    });
    expect(sentTo(sent, 'PUT', '/api/agents/a-1')).toHaveLength(0);
  });
});
