package io.brain.api.webhook;

import java.io.IOException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where providers post webhooks. No token: the address finds the listener, and the
 * provider's signature proves the sender.
 */
@RestController
class WebhookIngressController {

	private final WebhookIngress ingress;

	WebhookIngressController(WebhookIngress ingress) {
		this.ingress = ingress;
	}

	@PostMapping("/hooks/{publicId}")
	@Operation(operationId = "receiveWebhook",
			summary = "Take a provider's webhook: 202 once stored (its run starts shortly), 200 for an event "
					+ "filtered out or a duplicate, 400 for a signed body holding a NUL, a lone surrogate or "
					+ "bytes that are not UTF-8, 401 for a missing or wrong signature, 404 for an unknown "
					+ "address, 413 for a body over brain.webhooks.max-body-size, 429 with Retry-After while the api "
					+ "takes more webhooks than it can; nothing is stored on a 4xx")
	ResponseEntity<WebhookReceipt> receive(
			@Parameter(description = "The listener's public id, from its URL") @PathVariable String publicId,
			HttpServletRequest request) throws IOException {
		return this.ingress.receive(publicId, request);
	}

}
