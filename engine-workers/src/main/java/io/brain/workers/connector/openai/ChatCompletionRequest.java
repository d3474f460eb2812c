package io.brain.workers.connector.openai;

import io.camunda.connector.generator.java.annotation.TemplateProperty;
import io.camunda.connector.generator.java.annotation.TemplateProperty.PropertyType;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;

/**
 * Input of the chat-completion action.
 *
 * @param connection the name of the tenant's OpenAI connection
 * @param systemPrompt the instructions the model follows, if any
 * @param userPrompt what the model answers
 * @param model a model instead of the connection's default model
 * @param temperature sampling temperature, 0 to 2
 * @param maxTokens the most tokens the answer may have
 */
public record ChatCompletionRequest(
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
				description = "The most tokens the answer may have") Integer maxTokens) {

}
