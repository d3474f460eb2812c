import { Link } from 'react-router-dom';
import type { Agent } from './agentForm';
import { ChatToolCalls, ChatToolResult } from './ChatToolCall';
import type { SessionEvents, SessionMessage } from './useSessionEvents';

/** The messages of one run, in order, and the answer it is generating. */
interface Turn {
  runId: string | null;
  messages: SessionMessage[];
  streaming?: string;
}

/** The conversation, turn by turn: each run's messages under a link to the run. */
export function ChatConversation({
  agent,
  events,
  canDecide,
  canOpenRuns,
}: {
  agent: Agent;
  events: SessionEvents;
  canDecide: boolean;
  canOpenRuns: boolean;
}) {
  const turns = toTurns(events);
  const answered = new Set(
    events.messages.flatMap((message) => (message.role === 'TOOL_RESULT' ? [message.content.toolCallId] : [])),
  );
  const needsApproval = new Set(
    (agent.config.tools ?? [])
      .filter((tool) => tool.requiresApproval ?? tool.access === 'WRITE')
      .map((tool) => tool.name),
  );

  if (!turns.length) {
    return (
      <p className="muted chat-empty" data-testid="chat-empty">
        Nothing said yet in this conversation.
      </p>
    );
  }
  return (
    <ol className="chat-turns" data-testid="chat-conversation">
      {turns.map((turn, index) => (
        <li key={turn.runId ?? `turn-${index}`} className="chat-turn" data-testid="chat-turn">
          {turn.runId && <RunLink runId={turn.runId} canOpenRuns={canOpenRuns} />}
          {turn.messages.map((message) => (
            <ChatMessage
              key={message.id}
              agentId={agent.id}
              message={message}
              pending={(call) => needsApproval.has(call.name) && !answered.has(call.id)}
              canDecide={canDecide}
            />
          ))}
          {turn.streaming !== undefined && (
            <p className="chat-bubble chat-assistant chat-streaming" data-testid="chat-streaming" aria-live="polite">
              {turn.streaming}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}

function RunLink({ runId, canOpenRuns }: { runId: string; canOpenRuns: boolean }) {
  return (
    <p className="chat-run">
      {canOpenRuns ? (
        <Link to={`/runs/${encodeURIComponent(runId)}`} data-testid="chat-run-link">
          Run {runId}
        </Link>
      ) : (
        <span className="mono">Run {runId}</span>
      )}
    </p>
  );
}

function ChatMessage({
  agentId,
  message,
  pending,
  canDecide,
}: {
  agentId: string;
  message: SessionMessage;
  pending: (call: { id: string; name: string }) => boolean;
  canDecide: boolean;
}) {
  switch (message.role) {
    case 'USER':
      return (
        <p className="chat-bubble chat-user" data-testid="chat-user">
          {message.content.text}
        </p>
      );
    case 'ASSISTANT':
      return (
        <p className="chat-bubble chat-assistant" data-testid="chat-assistant">
          {message.content.text}
        </p>
      );
    case 'TOOL_CALL':
      return (
        <ChatToolCalls agentId={agentId} calls={message.content.calls ?? []} pending={pending} canDecide={canDecide} />
      );
    case 'TOOL_RESULT':
      return <ChatToolResult result={message.content} />;
  }
}

/** Consecutive messages of one run make a turn; the pieces streamed for a run end its turn. */
function toTurns({ messages, pieces }: SessionEvents): Turn[] {
  const turns: Turn[] = [];
  for (const message of messages) {
    const last = turns.at(-1);
    if (last && last.runId === message.runId) last.messages.push(message);
    else turns.push({ runId: message.runId, messages: [message] });
  }
  for (const [runId, text] of Object.entries(pieces)) {
    const turn = [...turns].reverse().find((candidate) => candidate.runId === runId);
    if (turn) turn.streaming = text;
    else turns.push({ runId, messages: [], streaming: text });
  }
  return turns;
}
