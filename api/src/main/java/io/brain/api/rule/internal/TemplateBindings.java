package io.brain.api.rule.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a Zeebe element template makes of a service task, read generically from the
 * template's JSON: each property's binding ({@code zeebe:taskDefinition},
 * {@code zeebe:input}, {@code zeebe:taskHeader}) with the value given for the property,
 * else the template's default (hidden properties always take theirs), for the properties
 * whose conditions hold; required ({@code constraints.notEmpty}) properties without a
 * value, values a dropdown does not offer and values a pattern refuses are issues.
 *
 * @param jobType the job type ({@code zeebe:taskDefinition} type)
 * @param retries the job retries, if the template sets them
 * @param inputs the input mappings, target to source
 * @param headers the task headers, key to value
 * @param label the step's name: the template's name and the operation's, if it has a
 * choice of operations
 * @param issues what is wrong with the values given
 */
public record TemplateBindings(String jobType, String retries, Map<String, String> inputs, Map<String, String> headers,
		String label, List<Issue> issues) {

	/** The input mapping that names the tenant's connection a connector step uses. */
	public static final String CONNECTION_INPUT = "connection";

	/**
	 * Applies a template's properties.
	 * @param template the element template JSON
	 * @param values the values given, by property id
	 * @param connection the name of the connection for the active {@code connection}
	 * input, or null
	 * @return the bindings and the issues; an issue's {@code property} is the property
	 * id, or {@link #CONNECTION_INPUT} for the connection
	 */
	public static TemplateBindings of(JsonNode template, Map<String, String> values, String connection) {
		String name = template.path("name").asText(template.path("id").asText());
		List<Issue> issues = new ArrayList<>();
		Map<String, JsonNode> byId = new LinkedHashMap<>();
		for (JsonNode property : template.path("properties")) {
			if (property.hasNonNull("id")) {
				byId.put(property.get("id").asText(), property);
			}
		}
		Map<String, String> current = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> entry : byId.entrySet()) {
			JsonNode property = entry.getValue();
			String given = values.get(entry.getKey());
			boolean hidden = "Hidden".equals(property.path("type").asText());
			if (given != null && !given.isBlank() && !hidden && !isConnection(property)) {
				current.put(entry.getKey(), given);
			}
			else if (property.hasNonNull("value")) {
				current.put(entry.getKey(), property.get("value").asText());
			}
		}
		for (Map.Entry<String, String> given : values.entrySet()) {
			JsonNode property = byId.get(given.getKey());
			if (property == null) {
				issues.add(new Issue(given.getKey(), name + " has no field '" + given.getKey() + "'."));
			}
			else if ("Hidden".equals(property.path("type").asText())) {
				issues.add(new Issue(given.getKey(), label(property) + " is set by the " + name + " template."));
			}
			else if (isConnection(property)) {
				issues.add(new Issue(given.getKey(), "Choose the connection as the action's connection."));
			}
			else if (!applies(property, current) && given.getValue() != null && !given.getValue().isBlank()) {
				issues.add(new Issue(given.getKey(), label(property) + " does not apply to this operation."));
			}
		}

		String jobType = null;
		String retries = null;
		Map<String, String> inputs = new LinkedHashMap<>();
		Map<String, String> headers = new LinkedHashMap<>();
		boolean takesConnection = false;
		for (JsonNode property : template.path("properties")) {
			if (!applies(property, current)) {
				continue;
			}
			String id = property.path("id").asText(null);
			JsonNode binding = property.path("binding");
			boolean connectionInput = isConnection(property);
			takesConnection |= connectionInput;
			String value = connectionInput ? connection
					: (id != null) ? current.get(id) : property.path("value").asText(null);
			String field = connectionInput ? CONNECTION_INPUT : id;
			if (value == null || value.isBlank()) {
				if (property.path("constraints").path("notEmpty").asBoolean(false)) {
					issues.add(new Issue(field, label(property) + " is required."));
				}
				continue;
			}
			String source;
			try {
				source = connectionInput ? staticText(value) : source(property, value);
			}
			catch (IllegalArgumentException ex) {
				issues.add(new Issue(field, label(property) + " " + ex.getMessage()));
				continue;
			}
			switch (binding.path("type").asText()) {
				case "zeebe:taskDefinition" -> {
					if ("type".equals(binding.path("property").asText())) {
						jobType = value;
					}
					else if ("retries".equals(binding.path("property").asText())) {
						retries = value;
					}
				}
				case "zeebe:input" -> inputs.put(binding.path("name").asText(), source);
				case "zeebe:taskHeader" -> headers.put(binding.path("key").asText(), source);
				default -> issues.add(new Issue(field, label(property) + " has a binding Brain cannot apply ("
						+ binding.path("type").asText() + ")."));
			}
		}
		if (connection != null && !takesConnection) {
			issues.add(new Issue(CONNECTION_INPUT, name + " takes no connection for this operation."));
		}
		return new TemplateBindings(jobType, retries, inputs, headers, stepLabel(template, current), issues);
	}

	/** The template's name, with the operation's when it offers a choice of them. */
	private static String stepLabel(JsonNode template, Map<String, String> current) {
		String name = template.path("name").asText();
		for (JsonNode property : template.path("properties")) {
			if ("Dropdown".equals(property.path("type").asText())
					&& "operation".equals(property.path("binding").path("key").asText())
					&& property.path("choices").size() > 1) {
				String operation = current.get(property.path("id").asText());
				for (JsonNode choice : property.path("choices")) {
					if (choice.path("value").asText().equals(operation)) {
						return name + ": " + choice.path("name").asText();
					}
				}
			}
		}
		return name;
	}

	/**
	 * Whether a property's condition holds for the current values: {@code equals},
	 * {@code oneOf}, {@code isActive} on another property, or all of {@code allMatch}.
	 */
	static boolean applies(JsonNode property, Map<String, String> current) {
		JsonNode condition = property.path("condition");
		if (condition.isMissingNode() || condition.isNull()) {
			return true;
		}
		if (condition.has("allMatch")) {
			for (JsonNode each : condition.get("allMatch")) {
				if (!holds(each, current)) {
					return false;
				}
			}
			return true;
		}
		return holds(condition, current);
	}

	private static boolean holds(JsonNode condition, Map<String, String> current) {
		String value = current.get(condition.path("property").asText());
		if (condition.has("equals")) {
			return condition.get("equals").asText().equals(value);
		}
		if (condition.has("oneOf")) {
			for (JsonNode option : condition.get("oneOf")) {
				if (option.asText().equals(value)) {
					return true;
				}
			}
			return false;
		}
		if (condition.has("isActive")) {
			return condition.get("isActive").asBoolean() == (value != null);
		}
		return false;
	}

	/**
	 * The source (an input) or value (a header) of a property's value, as the modeler
	 * writes it: FEEL where the property takes FEEL and the value starts with {@code =}
	 * (or always, for {@code feel: required}), numbers and booleans as FEEL literals, any
	 * other value as static text.
	 * @throws IllegalArgumentException naming what is wrong with the value
	 */
	static String source(JsonNode property, String value) {
		String type = property.path("type").asText();
		String feel = property.path("feel").asText("");
		boolean takesFeel = feel.equals("optional") || feel.equals("required");
		if ("Hidden".equals(type)) {
			return value;
		}
		if (takesFeel && value.startsWith("=")) {
			if (value.substring(1).isBlank()) {
				throw new IllegalArgumentException("needs an expression after '='.");
			}
			return value;
		}
		switch (type) {
			case "Boolean" -> {
				String bool = value.strip().toLowerCase(Locale.ROOT);
				if (!bool.equals("true") && !bool.equals("false")) {
					throw new IllegalArgumentException("must be true or false.");
				}
				return "=" + bool;
			}
			case "Number" -> {
				BigDecimal number;
				try {
					number = new BigDecimal(value.strip());
				}
				catch (NumberFormatException ex) {
					throw new IllegalArgumentException("must be a number.");
				}
				return takesFeel ? "=" + Feel.number(number) : Feel.number(number);
			}
			case "Dropdown" -> {
				for (JsonNode choice : property.path("choices")) {
					if (choice.path("value").asText().equals(value)) {
						return staticText(value);
					}
				}
				List<String> offered = new ArrayList<>();
				property.path("choices").forEach((choice) -> offered.add(choice.path("value").asText()));
				throw new IllegalArgumentException("must be one of " + String.join(", ", offered) + ".");
			}
			default -> {
				if (feel.equals("required")) {
					return "=" + value;
				}
				checkConstraints(property, value);
				return staticText(value);
			}
		}
	}

	/** Static text; text that would read as an expression is quoted as a FEEL string. */
	private static String staticText(String value) {
		return value.startsWith("=") ? "=" + Feel.string(value) : value;
	}

	/** A static text's length and pattern, as the template constrains them. */
	private static void checkConstraints(JsonNode property, String value) {
		JsonNode constraints = property.path("constraints");
		if (constraints.has("maxLength") && value.length() > constraints.get("maxLength").asInt()) {
			throw new IllegalArgumentException(
					"is longer than " + constraints.get("maxLength").asInt() + " characters.");
		}
		if (constraints.has("minLength") && value.length() < constraints.get("minLength").asInt()) {
			throw new IllegalArgumentException(
					"is shorter than " + constraints.get("minLength").asInt() + " characters.");
		}
		JsonNode pattern = constraints.path("pattern");
		if (pattern.isMissingNode() || pattern.isNull()) {
			return;
		}
		String regex = pattern.isTextual() ? pattern.asText() : pattern.path("value").asText();
		String message = pattern.isTextual() ? null : pattern.path("message").asText(null);
		try {
			if (!Pattern.compile(regex).matcher(value).matches()) {
				throw new IllegalArgumentException((message != null) ? message : "does not match " + regex + ".");
			}
		}
		catch (PatternSyntaxException ex) {
			// The template's own pattern is broken: nothing to hold the value to.
		}
	}

	private static boolean isConnection(JsonNode property) {
		return "zeebe:input".equals(property.path("binding").path("type").asText())
				&& CONNECTION_INPUT.equals(property.path("binding").path("name").asText());
	}

	private static String label(JsonNode property) {
		return property.path("label").asText(property.path("id").asText("A field"));
	}

	/**
	 * One issue with the values given.
	 *
	 * @param property the property id at fault, or {@link #CONNECTION_INPUT}
	 * @param message what is wrong
	 */
	public record Issue(String property, String message) {

	}

}
