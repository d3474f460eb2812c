package io.brain.api.agent;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An agent's settings, one version of them: who it is, which model it asks, the connector
 * actions it may use as tools, when it runs on its own, where its answer goes and how far
 * one run may go. Connections are named by id only: no secret is ever part of it.
 *
 * @param name the agent's name, unique in the tenant
 * @param role who the agent is and how it answers: the model's system message
 * @param taskPrompt what a run started by its schedule (or by hand) asks it to do
 * @param model the model it asks and how
 * @param tools the connector actions it may call, each bound to one of the tenant's
 * connections; none when left out
 * @param schedule when it runs on its own; none when left out
 * @param delivery where a run's answer goes; the run only when left out
 * @param limits how far one run may go; Brain's defaults when left out
 */
public record AgentConfig(@NotBlank @Size(max = AgentConfig.MAX_NAME) String name,
		@NotBlank @Size(max = AgentConfig.MAX_ROLE) String role,
		@Schema(nullable = true) @Size(max = AgentConfig.MAX_TASK_PROMPT) String taskPrompt,
		@NotNull @Valid AgentModel model,
		@Schema(nullable = true) @Size(max = AgentConfig.MAX_TOOLS) List<@NotNull @Valid AgentTool> tools,
		@Schema(nullable = true) @Valid AgentSchedule schedule, @Schema(nullable = true) @Valid AgentDelivery delivery,
		@Schema(nullable = true) @Valid AgentLimits limits) {

	static final int MAX_NAME = 200;

	static final int MAX_ROLE = 8000;

	static final int MAX_TASK_PROMPT = 8000;

	static final int MAX_TOOLS = 32;

}
