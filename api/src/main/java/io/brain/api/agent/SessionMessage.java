package io.brain.api.agent;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A message of an agent's session, as its chat shows it.
 *
 * @param id its place in the session's order
 * @param role {@code USER}, {@code ASSISTANT}, {@code TOOL_CALL} (the tools the model
 * calls, with their ids for approval) or {@code TOOL_RESULT}
 * @param content what was said
 * @param runId the run that said it
 */
public record SessionMessage(long id, String role, JsonNode content, String runId, Instant createdAt) {

}
