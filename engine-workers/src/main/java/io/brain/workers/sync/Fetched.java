package io.brain.workers.sync;

import java.util.List;

/**
 * What a connector fetched for a sync.
 *
 * @param records the records, normalized
 * @param complete whether they are every record of the resource (a full read) rather than
 * only those changed since the last sync
 */
public record Fetched(List<SyncedRecord> records, boolean complete) {

	public Fetched {
		records = List.copyOf(records);
	}

	/** Every record of the resource. */
	public static Fetched all(List<SyncedRecord> records) {
		return new Fetched(records, true);
	}

	/**
	 * The records changed since a point in time, or every record when there is none.
	 * @param changedSince what the fetch was asked for; {@code null} for everything
	 */
	public static Fetched since(java.time.Instant changedSince, List<SyncedRecord> records) {
		return new Fetched(records, changedSince == null);
	}

}
