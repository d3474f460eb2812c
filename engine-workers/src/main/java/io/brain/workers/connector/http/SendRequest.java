package io.brain.workers.connector.http;

import java.util.Map;

import io.camunda.connector.generator.dsl.Property.FeelMode;
import io.camunda.connector.generator.java.annotation.TemplateProperty;
import io.camunda.connector.generator.java.annotation.TemplateProperty.PropertyType;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * Input of the "send request" action.
 *
 * @param method the HTTP method
 * @param url the absolute http or https URL to call
 * @param headers request headers
 * @param body the body: a string is sent as it is, anything else as JSON
 * @param timeoutSeconds how long the whole request may take, at most 300 seconds
 */
public record SendRequest(
		@NotNull @TemplateProperty(group = "request", label = "Method", type = PropertyType.Dropdown,
				defaultValue = "GET") HttpMethod method,
		@NotBlank @TemplateProperty(group = "request", label = "URL",
				description = "The absolute http or https address to call") String url,
		@TemplateProperty(group = "request", label = "Headers", feel = FeelMode.required, optional = true,
				description = "A FEEL context, e.g. {\"Accept\": \"application/json\"}") Map<String, String> headers,
		@TemplateProperty(group = "request", label = "Body", feel = FeelMode.optional, optional = true,
				description = "Text is sent as it is, anything else as JSON") Object body,
		@Positive @Max(300) @TemplateProperty(group = "request", label = "Timeout (seconds)", optional = true,
				description = "At most 300") Integer timeoutSeconds) {

	public SendRequest {
		headers = (headers != null) ? Map.copyOf(headers) : Map.of();
	}

	/** The methods a step can use. */
	public enum HttpMethod {

		GET, POST, PUT, PATCH, DELETE, HEAD

	}

}
