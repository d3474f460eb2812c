import { useEffect, useState } from 'react';
import { call } from '../../api/result';
import { useApi } from '../auth/session';

/** A tool the model calls: the call's id (for approval), the tool's name and its JSON arguments. */
export interface ToolCall {
  id: string;
  name: string;
  arguments: unknown;
}

/**
 * A message of a session as the api's event stream sends it (`SessionMessage`; server-sent
 * events are not described by the OpenAPI document, so their data is typed here).
 */
export type SessionMessage = {
  /** Its place in the session's order. */
  id: number;
  runId: string | null;
  createdAt: string;
} & (
  | { role: 'USER' | 'ASSISTANT'; content: { text?: string } }
  | { role: 'TOOL_CALL'; content: { calls?: ToolCall[] } }
  | { role: 'TOOL_RESULT'; content: { toolCallId?: string; toolName?: string; content?: string } }
);

/** A session as its chat follows it. */
export interface SessionEvents {
  /** Its messages in order, the ones said before first. */
  messages: SessionMessage[];
  /** The answers being generated, by run: the pieces so far, until the run's message arrives. */
  pieces: Record<string, string>;
  /** Why the stream is away (it reconnects by itself unless the api refused it). */
  failure?: string;
}

/** One server-sent event: its name (`message` by default), its data and its id. */
export interface ServerEvent {
  event: string;
  data: string;
  id?: string;
}

/** How long to wait before following again after the stream broke or ended. */
const RETRY_MS = 2000;
const MOST_RETRY_MS = 30_000;

/**
 * Follows an agent's session (GET /api/agents/{id}/sessions/{sessionId}/events): its messages
 * and the pieces of the answer being generated. The typed client reads the stream, so the request
 * carries the bearer token a native EventSource could not send; when the stream ends or breaks it
 * follows again from the last message it has.
 */
export function useSessionEvents(agentId: string, sessionId: string, retryMs = RETRY_MS): SessionEvents {
  const api = useApi();
  const [events, setEvents] = useState<SessionEvents & { of: string }>({ of: '', messages: [], pieces: {} });

  useEffect(() => {
    const abort = new AbortController();
    const of = `${agentId}/${sessionId}`;
    let lastId = 0;
    setEvents({ of, messages: [], pieces: {} });

    const receive = ({ event, data }: ServerEvent) => {
      if (event === 'message') {
        const message = parse<SessionMessage>(data);
        if (!message || message.id <= lastId) return;
        lastId = message.id;
        setEvents((now) => ({
          ...now,
          failure: undefined,
          messages: [...now.messages, message],
          pieces: answered(now.pieces, message),
        }));
      } else if (event === 'token') {
        const token = parse<{ runId: string; text: string }>(data);
        if (!token?.text) return;
        setEvents((now) => ({
          ...now,
          pieces: { ...now.pieces, [token.runId]: (now.pieces[token.runId] ?? '') + token.text },
        }));
      }
    };

    const follow = async () => {
      let wait = retryMs;
      while (!abort.signal.aborted) {
        const result = await call(
          'Following the conversation',
          api.GET('/api/agents/{id}/sessions/{sessionId}/events', {
            params: { path: { id: agentId, sessionId }, query: { after: lastId } },
            headers: { Accept: 'text/event-stream' },
            parseAs: 'stream',
            signal: abort.signal,
          }),
        );
        if (abort.signal.aborted) return;
        if (result.ok && result.data) {
          wait = retryMs;
          setEvents((now) => ({ ...now, failure: undefined }));
          try {
            await readEvents(result.data, abort.signal, receive);
          } catch {
            // The connection broke; follow again below.
          }
        } else if (!result.ok) {
          setEvents((now) => ({ ...now, failure: result.problem.summary }));
          // The api refused (no such agent, no permission): following again would not help.
          const status = result.problem.status ?? 0;
          if (status >= 400 && status < 500 && status !== 401 && status !== 408 && status !== 429) return;
          wait = Math.min(wait * 2, MOST_RETRY_MS);
        }
        await pause(wait, abort.signal);
      }
    };
    void follow();
    return () => abort.abort();
  }, [api, agentId, sessionId, retryMs]);

  const current = events.of === `${agentId}/${sessionId}`;
  return current ? events : { messages: [], pieces: {} };
}

/** The streamed pieces without the run whose answer (or tool calls) just arrived as a message. */
function answered(pieces: Record<string, string>, message: SessionMessage): Record<string, string> {
  if (!message.runId || !(message.runId in pieces) || (message.role !== 'ASSISTANT' && message.role !== 'TOOL_CALL')) {
    return pieces;
  }
  const rest = { ...pieces };
  delete rest[message.runId];
  return rest;
}

function parse<T>(data: string): T | undefined {
  try {
    return JSON.parse(data) as T;
  } catch {
    return undefined;
  }
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Reads a `text/event-stream` body to its end, handing each event to `onEvent`. */
export async function readEvents(
  body: ReadableStream<Uint8Array>,
  signal: AbortSignal,
  onEvent: (event: ServerEvent) => void,
): Promise<void> {
  const reader = body.getReader();
  const stop = () => void reader.cancel().catch(() => {});
  signal.addEventListener('abort', stop);
  const decoder = new TextDecoder();
  const parser = eventParser(onEvent);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done || signal.aborted) break;
      parser(decoder.decode(value, { stream: true }));
    }
  } finally {
    signal.removeEventListener('abort', stop);
  }
}

/**
 * A parser of server-sent events fed the stream's text in pieces of any size: `event:`, `data:`
 * (lines joined with a line break) and `id:` fields, comments (`:`) skipped, and a blank line
 * ending each event.
 */
export function eventParser(onEvent: (event: ServerEvent) => void): (text: string) => void {
  let buffer = '';
  let event = '';
  let data: string[] = [];
  let id: string | undefined;

  const line = (text: string) => {
    if (text === '') {
      if (data.length) onEvent({ event: event || 'message', data: data.join('\n'), id });
      event = '';
      data = [];
      return;
    }
    if (text.startsWith(':')) return;
    const colon = text.indexOf(':');
    const field = colon < 0 ? text : text.slice(0, colon);
    let value = colon < 0 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
    else if (field === 'id') id = value;
  };

  return (text) => {
    buffer += text;
    // A carriage return at the end may be the first half of CRLF: keep it for the next piece.
    const end = buffer.endsWith('\r') ? buffer.length - 1 : buffer.length;
    const lines = buffer.slice(0, end).split(/\r\n|\r|\n/);
    buffer = (lines.pop() ?? '') + buffer.slice(end);
    lines.forEach(line);
  };
}
