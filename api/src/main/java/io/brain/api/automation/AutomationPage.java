package io.brain.api.automation;

import java.util.List;

/**
 * One page of automations.
 *
 * @param items the automations on this page
 * @param page the page number, from 0
 * @param size the page size
 * @param total how many automations match
 */
public record AutomationPage(List<Automation> items, int page, int size, long total) {

}
