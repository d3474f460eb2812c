import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { anAgent, MODEL_CONNECTION, renderPage, sentTo, type Sent } from './agentTestKit';
import AgentsPage from './AgentsPage';

const reporter = anAgent({
  id: 'a-2',
  name: 'Weekly reporter',
  config: { ...anAgent().config, name: 'Weekly reporter', model: { connectionId: MODEL_CONNECTION }, tools: [] },
  scheduleDescription: undefined,
});

/** GET /api/agents answered from two agents, filtered by `q`, 25 a page of a 30-agent total. */
function listed(sent: Sent) {
  const q = sent.query.get('q')?.toLowerCase();
  const items = [anAgent(), reporter].filter((agent) => !q || agent.name.toLowerCase().includes(q));
  return { body: { items, page: Number(sent.query.get('page') ?? 0), size: 25, total: q ? items.length : 30 } };
}

function open(permissions: string[]) {
  return renderPage({
    page: <AgentsPage title="AI Agents" />,
    route: '/agents',
    path: '/agents',
    permissions,
    routes: {
      'GET /api/agents': listed,
      'POST /api/agents': (sent) => ({ status: 201, body: anAgent({ id: 'a-new', ...(sent.body as object) }) }),
    },
  });
}

describe('the AI Agents list', () => {
  afterEach(cleanup);

  it("shows each agent's model, tools, schedule in words and last change", async () => {
    open(['agents:read', 'agents:write']);

    const rows = await screen.findAllByTestId('agent-row');
    expect(rows).toHaveLength(2);
    expect(within(rows[0]).getByRole('link', { name: 'Campaign analyst' }).getAttribute('href')).toBe('/agents/a-1');
    expect(within(rows[0]).getByText('gpt-4o-mini')).toBeTruthy();
    expect(within(rows[0]).getByTestId('agent-tools-count').textContent).toBe('1');
    expect(within(rows[0]).getByTestId('agent-schedule').textContent).toBe('every Monday at 09:00 (Europe/Berlin)');
    expect(within(rows[0]).getByText('by acme-editor')).toBeTruthy();
    expect(within(rows[1]).getByText('Connection default')).toBeTruthy();
    expect(within(rows[1]).getByTestId('agent-schedule').textContent).toBe('Runs when started');
  });

  it('searches by name and pages through the agents', async () => {
    const user = userEvent.setup();
    const sent = open(['agents:read']);
    await screen.findAllByTestId('agent-row');

    await user.click(screen.getByTestId('agents-next'));
    await screen.findByText('26–27 of 30');
    expect(sentTo(sent, 'GET', '/api/agents').at(-1)!.query.get('page')).toBe('1');

    await user.type(screen.getByTestId('agent-search'), 'weekly{Enter}');
    await screen.findByText('1–1 of 1');
    const last = sentTo(sent, 'GET', '/api/agents').at(-1)!;
    expect(last.query.get('q')).toBe('weekly');
    expect(last.query.get('page')).toBe('0');
    expect(screen.getAllByTestId('agent-row')).toHaveLength(1);
  });

  it('offers New agent to writers only', async () => {
    open(['agents:read']);
    await screen.findAllByTestId('agent-row');
    expect(screen.queryByTestId('create-agent')).toBeNull();
    cleanup();

    open(['agents:read', 'agents:write']);
    expect(await screen.findByTestId('create-agent')).toBeTruthy();
  });

  it('creates an agent from its name, role and model connection, then opens it', async () => {
    const user = userEvent.setup();
    const sent = open(['agents:read', 'agents:write']);
    await user.click(await screen.findByTestId('create-agent'));

    await user.type(await screen.findByTestId('agent-name'), 'Campaign analyst');
    await user.type(screen.getByTestId('agent-role'), 'You are a witty marketing expert.');
    await user.selectOptions(screen.getByTestId('agent-model-connection'), 'OpenAI');
    await user.click(screen.getByTestId('create-agent-submit'));

    expect(await screen.findByTestId('agent-page')).toBeTruthy();
    const body = sentTo(sent, 'POST', '/api/agents')[0].body as { config: Record<string, unknown> };
    expect(body.config).toMatchObject({
      name: 'Campaign analyst',
      role: 'You are a witty marketing expert.',
      model: { connectionId: MODEL_CONNECTION },
      tools: [],
      delivery: { kind: 'RUN' },
    });
    expect(body.config.schedule).toBeUndefined();
  });

  it("says at the fields what a new agent lacks, without asking the api", async () => {
    const user = userEvent.setup();
    const sent = open(['agents:read', 'agents:write']);
    await user.click(await screen.findByTestId('create-agent'));
    await user.click(await screen.findByTestId('create-agent-submit'));

    expect(screen.getByText('Give the agent a name.')).toBeTruthy();
    expect(screen.getByTestId('agent-model-connection').getAttribute('aria-invalid')).toBe('true');
    expect(sentTo(sent, 'POST', '/api/agents')).toHaveLength(0);
  });
});
