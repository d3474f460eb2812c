import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import AgentPage from './AgentPage';
import {
  ADS_CONNECTION,
  anAgent,
  fakeEventStream,
  messageEvent,
  renderPage,
  sentTo,
  tokenEvent,
  type FakeEventStream,
  type FakeRoutes,
} from './agentTestKit';

const NEW_CHAT = '66666666-6666-4666-8666-666666666666';
const EARLIER = '77777777-7777-4777-8777-777777777777';

/** The agent of the chat: it reads campaigns freely, and pausing one waits for a person's approval. */
const agent = anAgent({
  config: {
    ...anAgent().config,
    tools: [
      ...(anAgent().config.tools ?? []),
      {
        connector: 'google-ads',
        action: 'pause-campaign',
        connectionId: ADS_CONNECTION,
        access: 'WRITE',
        requiresApproval: true,
        name: 'google_ads_pause_campaign',
      },
    ],
  },
});

const earlierSession = {
  id: EARLIER,
  origin: 'CHAT',
  title: 'Last week in ads',
  startedBy: 'acme-editor',
  messages: 4,
  createdAt: '2026-12-05T09:00:00Z',
  lastMessageAt: '2026-12-05T09:05:00Z',
};

/** Opens the agent's Chat tab; each session's events come from a stream the test writes to. */
async function openChat(permissions = ['agents:read', 'agents:write', 'runs:read'], routes: FakeRoutes = {}) {
  const user = userEvent.setup();
  const streams: Record<string, FakeEventStream> = {};
  const events = (session: string) => () => {
    streams[session] = fakeEventStream();
    return { stream: streams[session].stream };
  };
  const sent = renderPage({
    page: <AgentPage title="AI Agent" />,
    route: '/agents/:id',
    path: '/agents/a-1',
    permissions,
    routes: {
      'GET /api/agents/a-1': { body: agent },
      'GET /api/agents/a-1/sessions': { body: { items: [earlierSession], page: 0, size: 50, total: 1 } },
      [`GET /api/agents/a-1/sessions/${NEW_CHAT}/events`]: events(NEW_CHAT),
      [`GET /api/agents/a-1/sessions/${EARLIER}/events`]: events(EARLIER),
      ...routes,
    },
  });
  await user.click(await screen.findByTestId('agent-tab-chat'));
  await waitFor(() => expect(streams[NEW_CHAT]).toBeDefined());
  return { user, sent, streams };
}

const pauseCall = messageEvent({
  id: 2,
  role: 'TOOL_CALL',
  content: {
    calls: [{ id: 'call_pause_1', name: 'google_ads_pause_campaign', arguments: '{"campaignId":"42"}' }],
  },
});

