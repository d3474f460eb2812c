import { useCallback, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { call, useResource } from '../../api/result';
import { useSubmit } from '../../api/useSubmit';
import { usePermissions } from '../auth/permissions';
import { useApi } from '../auth/session';
import { ConfirmAction } from '../shell/ConfirmAction';
import { ErrorBox } from '../shell/ErrorBox';
import { Page } from '../shell/Page';
import { Tabs, type Tab } from '../shell/Tabs';
import type { Agent } from './agentForm';
import { AgentChat } from './AgentChat';
import { AgentRunPanel } from './AgentRunPanel';
import { AgentSessions } from './AgentSessions';
import { AgentSettingsForm } from './AgentSettingsForm';
import { AgentVersions } from './AgentVersions';

type View = 'settings' | 'chat' | 'run' | 'versions' | 'sessions';

const VIEWS: readonly Tab<View>[] = [
  { value: 'settings', label: 'Settings' },
  { value: 'chat', label: 'Chat' },
  { value: 'run', label: 'Run' },
  { value: 'versions', label: 'Versions' },
  { value: 'sessions', label: 'Sessions' },
];

/** One agent: its settings (saved as versions), chatting with it, running it and approving its tool calls, its versions and sessions. */
export default function AgentPage({ title }: { title: string }) {
  const api = useApi();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const canWrite = usePermissions().can('agents:write');
  const [view, setView] = useState<View>('settings');
  const loaded = useResource(
    useCallback(
      (signal: AbortSignal) => call('Loading the agent', api.GET('/api/agents/{id}', { params: { path: { id } }, signal })),
      [api, id],
    ),
  );
  // The agent as the last save answered it, until the page loads it again.
  const [saved, setSaved] = useState<Agent>();
  const remove = useSubmit<unknown>(() => navigate('/agents'));
  const agent = saved && saved.id === loaded.data?.id ? saved : loaded.data;

  if (!agent) {
    return (
      <Page title={title}>
        {loaded.failure ? (
          <ErrorBox title="The agent could not be loaded" message={loaded.failure} onRetry={loaded.reload} />
        ) : (
          <p className="muted">Loading the agent…</p>
        )}
      </Page>
    );
  }

  return (
    <Page
      title={agent.name}
      status={<span className="badge">version {agent.currentVersion}</span>}
      actions={
        canWrite && (
          <ConfirmAction
            label="Delete"
            question="Delete this agent with its versions and conversations?"
            testId="delete-agent"
            confirmTestId="confirm-delete-agent"
            onConfirm={() =>
              remove.submit('Deleting the agent', () => api.DELETE('/api/agents/{id}', { params: { path: { id } } }))
            }
          />
        )
      }
    >
      <p>
        <Link to="/agents">← AI Agents</Link>
      </p>
      {remove.problem && <ErrorBox title="The agent was not deleted" message={remove.problem.detail} />}
      {saved === agent && (
        <p className="agent-note" role="status" data-testid="agent-saved">
          Saved: the settings are version {agent.currentVersion}.
        </p>
      )}
      <Tabs label="Agent" tabs={VIEWS} selected={view} onSelect={setView} testId="agent-tab">
        {view === 'settings' && (
          <AgentSettingsForm agent={agent} canWrite={canWrite} onSaved={setSaved} />
        )}
        {view === 'chat' && <AgentChat agent={agent} />}
        {view === 'run' && <AgentRunPanel agent={agent} />}
        {view === 'versions' && <AgentVersions key={agent.currentVersion} agent={agent} />}
        {view === 'sessions' && <AgentSessions agentId={agent.id} />}
      </Tabs>
    </Page>
  );
}
