package io.brain.api.webhook;

import java.util.List;
import java.util.UUID;

import io.brain.api.identity.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Integrations → Webhooks: the tenant's listeners and their delivery logs.
 */
@RestController
@SecurityRequirement(name = "bearer")
class WebhookController {

	private final WebhookListeners listeners;

	WebhookController(WebhookListeners listeners) {
		this.listeners = listeners;
	}

	@GetMapping("/api/webhooks")
	@PreAuthorize("hasAuthority('webhooks:manage')")
	@Operation(operationId = "listWebhookListeners",
			summary = "The tenant's webhook listeners, each with its URL, whether it is live, its last delivery and "
					+ "its delivery count")
	List<WebhookListener> list(CurrentUser user) {
		return this.listeners.list(user);
	}

	@PostMapping("/api/webhooks")
	@PreAuthorize("hasAuthority('webhooks:manage')")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "createWebhookListener",
			summary = "Create a listener: the answer holds its URL and its secret, shown this once")
	WebhookListenerCreated create(@Valid @RequestBody SaveWebhookListenerRequest request, CurrentUser user) {
		return this.listeners.create(user, request);
	}

	@GetMapping("/api/webhooks/{id}")
	@PreAuthorize("hasAuthority('webhooks:manage')")
	@Operation(operationId = "getWebhookListener", summary = "One listener (never its secret)")
	WebhookListener get(@PathVariable UUID id, CurrentUser user) {
		return this.listeners.get(user, id);
	}

	@PutMapping("/api/webhooks/{id}")
	@PreAuthorize("hasAuthority('webhooks:manage')")
	@Operation(operationId = "updateWebhookListener",
			summary = "Change a listener's name, automation, event filter and options; its provider, URL and "
					+ "secret stay")
	WebhookListener update(@PathVariable UUID id, @Valid @RequestBody SaveWebhookListenerRequest request,
			CurrentUser user) {
		return this.listeners.update(user, id, request);
	}

	@PostMapping("/api/webhooks/{id}/secret")
	@PreAuthorize("hasAuthority('webhooks:manage')")
	@Operation(operationId = "rotateWebhookSecret",
			summary = "Replace a listener's secret with the one given (a provider's signing secret) or a new random "
					+ "one, shown this once")
	WebhookSecret rotateSecret(@PathVariable UUID id,
			@Valid @RequestBody(required = false) @Schema(nullable = true) WebhookSecret secret, CurrentUser user) {
		return this.listeners.rotateSecret(user, id, secret);
	}

	@DeleteMapping("/api/webhooks/{id}")
	@PreAuthorize("hasAuthority('webhooks:manage')")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(operationId = "deleteWebhookListener",
			summary = "Delete a listener, its secret and its deliveries; its URL answers 404 from now on")
	void delete(@PathVariable UUID id, CurrentUser user) {
		this.listeners.delete(user, id);
	}

	@GetMapping("/api/webhooks/{id}/deliveries")
	@PreAuthorize("hasAuthority('webhooks:manage')")
	@Operation(operationId = "listWebhookDeliveries",
			summary = "A listener's deliveries, newest first: status, event, masked payload and the run each started")
	DeliveryPage deliveries(@PathVariable UUID id, @RequestParam(required = false) DeliveryStatus status,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size, CurrentUser user) {
		return this.listeners.deliveries(user, id, status, page, size);
	}

	@PostMapping("/api/webhooks/{id}/deliveries/{deliveryId}/replay")
	@PreAuthorize("hasAuthority('webhooks:manage')")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(operationId = "replayWebhookDelivery", summary = "Queue a copy of a delivery so its run starts again")
	Delivery replay(@PathVariable UUID id, @PathVariable UUID deliveryId, CurrentUser user) {
		return this.listeners.replay(user, id, deliveryId);
	}

}
