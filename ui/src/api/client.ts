import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';

/** The typed Brain API client; every call to the api goes through one of these. */
export type ApiClient = Client<paths>;

export type Schemas = components['schemas'];

/** A client for the endpoints that need no sign-in, such as the UI configuration. */
export function createPublicApiClient(): ApiClient {
  return createClient<paths>({ baseUrl: window.location.origin });
}

/** A client that sends a fresh bearer token with every request. */
export function createApiClient(accessToken: () => Promise<string>): ApiClient {
  const client = createClient<paths>({ baseUrl: window.location.origin });
  client.use(bearerToken(accessToken));
  return client;
}

function bearerToken(accessToken: () => Promise<string>): Middleware {
  return {
    async onRequest({ request }) {
      request.headers.set('Authorization', `Bearer ${await accessToken()}`);
      return request;
    },
  };
}

/**
 * One line explaining why a call failed, from the RFC 9457 problem body when the api sent one.
 */
export function describeFailure(operation: string, response: Response | undefined, error: unknown): string {
  if (!response) {
    return `${operation} failed: ${error instanceof Error ? error.message : 'the server could not be reached'}.`;
  }
  const status = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
  const detail = problemDetail(error);
  return detail ? `${operation} failed (${status}): ${detail}` : `${operation} failed (${status}).`;
}

function problemDetail(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null) {
    const { detail, title } = error as { detail?: unknown; title?: unknown };
    if (typeof detail === 'string' && detail) return detail;
    if (typeof title === 'string' && title) return title;
  }
  if (typeof error === 'string' && error.trim()) return error.trim().slice(0, 200);
  return undefined;
}
