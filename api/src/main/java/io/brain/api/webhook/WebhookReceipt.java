package io.brain.api.webhook;

import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What the ingress answers a verified webhook.
 *
 * @param deliveryId the delivery that holds it (the earlier one for a duplicate)
 * @param status RECEIVED (its run starts shortly), IGNORED (event type filtered out), or
 * DUPLICATE (the provider's event id was received before; nothing new stored)
 */
public record WebhookReceipt(@Schema(nullable = true) UUID deliveryId, String status) {

}
