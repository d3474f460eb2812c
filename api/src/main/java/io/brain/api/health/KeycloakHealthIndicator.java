package io.brain.api.health;

import java.time.Duration;

import io.brain.api.keycloak.KeycloakProperties;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Keycloak is healthy when Brain's realm publishes its OpenID configuration.
 */
@Component("keycloak")
class KeycloakHealthIndicator extends AbstractHealthIndicator {

	private final RestClient http;

	private final String discoveryUrl;

	KeycloakHealthIndicator(RestClient.Builder builder, KeycloakProperties keycloak) {
		super("Keycloak is not reachable");
		this.http = builder
			.requestFactory(ClientHttpRequestFactoryBuilder.jdk()
				.build(ClientHttpRequestFactorySettings.defaults()
					.withConnectTimeout(Duration.ofSeconds(2))
					.withReadTimeout(Duration.ofSeconds(3))))
			.build();
		this.discoveryUrl = keycloak.realmUrl() + "/.well-known/openid-configuration";
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		this.http.get().uri(this.discoveryUrl).retrieve().toBodilessEntity();
		builder.up().withDetail("realm", this.discoveryUrl.replace("/.well-known/openid-configuration", ""));
	}

}
