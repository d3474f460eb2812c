package io.brain.api.keycloak;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where Keycloak is ({@code brain.keycloak.*}).
 *
 * @param url the URL the api reaches Keycloak at (the back channel)
 * @param publicUrl the URL browsers reach Keycloak at; tokens name it as their issuer
 * @param realm the realm Brain's users live in
 * @param uiClientId the public client the web app signs in with
 * @param adminClientId the confidential client the api manages users with
 * @param adminClientSecret its secret
 */
@ConfigurationProperties("brain.keycloak")
public record KeycloakProperties(String url, String publicUrl, String realm, String uiClientId, String adminClientId,
		String adminClientSecret) {

	@Override
	public String toString() {
		return "KeycloakProperties[url=" + this.url + ", realm=" + this.realm + "]";
	}

	public String realmUrl() {
		return this.url + "/realms/" + this.realm;
	}

}
