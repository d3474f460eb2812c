import { useCallback, useEffect, useState } from 'react';
import { describeFailure } from './client';

/** Why a call failed, read from the api's RFC 9457 problem+json body when it sent one. */
export interface Problem {
  /** HTTP status; absent when the api could not be reached. */
  status?: number;
  /** What to tell the user: the problem's `detail`, or the best summary there is. */
  detail: string;
  /** One sentence naming the operation, the HTTP status and the detail, for pages that fail to load. */
  summary: string;
  /** The form field at fault (`field`), if the api named one. */
  field?: string;
  /** Messages by field, from `errors[]` (validation) and `field`. */
  fieldErrors: Record<string, string>;
  /** The problem+json body as the api sent it, for the properties one page knows, such as a diagram's `problems`. */
  body: Record<string, unknown>;
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; problem: Problem };

/**
 * Awaits a call of the typed client and tells success (any 2xx, including 204) from failure,
 * network errors included, so pages handle both in one way.
 */
export async function call<T>(
  operation: string,
  request: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<ApiResult<T>> {
  try {
    const { data, error, response } = await request;
    if (response.ok) return { ok: true, data: data as T };
    return { ok: false, problem: toProblem(operation, response, error) };
  } catch (failure) {
    return { ok: false, problem: toProblem(operation, undefined, failure) };
  }
}

function toProblem(operation: string, response: Response | undefined, error: unknown): Problem {
  const summary = describeFailure(operation, response, error);
  // The api documents its success bodies only, so the problem body is read defensively here.
  const body = typeof error === 'object' && error !== null ? (error as Record<string, unknown>) : {};
  const detail = text(body.detail) ?? text(body.title) ?? summary;
  const field = text(body.field);
  const fieldErrors: Record<string, string> = {};
  if (Array.isArray(body.errors)) {
    for (const entry of body.errors as unknown[]) {
      if (typeof entry !== 'object' || entry === null) continue;
      const { field: name, message } = entry as Record<string, unknown>;
      const fieldName = text(name);
      if (fieldName && !fieldErrors[fieldName]) fieldErrors[fieldName] = text(message) ?? 'is not valid';
    }
  }
  if (field && !fieldErrors[field]) fieldErrors[field] = detail;
  return { status: response?.status, detail, summary, field, fieldErrors, body };
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value : undefined;
}

/** Data a page loads from the api; on a reload the previous data stays until the new data arrives. */
export interface Resource<T> {
  data: T | undefined;
  /** Why the last load failed (a whole sentence). */
  failure: string | undefined;
  loading: boolean;
  reload: () => void;
}

/**
 * Loads data with `load` when the page opens, whenever `load` changes (keep it stable with
 * useCallback) and on `reload()`. Answers that arrive after the page moved on are dropped.
 */
export function useResource<T>(load: (signal: AbortSignal) => Promise<ApiResult<T>>): Resource<T> {
  const [data, setData] = useState<T>();
  const [failure, setFailure] = useState<string>();
  const [loading, setLoading] = useState(true);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const abort = new AbortController();
    setLoading(true);
    load(abort.signal).then((result) => {
      if (abort.signal.aborted) return;
      setLoading(false);
      if (result.ok) {
        setData(result.data);
        setFailure(undefined);
      } else {
        setData(undefined);
        setFailure(result.problem.summary);
      }
    });
    return () => abort.abort();
  }, [load, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { data, failure, loading, reload };
}
