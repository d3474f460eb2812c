package io.brain.api.agent;

import java.util.List;

/**
 * One page of an agent's sessions, the latest first.
 *
 * @param items the sessions on this page
 * @param page the page number, from 0
 * @param size the page size
 * @param total how many sessions the agent has
 */
public record AgentSessionPage(List<AgentSession> items, int page, int size, long total) {

}
