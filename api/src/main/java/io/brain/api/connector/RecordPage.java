package io.brain.api.connector;

import java.util.List;

/**
 * A page of synced records.
 *
 * @param items the records
 * @param page the page number, from 0
 * @param size the page size
 * @param total how many records match
 */
public record RecordPage(List<SyncedRecordView> items, int page, int size, long total) {

}
