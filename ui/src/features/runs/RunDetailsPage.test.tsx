import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { renderPage, sentTo } from '../agents/agentTestKit';
import RunDetailsPage from './RunDetailsPage';

const run = {
  id: 'r-1',
  automation: 'brain-agent-campaign-analyst',
  version: 1,
  state: 'ACTIVE',
  start: { kind: 'BRAIN', by: 'acme-editor' },
  startedAt: '2026-12-07T09:00:00Z',
  variables: { agentId: 'a-1', sessionId: 's-9' },
  omittedVariables: [],
  steps: [{ id: 's-1', elementId: 'await-approval', name: 'Await approval', type: 'receiveTask', outcome: 'ACTIVE' }],
  incidents: [],
};

const call = (toolCallId: string, runId: string) => ({
  toolCallId,
  tool: 'google_ads_pause_campaign',
  connector: 'google-ads',
  action: 'pause-campaign',
  arguments: '{"campaignId":"901"}',
  runId,
  sessionId: 's-9',
  askedAt: '2026-12-07T09:00:05Z',
});

describe("an agent's run page", () => {
  afterEach(cleanup);

  it('lists the tool calls this run waits on and sends the decision', async () => {
    const user = userEvent.setup();
    const sent = renderPage({
      page: <RunDetailsPage title="Run" />,
      route: '/run/:id',
      path: '/run/r-1',
      permissions: ['runs:read', 'agents:read', 'agents:write'],
      routes: {
        'GET /api/runs/r-1': { body: run },
        'GET /api/agents/a-1/approvals': { body: [call('call_1', 'r-1'), call('call_other', 'r-2')] },
        'POST /api/agents/a-1/approvals': { status: 202 },
      },
    });

    const waiting = await screen.findAllByTestId('pending-approval');
    expect(waiting).toHaveLength(1);
    expect(waiting[0].dataset.toolCall).toBe('call_1');
    await user.type(screen.getByTestId('approval-reason'), 'Not this week');
    await user.click(screen.getByTestId('deny-tool-call'));

    expect((await screen.findByTestId('approval-sent')).textContent).toContain('Denied tool call call_1');
    expect(sentTo(sent, 'POST', '/api/agents/a-1/approvals')[0].body).toEqual({
      toolCallId: 'call_1',
      decision: 'DENIED',
      reason: 'Not this week',
    });
  });

  it('shows no approvals to a user who cannot read agents', async () => {
    renderPage({
      page: <RunDetailsPage title="Run" />,
      route: '/run/:id',
      path: '/run/r-1',
      permissions: ['runs:read'],
      routes: { 'GET /api/runs/r-1': { body: run } },
    });

    expect(await screen.findByText('Await approval')).toBeTruthy();
    expect(screen.queryByTestId('pending-approvals')).toBeNull();
  });
});
