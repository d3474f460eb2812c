import Keycloak from 'keycloak-js';
import type { Schemas } from '../../api/client';

/** Seconds a token must still be valid for before an API call; otherwise it is refreshed first. */
const MIN_VALIDITY_SECONDS = 30;

/** Signs the user in through Keycloak (authorization code + PKCE); redirects to the login page if needed. */
export async function signIn(config: Schemas['UiConfig']): Promise<Keycloak> {
  const keycloak = new Keycloak({ url: config.keycloakUrl, realm: config.realm, clientId: config.clientId });
  keycloak.onTokenExpired = () => {
    keycloak.updateToken(MIN_VALIDITY_SECONDS).catch(() => keycloak.login());
  };
  let authenticated: boolean;
  try {
    authenticated = await keycloak.init({
      onLoad: 'login-required',
      pkceMethod: 'S256',
      checkLoginIframe: false,
    });
  } catch (error) {
    throw new Error(`Could not sign in with Keycloak at ${config.keycloakUrl} (realm ${config.realm}): ${reason(error)}`, {
      cause: error,
    });
  }
  if (!authenticated) {
    await keycloak.login();
  }
  return keycloak;
}

/** A bearer token valid for at least the next 30 seconds, refreshed when needed. */
export async function freshToken(keycloak: Keycloak): Promise<string> {
  try {
    await keycloak.updateToken(MIN_VALIDITY_SECONDS);
  } catch {
    // The session has ended (idle timeout, logout elsewhere): sign in again.
    await keycloak.login();
  }
  if (!keycloak.token) {
    throw new Error('Not signed in.');
  }
  return keycloak.token;
}

function reason(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null) {
    const { error: code, error_description: description } = error as { error?: unknown; error_description?: unknown };
    if (typeof description === 'string') return description;
    if (typeof code === 'string') return code;
  }
  return 'Keycloak did not answer';
}
