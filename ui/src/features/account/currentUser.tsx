import { createContext, use, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { describeFailure, type Schemas } from '../../api/client';
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
  const [state, setState] = useState<CurrentUserState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const abort = new AbortController();
    setState({ status: 'loading' });
    api.GET('/api/me', { signal: abort.signal }).then(
      ({ data, error, response }) => {
        if (abort.signal.aborted) return;
        setState(data
          ? { status: 'ready', user: data }
          : { status: 'failed', message: describeFailure('Loading your profile', response, error) });
      },
      (error: unknown) => {
        if (abort.signal.aborted) return;
        setState({ status: 'failed', message: describeFailure('Loading your profile', undefined, error) });
      },
    );
    return () => abort.abort();
  }, [api, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const value = useMemo(() => ({ state, reload }), [state, reload]);
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
