package io.brain.api.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A webhook listener: an address a provider posts to, whose verified deliveries start an
 * automation. Its secret is never shown after it is set.
 *
 * @param id the listener's id
 * @param name its name
 * @param provider who sends its webhooks
 * @param automationKey the automation each delivery starts
 * @param eventTypes the event types it takes; empty for every event
 * @param url the address to give the provider
 * @param live whether its automation has a deployed version, so deliveries start runs
 * @param problem why it is not live, in words, when it is not
 * @param signatureHeader the header with the signature (generic HMAC-SHA256 only)
 * @param signatureEncoding how that signature is written (generic HMAC-SHA256 only)
 * @param eventTypePointer a JSON pointer to the event type in the body (generic only)
 * @param eventIdHeader a header with the sender's event id, for dropping duplicates
 * (generic only; a hash of the body otherwise)
 * @param deliveries how many deliveries it received
 * @param lastDeliveryAt when the last one arrived
 * @param createdBy who created it
 * @param createdAt when
 * @param updatedAt when it last changed
 */
public record WebhookListener(UUID id, String name, WebhookProvider provider, String automationKey,
		List<String> eventTypes, String url, boolean live, @Schema(nullable = true) String problem,
		@Schema(nullable = true) String signatureHeader, @Schema(nullable = true) SignatureEncoding signatureEncoding,
		@Schema(nullable = true) String eventTypePointer, @Schema(nullable = true) String eventIdHeader,
		long deliveries, @Schema(nullable = true) Instant lastDeliveryAt, String createdBy, Instant createdAt,
		Instant updatedAt) {

}
