package io.brain.workers.sync;

import java.util.List;

/**
 * What a read found.
 *
 * @param resource the resource read
 * @param records the records, at most as many as asked
 * @param total how many records the provider answered
 */
public record ReadResult(String resource, List<SyncedRecord> records, int total) {

	public ReadResult {
		records = List.copyOf(records);
	}

}
