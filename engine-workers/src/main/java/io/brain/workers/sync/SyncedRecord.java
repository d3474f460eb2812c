package io.brain.workers.sync;

import java.time.Instant;
import java.util.Map;

/**
 * One record a sync fetched, normalized across providers.
 *
 * @param externalId the provider's id
 * @param title its title or name
 * @param url its public address
 * @param status the provider's status of it
 * @param modifiedAt when the provider last changed it
 * @param data further fields worth showing
 */
public record SyncedRecord(String externalId, String title, String url, String status, Instant modifiedAt,
		Map<String, Object> data) {

}
