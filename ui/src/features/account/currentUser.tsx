import { createContext, use, useCallback, useMemo, type ReactNode } from 'react';
import type { Schemas } from '../../api/client';
import { call, useResource } from '../../api/result';
import { useApi } from '../auth/session';

export type CurrentUser = Schemas['CurrentUser'];

export type CurrentUserState =
  | { status: 'loading' }
  | { status: 'ready'; user: CurrentUser }
  | { status: 'failed'; message: string };

interface CurrentUserContextValue {
  state: CurrentUserState;
  reload: () => void;
}

const CurrentUserContext = createContext<CurrentUserContextValue | null>(null);

/** Loads the signed-in user from GET /api/me once, for the user menu and the pages. */
export function CurrentUserProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const { data, failure, loading, reload } = useResource(
    useCallback((signal: AbortSignal) => call('Loading your profile', api.GET('/api/me', { signal })), [api]),
  );

  const value = useMemo(() => {
    const state: CurrentUserState = data
      ? { status: 'ready', user: data }
      : loading
        ? { status: 'loading' }
        : { status: 'failed', message: failure ?? 'Loading your profile failed.' };
    return { state, reload };
  }, [data, failure, loading, reload]);
  return <CurrentUserContext value={value}>{children}</CurrentUserContext>;
}

export function useCurrentUser(): CurrentUserContextValue {
  const value = use(CurrentUserContext);
  if (!value) {
    throw new Error('useCurrentUser must be used inside a CurrentUserProvider');
  }
  return value;
}

/** The tenant as shown to people; platform users (super admins) belong to none. */
export function tenantLabel(user: CurrentUser): string {
  return user.tenantId ?? 'none (platform)';
}
