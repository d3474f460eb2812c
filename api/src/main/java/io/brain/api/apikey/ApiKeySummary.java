package io.brain.api.apikey;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An API key as listed: never the key itself.
 *
 * @param id the key's id
 * @param name what it is for
 * @param prefix its first characters, to recognise it
 * @param permissions what it may do
 * @param createdBy who created it
 * @param createdAt when
 * @param lastUsedAt when it last authenticated a request
 * @param expiresAt when it stops working
 * @param revokedAt when it was revoked
 */
public record ApiKeySummary(UUID id, String name, String prefix, List<String> permissions, String createdBy,
		Instant createdAt, @Schema(nullable = true) Instant lastUsedAt, @Schema(nullable = true) Instant expiresAt,
		@Schema(nullable = true) Instant revokedAt) {

}
