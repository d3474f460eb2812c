package io.brain.workers.agent;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One version of an agent's settings, as the api stores them
 * ({@code agent_version.config}) and the runtime reads them: who it is, the model it
 * asks, the tools it may call and how far one run may go. Connections are ids; their
 * secrets are loaded for the tenant when a call needs them.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record AgentSettings(String name, String role, String taskPrompt, Model model, List<ToolBinding> tools, Limits limits,
		Delivery delivery) {

	static final int DEFAULT_MAX_MODEL_CALLS = 10;

	static final int DEFAULT_MAX_TOOL_CALLS = 20;

	static final int DEFAULT_MAX_TOKENS = 50_000;

	AgentSettings {
		tools = (tools != null) ? List.copyOf(tools) : List.of();
		limits = (limits != null) ? limits : new Limits(null, null, null);
		delivery = (delivery != null) ? delivery : new Delivery("RUN", null, null, null);
	}

	/** The tool the model calls by this name, if the agent has it switched on. */
	Optional<ToolBinding> tool(String name) {
		return this.tools.stream().filter((tool) -> tool.name() != null && tool.name().equals(name)).findFirst();
	}

	/**
	 * The model an agent asks, through a connection of the OpenAI-compatible connector.
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Model(UUID connectionId, String model, Double temperature, Integer maxOutputTokens) {
	}

	/**
	 * A connector action the agent may call, bound to one connection.
	 *
	 * @param name the tool's name as the model sees it
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record ToolBinding(String connector, String action, UUID connectionId, String access, Boolean requiresApproval,
			String name) {

		/** Whether a person approves each call first: by default a write does. */
		boolean approvalNeeded() {
			return (this.requiresApproval != null) ? this.requiresApproval : !"READ".equals(this.access);
		}

	}

	/**
	 * Where a run's answer goes besides the run: {@code RUN} (nowhere else),
	 * {@code EMAIL} to addresses separated by commas, or {@code SLACK} to a channel, each
	 * through one of the tenant's connections.
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Delivery(String kind, UUID connectionId, String to, String channel) {
	}

	/** How far one run may go; Brain's defaults where left out. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Limits(Integer maxModelCalls, Integer maxToolCalls, Integer maxTokens) {

		int modelCalls() {
			return (this.maxModelCalls != null) ? this.maxModelCalls : DEFAULT_MAX_MODEL_CALLS;
		}

		int toolCalls() {
			return (this.maxToolCalls != null) ? this.maxToolCalls : DEFAULT_MAX_TOOL_CALLS;
		}

		int tokens() {
			return (this.maxTokens != null) ? this.maxTokens : DEFAULT_MAX_TOKENS;
		}

	}

}
