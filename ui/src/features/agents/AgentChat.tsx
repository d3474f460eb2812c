import { useCallback, useState } from 'react';
import { call, useResource } from '../../api/result';
import { usePermissions } from '../auth/permissions';
import { useApi } from '../auth/session';
import type { Agent } from './agentForm';
import { ChatConversation } from './ChatConversation';
import { ChatMessageBox } from './ChatMessageBox';
import { ChatSessionPicker } from './ChatSessionPicker';
import { useSessionEvents } from './useSessionEvents';

/** How many earlier sessions the picker offers, the latest first. */
const SESSIONS = 50;

/**
 * Chatting with the agent: a new conversation or an earlier one, followed as it happens (the
 * answer as it is generated, the tool calls with their results, and a decision on the ones that
 * wait for approval), and a message box that starts the next run in it.
 */
export function AgentChat({ agent }: { agent: Agent }) {
  const api = useApi();
  const { can } = usePermissions();
  const canWrite = can('agents:write');
  const [sessionId, setSessionId] = useState<string>(() => crypto.randomUUID());
  const sessions = useResource(
    useCallback(
      (signal: AbortSignal) =>
        call(
          'Loading the conversations',
          api.GET('/api/agents/{id}/sessions', {
            params: { path: { id: agent.id }, query: { page: 0, size: SESSIONS } },
            signal,
          }),
        ),
      [api, agent.id],
    ),
  );
  const events = useSessionEvents(agent.id, sessionId);

  return (
    <section className="chat" aria-label="Chat with the agent">
      <ChatSessionPicker
        sessions={sessions}
        sessionId={sessionId}
        onPick={setSessionId}
        onNew={() => setSessionId(crypto.randomUUID())}
      />
      {events.failure && (
        <p className="agent-note" role="alert" data-testid="chat-stream-failure">
          {events.failure}
        </p>
      )}
      <ChatConversation agent={agent} events={events} canDecide={canWrite} canOpenRuns={can('runs:read')} />
      {canWrite ? (
        <ChatMessageBox agentId={agent.id} sessionId={sessionId} onStarted={sessions.reload} />
      ) : (
        <p className="muted" data-testid="chat-read-only">
          Sending a message or deciding on a tool call needs the permission agents:write.
        </p>
      )}
    </section>
  );
}
