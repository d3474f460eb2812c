package io.brain.workers.connector;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.model.bpmn.builder.ServiceTaskBuilder;

/**
 * Test support: a committed element template, applied to a service task the way the
 * modeler applies it: the task gets the template's job type, retries and headers, and
 * every input of the chosen operation, with the template's defaults unless a value is
 * given (values are what a user types: {@code =...} is FEEL, anything else static text).
 */
final class ElementTemplate {

	private final JsonNode template;

	private ElementTemplate(JsonNode template) {
		this.template = template;
	}

	static ElementTemplate of(String connectorType) {
		try {
			return new ElementTemplate(new ObjectMapper()
				.readTree(ElementTemplatesTests.COMMITTED.resolve(connectorType + ".json").toFile()));
		}
		catch (IOException ex) {
			throw new IllegalStateException(
					"No committed element template for " + connectorType + " in "
							+ Path.of("").toAbsolutePath().relativize(ElementTemplatesTests.COMMITTED.toAbsolutePath()),
					ex);
		}
	}

	/**
	 * Applies the template for one operation.
	 * @param task the service task
	 * @param operation the operation chosen in the template's dropdown
	 * @param values values by binding name (inputs and headers)
	 */
	void apply(ServiceTaskBuilder task, String operation, Map<String, String> values) {
		for (JsonNode property : this.template.path("properties")) {
			String condition = property.path("condition").path("allMatch").path(0).path("equals").asText(null);
			if (condition != null && !condition.equals(operation)) {
				continue;
			}
			JsonNode binding = property.path("binding");
			String name = binding.has("name") ? binding.path("name").asText() : binding.path("key").asText();
			String value = values.getOrDefault(name,
					property.path("id").asText().equals("operation") ? operation : property.path("value").asText(null));
			if (value == null) {
				continue;
			}
			switch (binding.path("type").asText()) {
				case "zeebe:taskDefinition" -> {
					if (binding.path("property").asText().equals("type")) {
						task.zeebeJobType(value);
					}
					else {
						task.zeebeJobRetries(value);
					}
				}
				case "zeebe:taskHeader" -> task.zeebeTaskHeader(name, value);
				case "zeebe:input" -> task.zeebeInput(value, name);
				default -> throw new IllegalStateException("Unexpected binding " + binding);
			}
		}
		values.keySet().forEach((name) -> {
			if (!bindsTo(operation, name)) {
				throw new IllegalArgumentException("The " + this.template.path("name").asText()
						+ " template has no field " + name + " for " + operation);
			}
		});
	}

	private boolean bindsTo(String operation, String name) {
		for (JsonNode property : this.template.path("properties")) {
			String condition = property.path("condition").path("allMatch").path(0).path("equals").asText(null);
			JsonNode binding = property.path("binding");
			if ((condition == null || condition.equals(operation)) && (name.equals(binding.path("name").asText(null))
					|| name.equals(binding.path("key").asText(null)))) {
				return true;
			}
		}
		return false;
	}

}
