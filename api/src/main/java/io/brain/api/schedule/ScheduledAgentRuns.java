package io.brain.api.schedule;

import java.util.UUID;

import io.brain.api.identity.CurrentUser;

/**
 * Starts the run of an agent's schedule fire. The agents feature implements it, so
 * schedules fire agents without knowing them.
 */
public interface ScheduledAgentRuns {

	/**
	 * Starts a run of the agent's current settings with its task.
	 * @param schedule who starts it: the schedule, inside its tenant
	 * @param idempotencyKey the fire's key: a fire never starts two runs
	 * @return the run's id
	 */
	String start(CurrentUser schedule, UUID agentId, String idempotencyKey);

}
