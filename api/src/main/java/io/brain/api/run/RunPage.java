package io.brain.api.run;

import java.util.List;

/**
 * One page of runs, the latest first.
 *
 * @param items the runs on this page
 * @param page the page number, from 0
 * @param size the page size
 * @param total how many runs match
 */
public record RunPage(List<RunSummary> items, int page, int size, long total) {

}
