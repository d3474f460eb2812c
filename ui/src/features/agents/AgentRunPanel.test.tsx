import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import AgentPage from './AgentPage';
import { anAgent, renderPage, sentTo, type FakeRoutes } from './agentTestKit';

/** Opens the agent's Run tab for a user who may run agents and read runs. */
async function openRunTab(routes: FakeRoutes, permissions = ['agents:read', 'agents:write', 'runs:read']) {
  const user = userEvent.setup();
  const sent = renderPage({
    page: <AgentPage title="AI Agent" />,
    route: '/agents/:id',
    path: '/agents/a-1',
    permissions,
    routes: { 'GET /api/agents/a-1': { body: anAgent() }, ...routes },
  });
  await user.click(await screen.findByTestId('agent-tab-run'));
  return { user, sent };
}

describe("running an agent and deciding on its tool calls", () => {
  afterEach(cleanup);

  it('runs the agent now with a prompt and opens the run on the Runs page', async () => {
    const { user, sent } = await openRunTab({
      'POST /api/agents/a-1/runs': { status: 201, body: { runId: '2251799813685772', sessionId: 's-9', version: 3 } },
    });

    await user.type(screen.getByTestId('agent-prompt'), 'How did last week go?');
    await user.click(screen.getByTestId('run-agent'));

    expect((await screen.findByTestId('agent-run-started')).textContent).toContain('settings version 3');
    expect(sentTo(sent, 'POST', '/api/agents/a-1/runs')[0].body).toEqual({ prompt: 'How did last week go?' });
    expect(screen.getByText(/appears there as its own “Act” step/)).toBeTruthy();
    await user.click(screen.getByRole('link', { name: 'Open the run' }));
    expect(await screen.findByTestId('run-page')).toBeTruthy();
  });

  it('runs the task prompt when the prompt is left empty, and says why a run did not start', async () => {
    const { user, sent } = await openRunTab({
      'POST /api/agents/a-1/runs': { status: 503, body: { status: 503, detail: 'The engine is not reachable.' } },
    });

    await user.click(screen.getByTestId('run-agent'));

    expect((await screen.findByTestId('agent-run-error')).textContent).toContain('The engine is not reachable.');
    expect(sentTo(sent, 'POST', '/api/agents/a-1/runs')[0].body).toEqual({});
    expect(screen.queryByTestId('agent-run-started')).toBeNull();
  });

  const waiting = {
    toolCallId: 'call_pause_1',
    tool: 'google_ads_pause_campaign',
    connector: 'google-ads',
    action: 'pause-campaign',
    arguments: '{"campaignId":"901"}',
    runId: '2251799813685772',
    sessionId: 's-9',
    askedAt: '2026-12-07T09:00:00Z',
  };

  it('lists the tool calls waiting for approval and approves one', async () => {
    let decided = false;
    const { user, sent } = await openRunTab({
      'GET /api/agents/a-1/approvals': () => ({ body: decided ? [] : [waiting] }),
      'POST /api/agents/a-1/approvals': () => {
        decided = true;
        return { status: 202 };
      },
    });

    const row = await screen.findByTestId('pending-approval');
    expect(row.textContent).toContain('google_ads_pause_campaign');
    expect(screen.getByTestId('pending-approval-arguments').textContent).toContain('"campaignId": "901"');
    expect(screen.getByRole('link', { name: 'run 2251799813685772' })).toBeTruthy();
    await user.click(screen.getByTestId('approve-tool-call'));

    expect((await screen.findByTestId('approval-sent')).textContent).toContain('Approved tool call call_pause_1');
    expect(sentTo(sent, 'POST', '/api/agents/a-1/approvals')[0].body).toEqual({
      toolCallId: 'call_pause_1',
      decision: 'APPROVED',
    });
    expect(await screen.findByTestId('no-pending-approvals')).toBeTruthy();
  });

  it('denies a tool call with a reason for the model', async () => {
    const { user, sent } = await openRunTab({
      'GET /api/agents/a-1/approvals': { body: [waiting] },
      'POST /api/agents/a-1/approvals': { status: 202 },
    });

    await user.type(await screen.findByTestId('approval-reason'), "Not before Friday's launch");
    await user.click(screen.getByTestId('deny-tool-call'));

    expect((await screen.findByTestId('approval-sent')).textContent).toContain('Denied tool call call_pause_1');
    expect(sentTo(sent, 'POST', '/api/agents/a-1/approvals')[0].body).toEqual({
      toolCallId: 'call_pause_1',
      decision: 'DENIED',
      reason: "Not before Friday's launch",
    });
  });

  it('shows why the api refused the decision', async () => {
    const detail = "The tool call 'call_pause_1' has its result already: it ran, or a decision on it was taken.";
    const { user } = await openRunTab({
      'GET /api/agents/a-1/approvals': { body: [waiting] },
      'POST /api/agents/a-1/approvals': { status: 409, body: { status: 409, field: 'toolCallId', detail } },
    });

    await user.click(await screen.findByTestId('approve-tool-call'));

    expect((await screen.findByTestId('approval-error')).textContent).toContain(detail);
    expect(screen.queryByTestId('approval-sent')).toBeNull();
  });

  it('shows what waits without the buttons to a user who may only read agents', async () => {
    await openRunTab({ 'GET /api/agents/a-1/approvals': { body: [waiting] } }, ['agents:read', 'runs:read']);

    expect((await screen.findByTestId('pending-approval')).textContent).toContain('google_ads_pause_campaign');
    expect(screen.queryByTestId('approve-tool-call')).toBeNull();
    expect(screen.queryByTestId('deny-tool-call')).toBeNull();
  });

  it('names the run without a link for a user who cannot open the Runs page', async () => {
    const { user } = await openRunTab(
      { 'POST /api/agents/a-1/runs': { status: 201, body: { runId: 'r-7', sessionId: 's-9', version: 3 } } },
      ['agents:read', 'agents:write'],
    );

    await user.click(screen.getByTestId('run-agent'));

    expect((await screen.findByTestId('agent-run-started')).textContent).toContain('Run r-7');
    expect(screen.queryByRole('link', { name: 'Open the run' })).toBeNull();
  });
});
