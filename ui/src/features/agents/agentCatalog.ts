import { useCallback } from 'react';
import type { Schemas } from '../../api/client';
import { call, useResource, type ApiResult, type Resource } from '../../api/result';
import { useApi } from '../auth/session';

export type Connection = Schemas['Connection'];
export type ConnectorType = Schemas['ConnectorType'];

/** What an agent's settings choose from: the tenant's connections and the connector catalog. */
export interface AgentCatalog {
  connections: Connection[];
  types: ConnectorType[];
}

/** The tenant's connections of one connector, by name. */
export function connectionsOf(catalog: AgentCatalog, connector: string): Connection[] {
  return catalog.connections
    .filter((connection) => connection.type === connector)
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Loads the tenant's connections and the connector catalog (`GET /api/connector-types`) together. */
export function useAgentCatalog(): Resource<AgentCatalog> {
  const api = useApi();
  return useResource(
    useCallback(
      async (signal: AbortSignal): Promise<ApiResult<AgentCatalog>> => {
        const [connections, types] = await Promise.all([
          call('Loading the connections', api.GET('/api/connectors', { signal })),
          call('Loading the connector catalog', api.GET('/api/connector-types', { signal })),
        ]);
        if (!connections.ok) return connections;
        if (!types.ok) return types;
        return { ok: true, data: { connections: connections.data, types: types.data } };
      },
      [api],
    ),
  );
}
