package io.brain.workers.agent;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.brain.workers.catalog.ActionInput;
import io.brain.workers.catalog.ConnectorDefinition;
import io.brain.workers.catalog.ConnectorDefinition.ConnectorAction;
import io.brain.workers.connector.ConnectorCatalog;
import io.brain.workers.model.LanguageModel;
import io.brain.workers.model.LanguageModel.Tool;
import org.springframework.stereotype.Component;

/**
 * The connector actions an agent may use as tools: each action of the connector catalog
 * with its inputs, as the model is told them. The inputs that name a connection are not
 * among them: Brain binds the connection the tenant toggled, the model never chooses one.
 */
@Component
public class AgentTools {

	private final Map<String, Action> actions = new LinkedHashMap<>();

	AgentTools() {
		for (ConnectorDefinition definition : ConnectorCatalog.all()) {
			for (ConnectorAction action : definition.actions()) {
				this.actions.put(key(definition.type(), action.id()), new Action(definition, action));
			}
		}
	}

	/** A connector action as a tool, if the connector has it. */
	Optional<Action> action(String connector, String action) {
		return Optional.ofNullable(this.actions.get(key(connector, action)));
	}

	Collection<Action> all() {
		return this.actions.values();
	}

	private static String key(String connector, String action) {
		return connector + "/" + action;
	}

	/**
	 * A connector action an agent may use.
	 *
	 * @param connector the connector
	 * @param action the action, with its job type and inputs
	 */
	record Action(ConnectorDefinition connector, ConnectorAction action) {

		/** The tool as the model sees it, under the name the agent's settings give it. */
		Tool tool(String name) {
			List<LanguageModel.Parameter> inputs = this.action.inputs()
				.stream()
				.map((input) -> new LanguageModel.Parameter(input.name(), input.type(),
						input.label() + (input.description().isBlank() ? "" : ": " + input.description()),
						input.required()))
				.toList();
			return new Tool(name, this.connector.name() + ": " + this.action.name(), inputs);
		}

	}

}
