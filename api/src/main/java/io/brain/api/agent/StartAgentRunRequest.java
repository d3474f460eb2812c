package io.brain.api.agent;

import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;

/**
 * Starts a run of an agent by hand.
 *
 * @param prompt what to ask; the agent's task when left out
 * @param sessionId the conversation to go on; a new one when left out
 */
public record StartAgentRunRequest(
		@Schema(nullable = true, example = "How did last week's campaigns do?") @Size(max = 8000) String prompt,
		@Schema(nullable = true) UUID sessionId) {

}
