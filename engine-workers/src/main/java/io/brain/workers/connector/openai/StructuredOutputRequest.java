package io.brain.workers.connector.openai;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.connector.generator.java.annotation.TemplateProperty;
import io.camunda.connector.generator.java.annotation.TemplateProperty.PropertyType;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

/**
 * Input of the structured-output action: a chat completion whose answer must be a JSON
 * object that matches a JSON schema.
 *
 * @param connection the name of the tenant's OpenAI connection
 * @param systemPrompt the instructions the model follows, if any
 * @param userPrompt what the model answers
 * @param model a model instead of the connection's default model
 * @param temperature sampling temperature, 0 to 2
 * @param maxTokens the most tokens the answer may have
 * @param schema the JSON schema of the answer (an object schema), as an object or as JSON
 * text
 * @param schemaName the schema's name, as OpenAI asks for one
 * @param strict whether the model must follow the schema exactly (OpenAI's strict mode,
 * which asks every property to be required and {@code additionalProperties: false})
 */
public record StructuredOutputRequest(
		@NotBlank @TemplateProperty(group = "connection", label = "Connection",
				description = "The name of an OpenAI connection configured on the Connectors page") String connection,
		@TemplateProperty(group = "prompt", label = "System prompt", type = PropertyType.Text, optional = true,
				description = "Instructions the model follows, e.g. the tone of voice") String systemPrompt,
		@NotBlank @TemplateProperty(group = "prompt", label = "User prompt",
				type = PropertyType.Text) String userPrompt,
		@TemplateProperty(group = "model", label = "Model", optional = true,
				description = "Leave empty for the connection's default model") String model,
		@DecimalMin("0") @DecimalMax("2") @TemplateProperty(group = "model", label = "Temperature", optional = true,
				description = "0 to 2; lower is more focused, higher more varied") Double temperature,
		@Positive @TemplateProperty(group = "model", label = "Max tokens", optional = true,
				description = "The most tokens the answer may have") Integer maxTokens,
		@NotNull @TemplateProperty(group = "output", label = "JSON schema",
				description = "The JSON schema of the answer, as JSON text or a FEEL context, e.g. {type: \"object\", properties: {...}}") JsonNode schema,
		@Pattern(regexp = "[a-zA-Z0-9_-]{1,64}") @TemplateProperty(group = "output", label = "Schema name",
				optional = true, description = "Letters, digits, _ and -; \"output\" when empty") String schemaName,
		@TemplateProperty(group = "output", label = "Strict", optional = true,
				description = "Follow the schema exactly (default); the schema must then require every property "
						+ "and set additionalProperties to false") Boolean strict) {

	/**
	 * The same request with another schema, e.g. the parsed form of a schema given as
	 * text.
	 */
	StructuredOutputRequest withSchema(JsonNode schema) {
		return new StructuredOutputRequest(this.connection, this.systemPrompt, this.userPrompt, this.model,
				this.temperature, this.maxTokens, schema, this.schemaName, this.strict);
	}

}
