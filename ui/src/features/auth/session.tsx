import type Keycloak from 'keycloak-js';
import { createContext, use, type ReactNode } from 'react';
import type { ApiClient } from '../../api/client';

/** The signed-in session: the Keycloak adapter and the API client that carries its token. */
export interface Session {
  keycloak: Keycloak;
  api: ApiClient;
  signOut: () => void;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ session, children }: { session: Session; children: ReactNode }) {
  return <SessionContext value={session}>{children}</SessionContext>;
}

export function useSession(): Session {
  const session = use(SessionContext);
  if (!session) {
    throw new Error('useSession must be used inside a SessionProvider');
  }
  return session;
}

/** The typed API client of the signed-in session. */
export function useApi(): ApiClient {
  return useSession().api;
}
