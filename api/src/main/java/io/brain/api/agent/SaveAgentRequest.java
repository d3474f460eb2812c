package io.brain.api.agent;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An agent to create, or its settings to save as a new version.
 *
 * @param key the agent's key, lowercase letters, digits and dashes, starting with a
 * letter; its runs are the process {@code brain-agent-<key>}. Made from the name when
 * left out; it cannot change
 * @param config the settings
 */
public record SaveAgentRequest(
		@Schema(nullable = true, example = "campaign-analyst") @Size(max = Agents.MAX_KEY) String key,
		@NotNull @Valid AgentConfig config) {

}
