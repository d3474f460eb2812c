package io.brain.api.webhook;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;

/**
 * A listener's new secret: given by the caller (a provider's signing secret), or made by
 * Brain when absent. Shown once.
 *
 * @param secret the secret
 */
public record WebhookSecret(@Schema(nullable = true) @Size(min = 16, max = 500) String secret) {

	@Override
	public String toString() {
		return "WebhookSecret[****]";
	}

}
