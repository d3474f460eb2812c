package io.brain.api.agent;

/**
 * A run of an agent, started.
 *
 * @param runId the run, on the Runs page
 * @param sessionId the conversation it talks in
 * @param version the version of the agent's settings it runs with
 */
public record AgentRunStarted(String runId, String sessionId, int version) {

}
