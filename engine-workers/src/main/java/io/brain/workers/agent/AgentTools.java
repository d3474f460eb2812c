package io.brain.workers.agent;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.brain.workers.model.LanguageModel;
import io.brain.workers.model.LanguageModel.Tool;
import io.brain.workers.catalog.ConnectorDefinition;
import io.brain.workers.catalog.ConnectorDefinition.ConnectorAction;
import io.brain.workers.connector.ConnectorCatalog;
import io.camunda.connector.api.annotation.Operation;
import io.camunda.connector.api.annotation.OutboundConnector;
import io.camunda.connector.api.annotation.Variable;
import io.camunda.connector.generator.java.annotation.TemplateProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * The connector actions an agent may use as tools, read from the connectors themselves:
 * each action of the catalog, its job type, and its inputs from the request record its
 * {@code @Operation} method takes, with their labels and descriptions. The inputs that
 * name a connection are left out: Brain binds the connection the tenant toggled, the
 * model never chooses one.
 */
@Component
public class AgentTools {

	/** Inputs Brain sets itself, never the model. */
	static final Set<String> BOUND_INPUTS = Set.of("connection", "connectionId");

	private final Map<String, Action> actions = new LinkedHashMap<>();

	AgentTools(ApplicationContext context) {
		// By their types, without creating them: the agent's own connector needs this.
		Map<String, Object> connectors = new LinkedHashMap<>();
		for (String bean : context.getBeanNamesForAnnotation(OutboundConnector.class)) {
			Class<?> type = ClassUtils.getUserClass(context.getType(bean));
			connectors.put(type.getAnnotation(OutboundConnector.class).type(), type);
		}
		for (ConnectorDefinition definition : ConnectorCatalog.all()) {
			for (ConnectorAction action : definition.actions()) {
				Object connector = connectors.get(action.jobType());
				if (connector instanceof Class<?> type) {
					inputsOf(type, action.id()).ifPresent((inputs) -> this.actions
						.put(key(definition.type(), action.id()), new Action(definition, action, inputs)));
				}
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

	private static Optional<List<LanguageModel.Parameter>> inputsOf(Class<?> connector, String action) {
		for (Method method : connector.getMethods()) {
			Operation operation = method.getAnnotation(Operation.class);
			if (operation == null || !operation.id().equals(action)) {
				continue;
			}
			for (Parameter parameter : method.getParameters()) {
				if (parameter.isAnnotationPresent(Variable.class) && parameter.getType().isRecord()) {
					return Optional.of(inputs(parameter.getType()));
				}
			}
			return Optional.of(List.of());
		}
		return Optional.empty();
	}

	private static List<LanguageModel.Parameter> inputs(Class<?> request) {
		List<LanguageModel.Parameter> inputs = new ArrayList<>();
		for (RecordComponent component : request.getRecordComponents()) {
			if (BOUND_INPUTS.contains(component.getName())) {
				continue;
			}
			TemplateProperty property = component.getAccessor().getAnnotation(TemplateProperty.class);
			if (property == null) {
				property = annotationOnField(request, component);
			}
			String description = (property != null)
					? (property.label() + ((property.description().isBlank()) ? "" : ": " + property.description()))
					: component.getName();
			boolean required = isRequired(request, component);
			inputs.add(
					new LanguageModel.Parameter(component.getName(), type(component.getType()), description, required));
		}
		return inputs;
	}

	private static TemplateProperty annotationOnField(Class<?> request, RecordComponent component) {
		try {
			return request.getDeclaredField(component.getName()).getAnnotation(TemplateProperty.class);
		}
		catch (NoSuchFieldException ex) {
			return null;
		}
	}

	private static boolean isRequired(Class<?> request, RecordComponent component) {
		for (var annotated : List.of(component.getAccessor(), fieldOf(request, component))) {
			if (annotated != null
					&& (annotated.isAnnotationPresent(NotNull.class) || annotated.isAnnotationPresent(NotBlank.class)
							|| annotated.isAnnotationPresent(NotEmpty.class))) {
				return true;
			}
		}
		return false;
	}

	private static java.lang.reflect.AnnotatedElement fieldOf(Class<?> request, RecordComponent component) {
		try {
			return request.getDeclaredField(component.getName());
		}
		catch (NoSuchFieldException ex) {
			return null;
		}
	}

	private static String type(Class<?> type) {
		if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
			return "integer";
		}
		if (Number.class.isAssignableFrom(type) || type == double.class) {
			return "number";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "boolean";
		}
		if (List.class.isAssignableFrom(type) || type.isArray()) {
			return "array";
		}
		if (type == String.class || type.isEnum()) {
			return "string";
		}
		return "object";
	}

	/**
	 * A connector action an agent may use.
	 *
	 * @param connector the connector
	 * @param action the action, with its job type
	 * @param inputs what the model gives it
	 */
	record Action(ConnectorDefinition connector, ConnectorAction action, List<LanguageModel.Parameter> inputs) {

		/** The tool as the model sees it, under the name the agent's settings give it. */
		Tool tool(String name) {
			return new Tool(name, this.connector.name() + ": " + this.action.name(), this.inputs);
		}

	}

}
