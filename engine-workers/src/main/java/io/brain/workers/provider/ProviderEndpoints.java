package io.brain.workers.provider;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Brain reaches SaaS providers whose address is not part of a connection
 * ({@code brain.connectors.endpoints.<name>}): each connector knows its provider's public
 * address and uses an override when one is set, e.g. to reach a provider through a
 * regional gateway or, in tests, a local server that stands in for it.
 *
 * @param endpoints overrides by endpoint name, e.g.
 * {@code stripe: https://stripe.example}
 */
@ConfigurationProperties("brain.connectors")
public record ProviderEndpoints(@DefaultValue Map<String, String> endpoints) {

	/**
	 * The address of an endpoint.
	 * @param name the endpoint's name, e.g. {@code stripe} or {@code zoho-crm-accounts}
	 * @param standard the provider's own address
	 * @return the override if one is set, else the provider's address
	 */
	public String url(String name, String standard) {
		return this.endpoints.getOrDefault(name, standard);
	}

}
