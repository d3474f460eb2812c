package io.brain.api.agent;

import java.util.List;

/**
 * One page of agents.
 *
 * @param items the agents on this page
 * @param page the page number, from 0
 * @param size the page size
 * @param total how many agents match
 */
public record AgentPage(List<Agent> items, int page, int size, long total) {

}
