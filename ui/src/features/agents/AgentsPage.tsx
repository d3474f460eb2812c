import { useCallback, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { call, useResource } from '../../api/result';
import { usePermissions } from '../auth/permissions';
import { useApi } from '../auth/session';
import { CreateButton } from '../shell/CreateFlow';
import { Page } from '../shell/Page';
import { Pager } from '../shell/Pager';
import { ResourceTable } from '../shell/ResourceTable';
import { SearchBox } from '../shell/SearchBox';
import { Timestamp } from '../shell/Timestamp';
import { AgentSettingsForm } from './AgentSettingsForm';

const PAGE_SIZE = 25;

/** The tenant's AI agents: search them, open one, create one. */
export default function AgentsPage({ title }: { title: string }) {
  const api = useApi();
  const navigate = useNavigate();
  const canWrite = usePermissions().can('agents:write');
  const [{ q, page }, setQuery] = useState({ q: '', page: 0 });
  const [creating, setCreating] = useState(false);
  const agents = useResource(
    useCallback(
      (signal: AbortSignal) =>
        call(
          'Loading the agents',
          api.GET('/api/agents', { params: { query: { q: q || undefined, page, size: PAGE_SIZE } }, signal }),
        ),
      [api, q, page],
    ),
  );
  const search = useCallback(
    (text: string) => setQuery((current) => (current.q === text ? current : { q: text, page: 0 })),
    [],
  );

  return (
    <Page
      title={title}
      actions={canWrite && !creating && <CreateButton label="New agent" testId="create-agent" onClick={() => setCreating(true)} />}
    >
      <p className="page-intro">
        An AI agent is a helper with a role, a language model, and connector actions it may use as tools. Run it by
        hand or on a schedule; write tools wait for a person's approval.
      </p>
      {creating && (
        <AgentSettingsForm
          canWrite
          onSaved={(created) => navigate(`/agents/${created.id}`)}
          onCancel={() => setCreating(false)}
        />
      )}
      <SearchBox label="Search agents" placeholder="Search by name" testId="agent-search" onSearch={search} />
      <ResourceTable
        resource={agents}
        failureTitle="The agents could not be loaded"
        loadingText="Loading agents…"
        columns={['Name', 'Model', 'Tools', 'Schedule', 'Updated']}
        emptyText={q ? 'No agent matches.' : canWrite ? 'No agents yet: create one.' : 'No agents yet.'}
        rows={(data) =>
          data.items.map((agent) => (
            <tr key={agent.id} data-testid="agent-row" data-name={agent.name}>
              <td className="strong">
                <Link to={`/agents/${agent.id}`}>{agent.name}</Link>
              </td>
              <td className="mono">{agent.config.model.model ?? <span className="muted">Connection default</span>}</td>
              <td data-testid="agent-tools-count">{agent.config.tools?.length ?? 0}</td>
              <td data-testid="agent-schedule">
                {agent.scheduleDescription ?? <span className="muted">Runs when started</span>}
              </td>
              <td>
                <Timestamp value={agent.updatedAt} />
                <div className="muted small">by {agent.updatedBy}</div>
              </td>
            </tr>
          ))
        }
        footer={(data) => (
          <Pager
            data={data}
            page={page}
            busy={agents.loading}
            onPage={(next) => setQuery((current) => ({ ...current, page: next }))}
            testId="agents"
          />
        )}
      />
    </Page>
  );
}
