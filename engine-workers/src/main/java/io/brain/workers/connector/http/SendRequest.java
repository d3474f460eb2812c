package io.brain.workers.connector.http;

import java.util.Map;

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
public record SendRequest(@NotNull HttpMethod method, @NotBlank String url, Map<String, String> headers, Object body,
		@Positive @Max(300) Integer timeoutSeconds) {

	public SendRequest {
		headers = (headers != null) ? Map.copyOf(headers) : Map.of();
	}

	/** The methods a step can use. */
	public enum HttpMethod {

		GET, POST, PUT, PATCH, DELETE, HEAD

	}

}
