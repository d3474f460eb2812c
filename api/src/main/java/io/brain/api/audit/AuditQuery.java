package io.brain.api.audit;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Filters of the audit log; every one is optional.
 *
 * @param actor actor id or name, exact
 * @param action action, as a prefix (e.g. {@code created})
 * @param targetType kind of object, e.g. {@code API key}
 * @param targetId the object's id
 * @param from earliest time, inclusive
 * @param to latest time, exclusive
 */
public record AuditQuery(@Schema(nullable = true) String actor, @Schema(nullable = true) String action,
		@Schema(nullable = true) String targetType, @Schema(nullable = true) String targetId,
		@Schema(nullable = true) Instant from, @Schema(nullable = true) Instant to) {

}
