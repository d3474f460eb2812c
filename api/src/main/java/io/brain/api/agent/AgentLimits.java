package io.brain.api.agent;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * How far one run of an agent may go; reaching a limit stops the run with an incident.
 *
 * @param maxModelCalls the most calls to the model, 1 to 100 (default 10)
 * @param maxToolCalls the most tool calls, 0 to 200 (default 20)
 * @param maxTokens the most tokens, in and out, 1000 to 1000000 (default 50000)
 */
public record AgentLimits(@Schema(nullable = true) @Min(1) @Max(100) Integer maxModelCalls,
		@Schema(nullable = true) @Min(0) @Max(200) Integer maxToolCalls,
		@Schema(nullable = true) @Min(1000) @Max(1_000_000) Integer maxTokens) {

	static final int DEFAULT_MAX_MODEL_CALLS = 10;

	static final int DEFAULT_MAX_TOOL_CALLS = 20;

	static final int DEFAULT_MAX_TOKENS = 50_000;

	/** The limits with Brain's default in place of each one left out. */
	AgentLimits withDefaults() {
		return new AgentLimits((this.maxModelCalls != null) ? this.maxModelCalls : DEFAULT_MAX_MODEL_CALLS,
				(this.maxToolCalls != null) ? this.maxToolCalls : DEFAULT_MAX_TOOL_CALLS,
				(this.maxTokens != null) ? this.maxTokens : DEFAULT_MAX_TOKENS);
	}

}
