package io.brain.api.ui;

/**
 * What the web app needs to know before anyone signs in.
 *
 * @param keycloakUrl the Keycloak URL browsers use
 * @param realm the realm to sign in to
 * @param clientId the web app's public client
 */
public record UiConfig(String keycloakUrl, String realm, String clientId) {

}