describe('chatting with an agent', () => {
  beforeEach(() => {
    vi.spyOn(crypto, 'randomUUID').mockReturnValue(NEW_CHAT);
  });
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });

  it('sends a message in a new chat and shows the answer growing as it is generated', async () => {
    const { user, sent, streams } = await openChat(undefined, {
      'POST /api/agents/a-1/runs': { status: 201, body: { runId: 'run-1', sessionId: NEW_CHAT, version: 3 } },
    });
    expect(screen.getByTestId('chat-empty')).toBeTruthy();

    await user.type(screen.getByTestId('chat-prompt'), 'How did last week go?');
    await user.click(screen.getByTestId('chat-send'));

    await waitFor(() =>
      expect(sentTo(sent, 'POST', '/api/agents/a-1/runs')[0]?.body).toEqual({
        prompt: 'How did last week go?',
        sessionId: NEW_CHAT,
      }),
    );
    expect((screen.getByTestId('chat-prompt') as HTMLTextAreaElement).value).toBe('');

    streams[NEW_CHAT].send(messageEvent({ id: 1, role: 'USER', content: { text: 'How did last week go?' } }));
    expect((await screen.findByTestId('chat-user')).textContent).toBe('How did last week go?');

    streams[NEW_CHAT].send(tokenEvent('Clicks '));
    expect((await screen.findByTestId('chat-streaming')).textContent).toBe('Clicks ');
    streams[NEW_CHAT].send(tokenEvent('were up'));
    await waitFor(() => expect(screen.getByTestId('chat-streaming').textContent).toBe('Clicks were up'));

    streams[NEW_CHAT].send(messageEvent({ id: 2, role: 'ASSISTANT', content: { text: 'Clicks were up 12%.' } }));
    expect((await screen.findByTestId('chat-assistant')).textContent).toBe('Clicks were up 12%.');
    expect(screen.queryByTestId('chat-streaming')).toBeNull();

    await user.click(screen.getByRole('link', { name: 'Run run-1' }));
    expect(await screen.findByTestId('run-page')).toBeTruthy();
  });

  it('shows a tool call that waits for approval with its arguments, and approves it', async () => {
    const { user, sent, streams } = await openChat(undefined, { 'POST /api/agents/a-1/approvals': { status: 202 } });

    streams[NEW_CHAT].send(
      messageEvent({ id: 1, role: 'USER', content: { text: 'Pause campaign 42' } }) + pauseCall,
    );

    const call = await screen.findByTestId('chat-tool-call');
    expect(call.textContent).toContain('google_ads_pause_campaign');
    expect(call.textContent).toContain('"campaignId": "42"');
    expect(call.textContent).toContain('waits for approval');
    await user.click(within(call).getByTestId('chat-approve'));

    expect((await screen.findByTestId('chat-decision-sent')).textContent).toContain('Approved');
    expect(sentTo(sent, 'POST', '/api/agents/a-1/approvals')[0].body).toEqual({
      toolCallId: 'call_pause_1',
      decision: 'APPROVED',
    });

    streams[NEW_CHAT].send(
      messageEvent({
        id: 3,
        role: 'TOOL_RESULT',
        content: { toolCallId: 'call_pause_1', toolName: 'google_ads_pause_campaign', content: '{"paused":true}' },
      }),
    );
    expect((await screen.findByTestId('chat-tool-result')).textContent).toContain('{"paused":true}');
    expect(screen.queryByText('waits for approval')).toBeNull();
    expect(screen.queryByTestId('chat-decision-sent')).toBeNull();
  });

  it('denies a tool call with a reason for the model', async () => {
    const { user, sent, streams } = await openChat(undefined, { 'POST /api/agents/a-1/approvals': { status: 202 } });
    streams[NEW_CHAT].send(pauseCall);

    await user.click(await screen.findByTestId('chat-deny'));
    await user.type(screen.getByTestId('chat-deny-reason'), "Not before Friday's launch");
    await user.click(screen.getByTestId('chat-confirm-deny'));

    expect((await screen.findByTestId('chat-decision-sent')).textContent).toContain('Denied');
    expect(sentTo(sent, 'POST', '/api/agents/a-1/approvals')[0].body).toEqual({
      toolCallId: 'call_pause_1',
      decision: 'DENIED',
      reason: "Not before Friday's launch",
    });
  });

  it('shows a tool call that needs no approval without buttons, and says why a message was not sent', async () => {
    const { user, streams } = await openChat(undefined, {
      'POST /api/agents/a-1/runs': { status: 503, body: { status: 503, detail: 'The engine is not reachable.' } },
    });
    streams[NEW_CHAT].send(
      messageEvent({
        id: 1,
        role: 'TOOL_CALL',
        content: { calls: [{ id: 'call_list_1', name: 'google_ads_list_campaigns', arguments: '{}' }] },
      }),
    );
    expect((await screen.findByTestId('chat-tool-call')).textContent).toContain('google_ads_list_campaigns');
    expect(screen.queryByTestId('chat-approve')).toBeNull();

    await user.click(screen.getByTestId('chat-send'));
    expect(screen.getByText('Write a message to the agent.')).toBeTruthy();
    await user.type(screen.getByTestId('chat-prompt'), 'Hello');
    await user.click(screen.getByTestId('chat-send'));
    expect((await screen.findByTestId('chat-send-error')).textContent).toContain('The engine is not reachable.');
  });

  it('opens an earlier conversation from the picker and follows it', async () => {
    const { user, sent, streams } = await openChat();

    const picker = screen.getByTestId('chat-session') as HTMLSelectElement;
    await waitFor(() => expect(picker.options).toHaveLength(2));
    expect(picker.options[0].textContent).toBe('New chat');
    expect(picker.options[1].textContent).toContain('Last week in ads');
    await user.selectOptions(picker, EARLIER);

    await waitFor(() => expect(streams[EARLIER]).toBeDefined());
    streams[EARLIER].send(messageEvent({ id: 1, role: 'USER', content: { text: 'And the week before?' } }));
    expect((await screen.findByTestId('chat-user')).textContent).toBe('And the week before?');
    expect(sentTo(sent, 'GET', `/api/agents/a-1/sessions/${EARLIER}/events`)[0].query.get('after')).toBe('0');
    expect(sentTo(sent, 'GET', '/api/agents/a-1/sessions')[0].query.get('size')).toBe('50');
  });

  it('shows read-only users the conversation without a message box or approval buttons', async () => {
    const { streams } = await openChat(['agents:read']);
    streams[NEW_CHAT].send(messageEvent({ id: 1, role: 'USER', content: { text: 'Pause campaign 42' } }) + pauseCall);

    expect((await screen.findByTestId('chat-tool-call')).textContent).toContain('waits for approval');
    expect(screen.getByTestId('chat-read-only')).toBeTruthy();
    expect(screen.queryByTestId('chat-prompt')).toBeNull();
    expect(screen.queryByTestId('chat-approve')).toBeNull();
    expect(screen.queryByTestId('chat-deny')).toBeNull();
    expect(screen.queryByRole('link', { name: 'Run run-1' })).toBeNull();
    expect(screen.getByText('Run run-1')).toBeTruthy();
  });
});
