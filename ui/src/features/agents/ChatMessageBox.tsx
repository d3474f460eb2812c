import { useId, useState, type FormEvent } from 'react';
import { useSubmit } from '../../api/useSubmit';
import { useApi } from '../auth/session';
import { ErrorBox } from '../shell/ErrorBox';
import { TextField } from './AgentControls';

/** A message to the agent: sending it starts a run of the agent in this session. */
export function ChatMessageBox({
  agentId,
  sessionId,
  onStarted,
}: {
  agentId: string;
  sessionId: string;
  onStarted: () => void;
}) {
  const api = useApi();
  const id = useId();
  const [prompt, setPrompt] = useState('');
  const run = useSubmit<unknown>(() => {
    setPrompt('');
    onStarted();
  });

  const send = (event: FormEvent) => {
    event.preventDefault();
    if (!prompt.trim()) return run.reject({ prompt: 'Write a message to the agent.' });
    return run.submit('Sending the message', () =>
      api.POST('/api/agents/{id}/runs', {
        params: { path: { id: agentId } },
        body: { prompt: prompt.trim(), sessionId },
      }),
    );
  };

  return (
    <form className="chat-send form" onSubmit={send} noValidate aria-label="Send a message">
      {run.problem && <ErrorBox title="The message was not sent" message={run.problem.detail} testId="chat-send-error" />}
      <TextField
        id={`${id}-prompt`}
        label="Message"
        error={run.errors.prompt}
        value={prompt}
        rows={3}
        maxLength={8000}
        testId="chat-prompt"
        onChange={setPrompt}
      />
      <div className="form-actions">
        <button type="submit" className="button button-primary" data-testid="chat-send" disabled={run.busy}>
          {run.busy ? 'Sending…' : 'Send'}
        </button>
      </div>
    </form>
  );
}
