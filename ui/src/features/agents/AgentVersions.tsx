import { useCallback } from 'react';
import { call, useResource } from '../../api/result';
import { useApi } from '../auth/session';
import { ResourceTable } from '../shell/ResourceTable';
import { Timestamp } from '../shell/Timestamp';
import type { Agent } from './agentForm';

/**
 * Every saved version of the agent's settings, newest first: who saved it and when. Give it the
 * current version as its `key` so a save loads the list again.
 */
export function AgentVersions({ agent }: { agent: Agent }) {
  const api = useApi();
  const versions = useResource(
    useCallback(
      (signal: AbortSignal) =>
        call(
          'Loading the versions',
          api.GET('/api/agents/{id}/versions', { params: { path: { id: agent.id } }, signal }),
        ),
      [api, agent.id],
    ),
  );
  return (
    <ResourceTable
      resource={versions}
      failureTitle="The versions could not be loaded"
      loadingText="Loading versions…"
      columns={['Version', 'Saved by', 'Saved', 'Model', 'Tools']}
      emptyText="No versions."
      rows={(data) =>
        data.map((version) => (
          <tr key={version.version} data-testid="agent-version-row" data-version={version.version}>
            <td>
              {version.version}
              {version.version === agent.currentVersion && <span className="badge"> current</span>}
            </td>
            <td>{version.createdBy}</td>
            <td>
              <Timestamp value={version.createdAt} />
            </td>
            <td className="mono">{version.config.model.model ?? <span className="muted">Connection default</span>}</td>
            <td>{version.config.tools?.length ?? 0}</td>
          </tr>
        ))
      }
    />
  );
}
