import { useId } from 'react';
import type { Schemas } from '../../api/client';
import type { Resource } from '../../api/result';

type SessionPage = Schemas['AgentSessionPage'];

const NEW = 'new';
const started = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Which conversation the chat shows: a new one, or one of the agent's earlier sessions, the latest first. */
export function ChatSessionPicker({
  sessions,
  sessionId,
  onPick,
  onNew,
}: {
  sessions: Resource<SessionPage>;
  sessionId: string;
  onPick: (sessionId: string) => void;
  onNew: () => void;
}) {
  const id = useId();
  const earlier = sessions.data?.items ?? [];
  const known = earlier.some((session) => session.id === sessionId);
  return (
    <div className="chat-picker field">
      <label className="field-label" htmlFor={id}>
        Conversation
      </label>
      <select
        id={id}
        className="input"
        data-testid="chat-session"
        value={known ? sessionId : NEW}
        onChange={(event) => (event.target.value === NEW ? onNew() : onPick(event.target.value))}
      >
        <option value={NEW}>New chat</option>
        {earlier.map((session) => (
          <option key={session.id} value={session.id}>
            {describe(session)}
          </option>
        ))}
      </select>
      {sessions.failure && <span className="field-hint">{sessions.failure}</span>}
    </div>
  );
}

function describe(session: SessionPage['items'][number]): string {
  const when = started.format(new Date(session.lastMessageAt ?? session.createdAt));
  const about = session.title ?? `${session.origin.toLowerCase()} session`;
  return `${about} · ${when} · ${session.messages} messages`;
}
