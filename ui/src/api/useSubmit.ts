import { useState } from 'react';
import { call, type ApiResult, type Problem } from './result';

/** The answer of a typed-client call, as `call()` takes it. */
type Answer<T> = Promise<{ data?: T; error?: unknown; response: Response }>;

/** What a form needs to send one request to the api and show why it failed. */
export interface Submission<T> {
  /** True while the request is under way. */
  busy: boolean;
  /** Why the last attempt failed: the api's problem, or the form's own check. */
  problem: Problem | undefined;
  /** Messages by field: from problem+json `errors[]` and `field`, or from `reject`. */
  errors: Record<string, string>;
  /** Sends the request made by `request` through `call()`; success goes to `onSuccess`, failure to `problem`. */
  submit: (operation: string, request: () => Answer<T>) => Promise<void>;
  /** Fails without asking the api, for what the form checks itself. */
  reject: (fieldErrors: Record<string, string>, detail?: string) => void;
}

/**
 * One form submission to the api: busy while it runs, `onSuccess` with the answer, and on failure
 * the problem with its messages by field for the form's controls.
 */
export function useSubmit<T>(onSuccess: (data: T) => void): Submission<T> {
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);

  const submit: Submission<T>['submit'] = async (operation, request) => {
    setBusy(true);
    const result: ApiResult<T> = await call(operation, request());
    setBusy(false);
    if (result.ok) {
      // A form or button that stays on screen must not keep showing the previous failure.
      setProblem(undefined);
      onSuccess(result.data);
    } else setProblem(result.problem);
  };

  const reject: Submission<T>['reject'] = (fieldErrors, detail = 'Some fields need your attention.') =>
    setProblem({ detail, summary: detail, fieldErrors, body: {} });

  return { busy, problem, errors: problem?.fieldErrors ?? {}, submit, reject };
}
