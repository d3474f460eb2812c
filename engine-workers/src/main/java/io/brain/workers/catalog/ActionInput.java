package io.brain.workers.catalog;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.camunda.connector.api.annotation.Operation;
import io.camunda.connector.api.annotation.Variable;
import io.camunda.connector.generator.java.annotation.TemplateProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/**
 * One input of a connector action, read from the request record its {@code @Operation}
 * method takes: its name, JSON type, label and description from its
 * {@code @TemplateProperty}, and whether it is required (a {@code @NotNull},
 * {@code @NotBlank} or {@code @NotEmpty} on it). Inputs that name a connection are not
 * listed: Brain binds the connection a step or an agent's tool is configured with.
 *
 * @param name the variable's name
 * @param type its JSON type: {@code string}, {@code integer}, {@code number},
 * {@code boolean}, {@code array} or {@code object}
 * @param label its label in the step's form
 * @param description what to give, if the form says more than the label
 * @param required whether the action needs it
 */
public record ActionInput(String name, String type, String label, String description, boolean required) {

	/** Inputs Brain sets itself from the configured connection. */
	public static final Set<String> BOUND = Set.of("connection", "connectionId");

	/** The inputs of a connector's operation, empty if it takes no request record. */
	static List<ActionInput> of(Class<?> connector, String operationId) {
		for (Method method : connector.getMethods()) {
			Operation operation = method.getAnnotation(Operation.class);
			if (operation == null || !operation.id().equals(operationId)) {
				continue;
			}
			for (Parameter parameter : method.getParameters()) {
				if (parameter.isAnnotationPresent(Variable.class) && parameter.getType().isRecord()) {
					return of(parameter.getType());
				}
			}
			return List.of();
		}
		throw new IllegalStateException(connector.getSimpleName() + " has no operation '" + operationId + "'");
	}

	private static List<ActionInput> of(Class<?> request) {
		List<ActionInput> inputs = new ArrayList<>();
		for (RecordComponent component : request.getRecordComponents()) {
			if (BOUND.contains(component.getName())) {
				continue;
			}
			AnnotatedElement field = field(request, component);
			TemplateProperty property = component.getAccessor().getAnnotation(TemplateProperty.class);
			if (property == null && field != null) {
				property = field.getAnnotation(TemplateProperty.class);
			}
			if (property != null && property.ignore()) {
				continue;
			}
			String label = (property != null && !property.label().isBlank()) ? property.label() : component.getName();
			String description = (property != null) ? property.description() : "";
			boolean required = required(component.getAccessor()) || (field != null && required(field));
			inputs.add(new ActionInput(component.getName(), type(component.getType()), label, description, required));
		}
		return inputs;
	}

	private static boolean required(AnnotatedElement element) {
		return element.isAnnotationPresent(NotNull.class) || element.isAnnotationPresent(NotBlank.class)
				|| element.isAnnotationPresent(NotEmpty.class);
	}

	private static AnnotatedElement field(Class<?> request, RecordComponent component) {
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

}
