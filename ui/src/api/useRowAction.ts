import { useCallback, useState } from 'react';
import { call } from './result';

/** An action on one row of a list (revoke, remove, disable…), as `useRowAction` runs it. */
export interface RowAction {
  /** Runs the request for the row `id` through `call()`, then reloads the list, whatever the outcome. */
  run: (id: string, operation: string, request: Promise<{ error?: unknown; response: Response }>) => Promise<void>;
  /** The row whose action is under way. */
  pending: string | undefined;
  /** Why the last action failed (a whole sentence); cleared by the next one that succeeds. */
  failure: string | undefined;
}

/** Runs actions on the rows of a list loaded with `useResource`, and reloads it after each. */
export function useRowAction(reload: () => void): RowAction {
  const [pending, setPending] = useState<string>();
  const [failure, setFailure] = useState<string>();

  const run = useCallback(
    async (id: string, operation: string, request: Promise<{ error?: unknown; response: Response }>) => {
      setPending(id);
      const result = await call(operation, request);
      setPending(undefined);
      setFailure(result.ok ? undefined : result.problem.summary);
      reload();
    },
    [reload],
  );

  return { run, pending, failure };
}
