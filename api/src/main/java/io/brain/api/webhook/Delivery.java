package io.brain.api.webhook;

import java.time.Instant;
import java.util.UUID;

import io.brain.api.message.PublishedMessage;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One webhook a listener received, as the delivery log shows it.
 *
 * @param id the delivery's id
 * @param status where it is
 * @param eventType the provider's event type, when it has one
 * @param providerEventId the provider's id of the event (or a hash of the body), by which
 * duplicates are dropped
 * @param receivedAt when it arrived
 * @param payload the body with secret-looking values masked, cut to 4,000 characters
 * @param attempts how many times the dispatcher tried to start its run or publish its
 * message
 * @param nextAttemptAt when it tries next, while RECEIVED
 * @param error why the last try failed, if it did
 * @param runId the run it started (START listeners)
 * @param message the message it published (CORRELATE listeners); which run the message
 * resumes is the engine's to decide, so no run id is known for it
 * @param dispatchedAt when
 * @param replayOf the delivery this one replays
 */
public record Delivery(UUID id, DeliveryStatus status, @Schema(nullable = true) String eventType,
		String providerEventId, Instant receivedAt, String payload, int attempts,
		@Schema(nullable = true) Instant nextAttemptAt, @Schema(nullable = true) String error,
		@Schema(nullable = true) String runId, @Schema(nullable = true) PublishedMessage message,
		@Schema(nullable = true) Instant dispatchedAt, @Schema(nullable = true) UUID replayOf) {

}
