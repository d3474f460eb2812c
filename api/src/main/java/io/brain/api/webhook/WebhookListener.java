package io.brain.api.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A webhook listener: an address a provider posts to, whose verified deliveries start an
 * automation or resume its waiting runs. Its secret is never shown after it is set.
 *
 * @param id the listener's id
 * @param name its name
 * @param provider who sends its webhooks
 * @param automationKey the automation each delivery starts, or (CORRELATE) whose runs
 * wait for the message; null when it starts an agent
 * @param agentId the agent each delivery starts a run of, instead of an automation
 * @param agentName that agent's name
 * @param eventTypes the event types it takes; empty for every event
 * @param url the address to give the provider
 * @param live whether its automation has a deployed version (that waits for the message,
 * in CORRELATE mode), so deliveries start or resume runs
 * @param problem why it is not live, in words, when it is not
 * @param signatureHeader the header with the signature (generic HMAC-SHA256 only)
 * @param signatureEncoding how that signature is written (generic HMAC-SHA256 only)
 * @param eventTypePointer a JSON pointer to the event type in the body (generic only)
 * @param eventIdHeader a header with the sender's event id, for dropping duplicates
 * (generic only; a hash of the body otherwise)
 * @param mode whether deliveries start runs or publish a message to waiting ones
 * @param messageName the message published (CORRELATE only)
 * @param correlationKeyPointer the JSON pointer to the correlation key in the payload
 * (CORRELATE only)
 * @param correlationKeyHeader the header with the correlation key (CORRELATE only)
 * @param deliveries how many deliveries it received
 * @param lastDeliveryAt when the last one arrived
 * @param createdBy who created it
 * @param createdAt when
 * @param updatedAt when it last changed
 */
public record WebhookListener(UUID id, String name, WebhookProvider provider,
		@Schema(nullable = true) String automationKey, @Schema(nullable = true) UUID agentId,
		@Schema(nullable = true) String agentName, List<String> eventTypes, String url, boolean live,
		@Schema(nullable = true) String problem, @Schema(nullable = true) String signatureHeader,
		@Schema(nullable = true) SignatureEncoding signatureEncoding, @Schema(nullable = true) String eventTypePointer,
		@Schema(nullable = true) String eventIdHeader, ListenerMode mode, @Schema(nullable = true) String messageName,
		@Schema(nullable = true) String correlationKeyPointer, @Schema(nullable = true) String correlationKeyHeader,
		long deliveries, @Schema(nullable = true) Instant lastDeliveryAt, String createdBy, Instant createdAt,
		Instant updatedAt) {

}
