import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { anAgent, renderPage, sentTo } from '../agents/agentTestKit';
import { CreateWebhookForm } from './CreateWebhookForm';

const created = {
  listener: { id: 'l-1', name: 'Orders', url: 'http://brain.test/hooks/x', agentId: 'a-1', agentName: 'Campaign analyst' },
  secret: 'whsec_0123456789abcdef',
};

/** The form as a user with `permissions` sees it, against a fake api with one agent. */
function open(permissions: string[]) {
  return renderPage({
    page: <CreateWebhookForm onCreated={() => {}} onCancel={() => {}} />,
    route: '/new',
    path: '/new',
    permissions,
    routes: {
      'GET /api/agents': { body: { items: [anAgent()], page: 0, size: 200, total: 1 } },
      'POST /api/webhooks': { status: 201, body: created },
    },
  });
}

describe('a new webhook listener', () => {
  afterEach(cleanup);

  it('starts an agent: chosen by name, sent as agentId with START and no automation', async () => {
    const user = userEvent.setup();
    const sent = open(['webhooks:write', 'agents:read']);

    await user.type(screen.getByTestId('webhook-name'), 'Orders');
    await user.selectOptions(await screen.findByTestId('webhook-target-kind'), 'AGENT');
    expect(screen.queryByTestId('webhook-automation')).toBeNull();
    expect(screen.queryByTestId('webhook-mode')).toBeNull();
    await user.click(screen.getByTestId('submit-webhook'));
    expect(await screen.findByText('Choose the agent each webhook starts.')).toBeTruthy();

    await user.selectOptions(screen.getByTestId('webhook-agent'), 'Campaign analyst');
    await user.click(screen.getByTestId('submit-webhook'));

    await screen.findByTestId('submit-webhook');
    const body = sentTo(sent, 'POST', '/api/webhooks')[0].body as Record<string, unknown>;
    expect(body.agentId).toBe('a-1');
    expect(body.mode).toBe('START');
    expect(body).not.toHaveProperty('automationKey');
  });

  it('offers only automations to a user who cannot read agents', async () => {
    const sent = open(['webhooks:write']);

    expect(await screen.findByTestId('webhook-automation')).toBeTruthy();
    expect(screen.queryByTestId('webhook-target-kind')).toBeNull();
    expect(sentTo(sent, 'GET', '/api/agents')).toHaveLength(0);
  });
});
