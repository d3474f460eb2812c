package io.brain.api.agent;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import io.brain.api.connector.ConnectorType;
import io.brain.api.connector.ConnectorTypes;
import io.brain.api.connector.Connections;
import io.brain.api.identity.CurrentUser;
import io.brain.api.problem.BrainProblem;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Dry runs of an agent's tools from its settings page: the sample input is checked as the
 * tool's step would take it (the inputs the catalog lists, their types, the required
 * ones), and the answer shows the tool as the model is told it and what its step would
 * give the connector action. Nothing reaches the provider, for a read tool or a write
 * one.
 */
@Service
class AgentDryRuns {

	/** Inputs Brain sets from the tool's bound connection, never from the model. */
	private static final Set<String> BOUND = Set.of("connection", "connectionId");

	private final AgentRepository agents;

	private final ConnectorTypes types;

	private final Connections connections;

	private final ObjectMapper json;

	AgentDryRuns(AgentRepository agents, ConnectorTypes types, Connections connections, ObjectMapper json) {
		this.agents = agents;
		this.types = types;
		this.connections = connections;
		this.json = json;
	}

	ToolDryRun dryRun(CurrentUser user, UUID agentId, DryRunRequest request) {
		AgentConfig config = this.agents.find(user.tenant().value(), agentId)
			.orElseThrow(() -> BrainProblem.notFound("This tenant has no agent " + agentId + "."))
			.config();
		AgentTool tool = config.tools()
			.stream()
			.filter((candidate) -> candidate.name().equals(request.tool()))
			.findFirst()
			.orElseThrow(() -> BrainProblem.badInput("tool",
					"'" + request.tool() + "' is not one of this agent's tools"
							+ (config.tools().isEmpty() ? "; it has none." : "; it has "
									+ String.join(", ", config.tools().stream().map(AgentTool::name).toList()) + ".")));
		ConnectorType type = this.types.find(tool.connector())
			.orElseThrow(() -> new BrainProblem(HttpStatus.UNPROCESSABLE_ENTITY, "tool",
					"Brain no longer has the connector " + tool.connector() + "."));
		ConnectorType.Action action = type.actions()
			.stream()
			.filter((candidate) -> candidate.id().equals(tool.action()))
			.findFirst()
			.orElseThrow(() -> new BrainProblem(HttpStatus.UNPROCESSABLE_ENTITY, "tool",
					type.name() + " no longer has the action " + tool.action() + "."));
		String connectionName;
		try {
			connectionName = this.connections.get(user, tool.connectionId()).name();
		}
		catch (BrainProblem gone) {
			throw new BrainProblem(HttpStatus.UNPROCESSABLE_ENTITY, "tool",
					"The connection " + request.tool() + " is bound to is gone; bind the tool to another one.");
		}
		JsonNode input = (request.input() == null || request.input().isNull()) ? this.json.createObjectNode()
				: request.input();
		if (!input.isObject()) {
			throw BrainProblem.badInput("input", "The input must be a JSON object of the tool's inputs.");
		}
		Map<String, ConnectorType.Input> declared = new LinkedHashMap<>();
		action.inputs().forEach((declaredInput) -> declared.put(declaredInput.name(), declaredInput));
		Map<String, Object> wouldSend = new LinkedHashMap<>();
		List<String> dropped = new ArrayList<>();
		for (Iterator<Map.Entry<String, JsonNode>> fields = input.fields(); fields.hasNext();) {
			Map.Entry<String, JsonNode> field = fields.next();
			if (BOUND.contains(field.getKey())) {
				dropped.add(field.getKey());
				continue;
			}
			ConnectorType.Input known = declared.get(field.getKey());
			if (known == null) {
				throw BrainProblem.badInput("input." + field.getKey(),
						"'" + field.getKey() + "' is not an input of " + type.name() + ": " + action.name()
								+ "; its inputs are " + String.join(", ", declared.keySet()) + ".");
			}
			if (!field.getValue().isNull() && !fits(known.type(), field.getValue())) {
				throw BrainProblem.badInput("input." + field.getKey(),
						"'" + field.getKey() + "' must be " + article(known.type()) + ".");
			}
			wouldSend.put(field.getKey(), this.json.convertValue(field.getValue(), Object.class));
		}
		for (ConnectorType.Input required : declared.values()) {
			JsonNode given = input.get(required.name());
			if (required.required()
					&& (given == null || given.isNull() || (given.isTextual() && given.asText().isBlank()))) {
				throw BrainProblem.badInput("input." + required.name(), "'" + required.name() + "' (" + required.label()
						+ ") is required by " + type.name() + ": " + action.name() + ".");
			}
		}
		wouldSend.put("connection", connectionName);
		return new ToolDryRun(tool.name(), type.name() + ": " + action.name(), action.inputs(), type.type(),
				action.id(), action.access(), tool.requiresApproval(), tool.connectionId(), connectionName, wouldSend,
				dropped, false);
	}

	private static boolean fits(String type, JsonNode value) {
		return switch (type) {
			case "string" -> value.isTextual();
			case "integer" -> value.isIntegralNumber();
			case "number" -> value.isNumber();
			case "boolean" -> value.isBoolean();
			case "array" -> value.isArray();
			default -> value.getNodeType() == JsonNodeType.OBJECT || value.isArray() || value.isValueNode();
		};
	}

	private static String article(String type) {
		return switch (type) {
			case "integer" -> "an integer";
			case "array" -> "an array";
			case "object" -> "an object";
			default -> "a " + type;
		};
	}

}
