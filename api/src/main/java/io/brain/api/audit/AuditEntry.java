package io.brain.api.audit;

import java.time.Instant;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One row of the audit log.
 *
 * @param id the row's position in the log
 * @param actorId who acted
 * @param actorName a readable name of the actor
 * @param actorKind USER, API_KEY, WORKER, SYSTEM or ANONYMOUS
 * @param action what was done, in words; after the actor's name it reads as a sentence
 * ("created API key 'ci'")
 * @param targetType the kind of object acted on, in words ("API key")
 * @param targetId its id
 * @param targetName its name
 * @param occurredAt when
 * @param requestId the request or job it belongs to
 * @param clientIp the caller's address
 * @param outcome SUCCESS, FAILURE or DENIED
 * @param metadata details, secrets masked
 * @param hash this row's hash, chained to the previous row's; none for a row written in
 * the last {@code brain.audit.seal-interval}, not sealed yet
 */
public record AuditEntry(long id, String actorId, String actorName, String actorKind, String action,
		@Schema(nullable = true) String targetType, @Schema(nullable = true) String targetId,
		@Schema(nullable = true) String targetName, Instant occurredAt, @Schema(nullable = true) String requestId,
		@Schema(nullable = true) String clientIp, String outcome, Map<String, Object> metadata,
		@Schema(nullable = true) String hash) {

}
