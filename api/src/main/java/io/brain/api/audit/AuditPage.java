package io.brain.api.audit;

import java.util.List;

/**
 * A page of audit rows, newest first.
 *
 * @param items the rows
 * @param page the page number, from 0
 * @param size the page size
 * @param total how many rows match
 */
public record AuditPage(List<AuditEntry> items, int page, int size, long total) {

}
