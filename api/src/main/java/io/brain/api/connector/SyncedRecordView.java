package io.brain.api.connector;

import java.time.Instant;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A record a sync stored.
 *
 * @param connectionId the connection it came through
 * @param resource its resource, e.g. posts
 * @param externalId the provider's id
 * @param title its title or name
 * @param url its public address
 * @param status the provider's status
 * @param modifiedAt when the provider last changed it
 * @param data further fields
 * @param syncedAt when Brain fetched it
 */
public record SyncedRecordView(String connectionId, String resource, String externalId,
		@Schema(nullable = true) String title, @Schema(nullable = true) String url,
		@Schema(nullable = true) String status, @Schema(nullable = true) Instant modifiedAt, Map<String, Object> data,
		Instant syncedAt) {

}
