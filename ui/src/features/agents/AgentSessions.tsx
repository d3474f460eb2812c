import { useCallback, useState } from 'react';
import { call, useResource } from '../../api/result';
import { useApi } from '../auth/session';
import { Pager } from '../shell/Pager';
import { ResourceTable } from '../shell/ResourceTable';
import { Timestamp } from '../shell/Timestamp';

const PAGE_SIZE = 25;

/** The agent's conversations, the latest first: how each started, who started it, how long it is. */
export function AgentSessions({ agentId }: { agentId: string }) {
  const api = useApi();
  const [page, setPage] = useState(0);
  const sessions = useResource(
    useCallback(
      (signal: AbortSignal) =>
        call(
          'Loading the sessions',
          api.GET('/api/agents/{id}/sessions', {
            params: { path: { id: agentId }, query: { page, size: PAGE_SIZE } },
            signal,
          }),
        ),
      [api, agentId, page],
    ),
  );
  return (
    <ResourceTable
      resource={sessions}
      failureTitle="The sessions could not be loaded"
      loadingText="Loading sessions…"
      columns={['Session', 'Started by', 'Origin', 'Messages', 'Started', 'Last message']}
      emptyText="No sessions yet: each run by hand starts one, and the schedule keeps its own."
      rows={(data) =>
        data.items.map((session) => (
          <tr key={session.id} data-testid="agent-session-row">
            <td>{session.title ?? <span className="mono">{session.id}</span>}</td>
            <td>{session.startedBy}</td>
            <td>{session.origin}</td>
            <td>{session.messages}</td>
            <td>
              <Timestamp value={session.createdAt} />
            </td>
            <td>
              <Timestamp value={session.lastMessageAt} />
            </td>
          </tr>
        ))
      }
      footer={(data) => (
        <Pager data={data} page={page} busy={sessions.loading} onPage={setPage} testId="agent-sessions" />
      )}
    />
  );
}
