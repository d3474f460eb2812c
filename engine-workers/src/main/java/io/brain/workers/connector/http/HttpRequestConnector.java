package io.brain.workers.connector.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brain.workers.outbound.OutboundHttpClient;
import io.brain.workers.catalog.ConnectorDefinition;
import io.brain.workers.connection.ConnectorActions;
import io.brain.workers.catalog.ConnectorDefinition.AuthKind;
import io.brain.workers.catalog.ConnectorDefinition.ConnectorAction;
import io.camunda.connector.api.annotation.OutboundConnector;
import io.camunda.connector.api.annotation.Operation;
import io.camunda.connector.api.annotation.Variable;
import io.camunda.connector.api.error.ConnectorException;
import io.camunda.connector.api.error.ConnectorExceptionBuilder;
import io.camunda.connector.api.error.ConnectorInputException;
import io.camunda.connector.api.outbound.OutboundConnectorContext;
import io.camunda.connector.api.outbound.OutboundConnectorProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.camunda.connector.generator.java.annotation.ElementTemplate;

import org.springframework.stereotype.Component;

/**
 * The generic HTTP connector: calls any URL a user gives, for providers Brain has no
 * connector for.
 * <p>
 * A 4xx answer becomes an error with the status as its code, which a model can catch with
 * an error boundary event; a 429 or 5xx that persists through every retry fails the job
 * so Zeebe retries it with backoff; a refused address raises an incident at once.
 */
@Component
@OutboundConnector(name = "HTTP request", type = HttpRequestConnector.TYPE)
@ElementTemplate(engineVersion = "^8.6", id = "io.brain.http", name = "HTTP request", version = 1,
		description = "Call any HTTP API (outbound addresses are checked against Brain's network rules)",
		icon = "io/brain/workers/connector/http/icon.svg",
		propertyGroups = @ElementTemplate.PropertyGroup(id = "request", label = "Request"))
public class HttpRequestConnector implements OutboundConnectorProvider {

	/** The job type BPMN service tasks use to reach this connector. */
	public static final String TYPE = "io.brain:http-request:1";

	/**
	 * The generic HTTP connector needs no connection: the step carries the URL and
	 * headers.
	 */
	public static final ConnectorDefinition DEFINITION = new ConnectorDefinition("http", "HTTP request",
			"Calls any HTTP API, for providers Brain has no connector for.", AuthKind.NONE, List.of(),
			List.of(ConnectorAction.write("send", "Send request", TYPE)), List.of(), null);

	private static final Logger logger = LoggerFactory.getLogger(HttpRequestConnector.class);

	/** The request header of the IETF httpapi "Idempotency-Key" draft. */
	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	/** The methods HTTP does not define as idempotent, which carry a key. */
	private static final Set<SendRequest.HttpMethod> NOT_IDEMPOTENT = EnumSet.of(SendRequest.HttpMethod.POST,
			SendRequest.HttpMethod.PATCH);

	private final OutboundHttpClient http;

	private final ObjectMapper json;

	private final ConnectorActions actions;

	HttpRequestConnector(OutboundHttpClient http, ObjectMapper json, ConnectorActions actions) {
		this.http = http;
		this.json = json;
		this.actions = actions;
	}

	@Operation(id = "send", name = "Send request")
	public SendResult send(@Variable SendRequest request, OutboundConnectorContext context) {
		HttpRequest outbound = toHttpRequest(request,
				ConnectorActions.idempotencyKey(context.getJobContext(), DEFINITION, "send"));
		String host = outbound.uri().getHost();
		return this.actions.perform(context.getJobContext(), DEFINITION, "send", host, () -> call(outbound),
				(result) -> Map.of("method", request.method().name(), "status", result.status()));
	}

	private SendResult call(HttpRequest outbound) {
		HttpResponse<byte[]> response = this.http.send(outbound);
		String host = outbound.uri().getHost();
		logger.info("{} {} answered {}", outbound.method(), host, response.statusCode());
		SendResult result = new SendResult(response.statusCode(), firstValues(response), readBody(response));
		if (OutboundHttpClient.isTransient(response.statusCode())) {
			throw new ConnectorException(String.valueOf(response.statusCode()),
					host + " answered " + response.statusCode() + " on every try");
		}
		if (response.statusCode() >= 400) {
			throw new ConnectorExceptionBuilder().errorCode(String.valueOf(response.statusCode()))
				.message(host + " answered " + response.statusCode())
				.errorVariables(Map.of("response", result))
				.build();
		}
		return result;
	}

	/**
	 * The request a step describes. A POST or PATCH carries the step's
	 * {@code Idempotency-Key} (the IETF httpapi draft's header, a structured-field
	 * string: the key in quotes), the same for every try of the step, unless the step
	 * sets a header of that name itself.
	 */
	private HttpRequest toHttpRequest(SendRequest request, String idempotencyKey) {
		URI uri;
		try {
			uri = new URI(request.url().trim());
		}
		catch (URISyntaxException ex) {
			throw new ConnectorInputException("url is not a valid URL: " + ex.getMessage());
		}
		if (!uri.isAbsolute()) {
			throw new ConnectorInputException("url must be absolute, such as https://example.com/path");
		}
		HttpRequest.Builder builder = HttpRequest.newBuilder(uri);
		if (request.timeoutSeconds() != null) {
			builder.timeout(Duration.ofSeconds(request.timeoutSeconds()));
		}
		boolean hasContentType = false;
		boolean hasIdempotencyKey = false;
		for (Map.Entry<String, String> header : request.headers().entrySet()) {
			try {
				builder.header(header.getKey(), header.getValue());
			}
			catch (IllegalArgumentException ex) {
				throw new ConnectorInputException("headers." + header.getKey() + " cannot be set: " + ex.getMessage());
			}
			hasContentType |= header.getKey().equalsIgnoreCase("Content-Type");
			hasIdempotencyKey |= header.getKey().equalsIgnoreCase(IDEMPOTENCY_KEY);
		}
		if (!hasIdempotencyKey && NOT_IDEMPOTENT.contains(request.method())) {
			builder.header(IDEMPOTENCY_KEY, "\"" + idempotencyKey + "\"");
		}
		if (request.body() == null) {
			return builder.method(request.method().name(), HttpRequest.BodyPublishers.noBody()).build();
		}
		String body = (request.body() instanceof String text) ? text : writeJson(request.body());
		if (!hasContentType && !(request.body() instanceof String)) {
			builder.header("Content-Type", "application/json");
		}
		return builder.method(request.method().name(), HttpRequest.BodyPublishers.ofString(body)).build();
	}

	private String writeJson(Object body) {
		try {
			return this.json.writeValueAsString(body);
		}
		catch (JsonProcessingException ex) {
			throw new ConnectorInputException("body cannot be written as JSON: " + ex.getOriginalMessage());
		}
	}

	private Object readBody(HttpResponse<byte[]> response) {
		byte[] bytes = response.body();
		if (bytes == null || bytes.length == 0) {
			return null;
		}
		String contentType = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
		if (contentType.contains("json")) {
			try {
				return this.json.readValue(bytes, Object.class);
			}
			catch (java.io.IOException notJson) {
				// the provider mislabelled its body; hand it on as text
			}
		}
		return new String(bytes, StandardCharsets.UTF_8);
	}

	private static Map<String, String> firstValues(HttpResponse<?> response) {
		Map<String, String> headers = new LinkedHashMap<>();
		response.headers().map().forEach((name, values) -> {
			if (!values.isEmpty() && !name.startsWith(":")) {
				headers.put(name.toLowerCase(Locale.ROOT), values.get(0));
			}
		});
		return headers;
	}

}
