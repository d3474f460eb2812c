package io.brain.workers.connector;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.brain.workers.catalog.ConnectorDefinition;
import io.camunda.connector.generator.api.GeneratorConfiguration;
import io.camunda.connector.generator.java.ClassBasedTemplateGenerator;
import io.camunda.connector.generator.java.annotation.ElementTemplate;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generates the Camunda element template of every connector with Camunda's
 * element-template generator, from the connector classes' {@code @ElementTemplate} and
 * their request records' {@code @TemplateProperty} and Jakarta constraints, and keeps the
 * committed templates in process-models equal to them. Run with
 * {@code -Dtemplates.write=true} to rewrite them after changing a connector.
 * <p>
 * Brain adds its own defaults to what the generator writes: operations that only the
 * api's built-in processes use (connection tests, syncs by connection id) are left out, a
 * provider's 400, 404, 409 and 422 become BPMN errors a model can catch (with the
 * variables {@code errorCode} and {@code errorMessage}), and failed calls are retried
 * after 10 seconds.
 */
class ElementTemplatesTests {

	static final Path COMMITTED = Path.of("..", "process-models", "src", "main", "resources", "element-templates");

	static final Set<String> INTERNAL_OPERATIONS = Set.of(ConnectorDefinition.TEST_CONNECTION);

	static final String ERROR_EXPRESSION = "=if error.code != null and list contains([\"400\", \"404\", \"409\", \"422\"], error.code) "
			+ "then bpmnError(error.code, error.message, {errorCode: error.code, errorMessage: error.message}) else null";

	static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

	@Test
	void templatesWhenGeneratedThenEqualTheCommittedFiles() throws Exception {
		TreeMap<String, String> generated = generate();
		if (Boolean.getBoolean("templates.write")) {
			Files.createDirectories(COMMITTED);
			try (Stream<Path> old = Files.list(COMMITTED)) {
				for (Path file : old.toList()) {
					Files.delete(file);
				}
			}
			for (var template : generated.entrySet()) {
				Files.writeString(COMMITTED.resolve(template.getKey()), template.getValue());
			}
		}
		TreeMap<String, String> committed = new TreeMap<>();
		try (Stream<Path> files = Files.list(COMMITTED)) {
			for (Path file : files.toList()) {
				committed.put(file.getFileName().toString(), Files.readString(file));
			}
		}
		assertThat(committed)
			.as("process-models/.../element-templates is out of date: run ./mvnw -pl engine-workers test -Dtest=ElementTemplatesTests -Dtemplates.write=true")
			.isEqualTo(generated);
	}

	@Test
	void templatesWhenGeneratedThenEveryCatalogActionIsOfferedAndNoInternalOperation() throws Exception {
		TreeMap<String, String> generated = generate();
		for (ConnectorDefinition definition : ConnectorCatalog.all()) {
			if (definition.actions().isEmpty()) {
				continue;
			}
			assertThat(generated).as("template of %s", definition.type()).containsKey(definition.type() + ".json");
			JsonNode template = JSON.readTree(generated.get(definition.type() + ".json"));
			List<String> offered = new ArrayList<>();
			JsonNode operation = operation(template);
			operation.path("choices").forEach((choice) -> offered.add(choice.path("value").asText()));
			if (offered.isEmpty()) {
				offered.add(operation.path("value").asText());
			}
			assertThat(offered).as(definition.type())
				.containsAll(definition.actions().stream().map(ConnectorDefinition.ConnectorAction::id).toList())
				.doesNotContainAnyElementsOf(INTERNAL_OPERATIONS);
			assertThat(template.toString()).doesNotContain("connectionId");
		}
	}

	static TreeMap<String, String> generate() throws Exception {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(ElementTemplate.class));
		TreeMap<String, String> templates = new TreeMap<>();
		for (BeanDefinition candidate : scanner.findCandidateComponents("io.brain.workers.connector")) {
			Class<?> connector = Class.forName(candidate.getBeanClassName());
			for (var template : new ClassBasedTemplateGenerator().generate(connector, GeneratorConfiguration.DEFAULT)) {
				ObjectNode json = JSON.valueToTree(template);
				withBrainDefaults(json);
				ConnectorDefinition definition = (ConnectorDefinition) connector.getField("DEFINITION").get(null);
				templates.put(definition.type() + ".json", JSON.writeValueAsString(json) + "\n");
			}
		}
		return templates;
	}

	private static void withBrainDefaults(ObjectNode template) throws IOException {
		ArrayNode properties = (ArrayNode) template.path("properties");
		ArrayNode kept = JSON.createArrayNode();
		for (JsonNode property : properties) {
			String condition = property.path("condition").path("allMatch").path(0).path("equals").asText("");
			String binding = property.path("binding").path("name").asText("");
			if (INTERNAL_OPERATIONS.contains(condition) || binding.startsWith("connectionId")) {
				continue;
			}
			ObjectNode copy = property.deepCopy();
			// The generator leaves notEmpty out for @Size alone; the schema wants it with
			// any constraint.
			if (copy.path("constraints").isObject() && !copy.path("constraints").has("notEmpty")) {
				((ObjectNode) copy.path("constraints")).put("notEmpty", false);
			}
			switch (property.path("id").asText()) {
				case "errorExpression" -> copy.put("value", ERROR_EXPRESSION);
				case "retryBackoff" -> copy.put("value", "PT10S");
				case "operation" -> {
					if (!property.path("type").asText().equals("Dropdown")) {
						break;
					}
					ArrayNode choices = JSON.createArrayNode();
					property.path("choices").forEach((choice) -> {
						if (!INTERNAL_OPERATIONS.contains(choice.path("value").asText())) {
							choices.add(choice);
						}
					});
					copy.set("choices", choices);
					copy.put("value", choices.path(0).path("value").asText());
				}
				default -> {
				}
			}
			kept.add(copy);
		}
		template.set("properties", kept);
	}

	private static JsonNode operation(JsonNode template) {
		for (JsonNode property : template.path("properties")) {
			if (property.path("id").asText().equals("operation")) {
				return property;
			}
		}
		return JSON.createObjectNode();
	}

}
