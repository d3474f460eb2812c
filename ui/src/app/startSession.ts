import { createApiClient, createPublicApiClient, describeFailure } from '../api/client';
import { freshToken, signIn } from '../features/auth/keycloak';
import type { Session } from '../features/auth/session';

/** Reads the sign-in settings from the api, signs the user in, and builds the authorized API client. */
export async function startSession(): Promise<Session> {
  const { data: config, error, response } = await createPublicApiClient()
    .GET('/api/ui-config')
    .catch((failure: unknown) => ({ data: undefined, error: failure, response: undefined }));
  if (!config) {
    throw new Error(describeFailure('Loading the sign-in settings (GET /api/ui-config)', response, error));
  }
  const keycloak = await signIn(config);
  return {
    keycloak,
    api: createApiClient(() => freshToken(keycloak)),
    signOut: () => void keycloak.logout({ redirectUri: window.location.origin }),
  };
}
