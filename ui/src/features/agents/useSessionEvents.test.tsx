import { cleanup, renderHook, waitFor } from '@testing-library/react';
import type Keycloak from 'keycloak-js';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { SessionProvider } from '../auth/session';
import { fakeApi, fakeEventStream, messageEvent, tokenEvent, type FakeEventStream } from './agentTestKit';
import { eventParser, useSessionEvents, type ServerEvent } from './useSessionEvents';

const SESSION = '55555555-5555-4555-8555-555555555555';
const EVENTS = `GET /api/agents/a-1/sessions/${SESSION}/events`;

/** Follows the session against the fake api; each request for its events gets the next stream. */
function follow() {
  const streams: FakeEventStream[] = [];
  const { api, sent } = fakeApi({
    [EVENTS]: () => {
      const next = fakeEventStream();
      streams.push(next);
      return { stream: next.stream };
    },
  });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <SessionProvider session={{ api, keycloak: {} as Keycloak, signOut: () => {} }}>{children}</SessionProvider>
  );
  const hook = renderHook(() => useSessionEvents('a-1', SESSION, 5), { wrapper });
  return { hook, sent, streams };
}

describe('following a session of an agent', () => {
  afterEach(cleanup);

  it('reads events split anywhere across the chunks of the stream', async () => {
    const { hook, streams } = follow();
    await waitFor(() => expect(streams).toHaveLength(1));
    const text =
      messageEvent({ id: 1, role: 'USER', content: { text: 'How did last week go?' } }) +
      ': a comment keeps the connection open\n\n' +
      tokenEvent('Clicks ') +
      tokenEvent('were up');
    for (const chunk of [text.slice(0, 7), text.slice(7, 30), text.slice(30, 31), text.slice(31, 140), text.slice(140)]) {
      streams[0].send(chunk);
    }

    await waitFor(() => expect(hook.result.current.pieces).toEqual({ 'run-1': 'Clicks were up' }));
    expect(hook.result.current.messages).toEqual([
      { id: 1, role: 'USER', content: { text: 'How did last week go?' }, runId: 'run-1', createdAt: '2026-12-07T10:00:00Z' },
    ]);

    streams[0].send(messageEvent({ id: 2, role: 'ASSISTANT', content: { text: 'Clicks were up 12%.' } }));

    await waitFor(() => expect(hook.result.current.messages.map((message) => message.id)).toEqual([1, 2]));
    expect(hook.result.current.pieces).toEqual({});
  });

  it('follows again from the last message when the stream ends, without repeating a message', async () => {
    const { hook, sent, streams } = follow();
    await waitFor(() => expect(streams).toHaveLength(1));
    streams[0].send(messageEvent({ id: 7, role: 'USER', content: { text: 'Pause it' } }));
    streams[0].close();

    await waitFor(() => expect(streams).toHaveLength(2));
    const requests = sent.filter((request) => request.path.endsWith('/events'));
    expect(requests.map((request) => request.query.get('after'))).toEqual(['0', '7']);
    streams[1].send(messageEvent({ id: 7, role: 'USER', content: { text: 'Pause it' } }));
    streams[1].send(messageEvent({ id: 8, role: 'ASSISTANT', content: { text: 'Paused.' } }));

    await waitFor(() => expect(hook.result.current.messages.map((message) => message.id)).toEqual([7, 8]));
  });

  it('says why when the api refuses to stream the session, and stops asking', async () => {
    const { api, sent } = fakeApi({ [EVENTS]: { status: 403, body: { status: 403, detail: 'Needs agents:read.' } } });
    const wrapper = ({ children }: { children: ReactNode }) => (
      <SessionProvider session={{ api, keycloak: {} as Keycloak, signOut: () => {} }}>{children}</SessionProvider>
    );
    const hook = renderHook(() => useSessionEvents('a-1', SESSION, 5), { wrapper });

    await waitFor(() => expect(hook.result.current.failure).toContain('Needs agents:read.'));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(sent.filter((request) => request.path.endsWith('/events'))).toHaveLength(1);
  });
});

describe('the server-sent events parser', () => {
  it('joins data lines, keeps the id and name, skips comments and handles CRLF split between pieces', () => {
    const events: ServerEvent[] = [];
    const feed = eventParser((event) => events.push(event));

    feed('id: 3\r');
    feed('\nevent: token\r\ndata: {"a":\r\ndata:1}\r');
    feed('\n\r\n:ping\n\ndata:plain\n');
    expect(events).toEqual([{ event: 'token', data: '{"a":\n1}', id: '3' }]);
    feed('\n');
    expect(events[1]).toEqual({ event: 'message', data: 'plain', id: '3' });
  });
});
