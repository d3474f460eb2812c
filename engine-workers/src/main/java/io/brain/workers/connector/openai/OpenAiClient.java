package io.brain.workers.connector.openai;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.LangChain4jException;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatRequestParameters;
import dev.langchain4j.model.output.TokenUsage;
import io.brain.workers.connection.ConnectionCheck;
import io.brain.workers.connection.ResolvedConnection;
import io.brain.workers.outbound.BlockedAddressException;
import io.brain.workers.outbound.OutboundCallException;
import io.brain.workers.outbound.OutboundHttpClient;
import io.brain.workers.provider.ProviderEndpoints;
import io.brain.workers.provider.ProviderHttp;
import io.brain.workers.provider.ProviderResponse;
import io.camunda.connector.api.error.ConnectorException;
import io.camunda.connector.api.error.ConnectorInputException;

import org.springframework.stereotype.Component;

/**
 * An OpenAI-compatible chat completions API (OpenAI itself, Azure OpenAI's v1 API,
 * Ollama, vLLM...) through LangChain4j's OpenAI chat model, whose HTTP calls go through
 * Brain's outbound stack ({@link OutboundChatHttpClient}).
 */
@Component
class OpenAiClient {

	/** OpenAI's own API, used when a connection names no base URL. */
	static final String STANDARD_URL = "https://api.openai.com/v1";

	/** How long one model call may take; the outbound stack caps it at its maximum. */
	static final Duration CALL_TIMEOUT = Duration.ofMinutes(2);

	private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
	};

	private final OutboundHttpClient outbound;

	private final ProviderHttp http;

	private final ProviderEndpoints endpoints;

	private final ObjectMapper json;

	OpenAiClient(OutboundHttpClient outbound, ProviderHttp http, ProviderEndpoints endpoints, ObjectMapper json) {
		this.outbound = outbound;
		this.http = http;
		this.endpoints = endpoints;
		this.json = json;
	}

	/** Asks the model for a text answer. */
	ChatCompletionResult chat(ResolvedConnection connection, ChatCompletionRequest request) {
		Server server = server(connection);
		String model = model(connection, request.model());
		ChatResponse response = complete(server, model, messages(request.systemPrompt(), request.userPrompt()),
				OpenAiChatRequestParameters.builder()
					.modelName(model)
					.temperature(request.temperature())
					.maxCompletionTokens(request.maxTokens())
					.build());
		return new ChatCompletionResult(response.aiMessage().text(), response.modelName(), finishReason(response),
				usage(response));
	}

	/**
	 * One turn of a conversation with tools, streamed: the model's text arrives piece by
	 * piece as it is generated; the whole answer, or the tools it calls, at the end.
	 * @param requestedModel the model; the connection's default model when null
	 * @param partial receives each piece of the answer's text as it arrives
	 */
	ChatResponse converse(ResolvedConnection connection, String requestedModel, List<ChatMessage> messages,
			List<ToolSpecification> tools, Double temperature, Integer maxTokens, Consumer<String> partial) {
		Server server = server(connection);
		String model = model(connection, requestedModel);
		OpenAiChatRequestParameters.Builder parameters = OpenAiChatRequestParameters.builder()
			.modelName(model)
			.temperature(temperature)
			.maxCompletionTokens(maxTokens);
		if (!tools.isEmpty()) {
			parameters.toolSpecifications(tools);
		}
		OpenAiStreamingChatModel streaming = OpenAiStreamingChatModel.builder()
			.httpClientBuilder(new OutboundChatHttpClient.Builder(this.outbound, this.json, server.provider()))
			.baseUrl(server.baseUrl())
			.apiKey(server.apiKey())
			.modelName(model)
			.timeout(CALL_TIMEOUT)
			.build();
		CompletableFuture<ChatResponse> answered = new CompletableFuture<>();
		streaming.chat(ChatRequest.builder().messages(messages).parameters(parameters.build()).build(),
				new StreamingChatResponseHandler() {

					@Override
					public void onPartialResponse(String text) {
						partial.accept(text);
					}

					@Override
					public void onCompleteResponse(ChatResponse response) {
						answered.complete(response);
					}

					@Override
					public void onError(Throwable error) {
						answered.completeExceptionally(error);
					}

				});
		try {
			return answered.get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			throw failure(server, model, ex.getCause());
		}
		catch (TimeoutException ex) {
			throw new ConnectorException("TIMEOUT", server.provider() + " did not finish its answer in time", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ConnectorException("INTERRUPTED", "The model call was interrupted", ex);
		}
	}

	/** What a failed model call means for the step. */
	private static RuntimeException failure(Server server, String model, Throwable error) {
		for (Throwable cause = error; cause != null; cause = cause.getCause()) {
			if (cause instanceof OutboundChatHttpClient.Refused refused) {
				return refused.response().failure("model " + model);
			}
			if (cause instanceof BlockedAddressException || cause instanceof OutboundCallException) {
				// The outbound stack's own failures, worded as every connector's.
				return (RuntimeException) cause;
			}
		}
		return new ConnectorException("INVALID_RESPONSE",
				server.provider() + " gave no usable chat completion: " + error.getMessage(), error);
	}

	/** Asks the model for a JSON object that matches a schema, and parses it. */
	StructuredOutputResult structured(ResolvedConnection connection, StructuredOutputRequest request) {
		Server server = server(connection);
		String model = model(connection, request.model());
		String name = (request.schemaName() != null && !request.schemaName().isBlank()) ? request.schemaName()
				: "output";
		boolean strict = !Boolean.FALSE.equals(request.strict());
		// response_format as OpenAI documents it. It goes as a plain map, not as
		// LangChain4j's JsonRawSchema: LangChain4j parses a raw schema with a Jackson
		// mapper that registers every module on the classpath, and the Scala module the
		// Camunda connector runtime brings turns nested schema objects into Scala
		// collections that the OpenAI module then writes as garbage.
		Map<String, Object> jsonSchema = new LinkedHashMap<>();
		jsonSchema.put("name", name);
		jsonSchema.put("strict", strict);
		jsonSchema.put("schema", plain(request.schema()));
		Map<String, Object> format = new LinkedHashMap<>();
		format.put("type", "json_schema");
		format.put("json_schema", jsonSchema);
		ChatResponse response = complete(server, model, messages(request.systemPrompt(), request.userPrompt()),
				OpenAiChatRequestParameters.builder()
					.modelName(model)
					.temperature(request.temperature())
					.maxCompletionTokens(request.maxTokens())
					.customParameters(Map.of("response_format", format))
					.build());
		String text = response.aiMessage().text();
		if (text == null || text.isBlank()) {
			throw new ConnectorException("NO_OUTPUT",
					server.provider() + " answered no JSON (finish reason " + finishReason(response) + ")");
		}
		try {
			return new StructuredOutputResult(this.json.readValue(text, OBJECT), response.modelName(),
					finishReason(response), usage(response));
		}
		catch (IOException ex) {
			throw new ConnectorException("INVALID_OUTPUT", server.provider()
					+ " answered something that is not a JSON object (finish reason " + finishReason(response) + ")",
					ex);
		}
	}

	/**
	 * Checks the API key and the address by listing the models the server offers, and
	 * says whether the default model is among them.
	 */
	ConnectionCheck check(ResolvedConnection connection) {
		Server server = server(connection);
		ProviderHttp.Api api = this.http.to(server.provider(), server.baseUrl()).credential("API key");
		if (server.apiKey() != null) {
			api.bearer(server.apiKey());
		}
		ProviderResponse response = api.get("/models");
		if (!response.ok()) {
			return ConnectionCheck.failed(response.message("model list at this address"));
		}
		JsonNode models = response.body().path("data");
		String defaultModel = connection.text("defaultModel");
		boolean listed = false;
		for (JsonNode model : models) {
			listed |= model.path("id").asText().equals(defaultModel);
		}
		String connected = "Connected (" + models.size() + " models)";
		if (defaultModel == null || defaultModel.isBlank()) {
			return ConnectionCheck.ok(connected);
		}
		return ConnectionCheck.ok(listed ? connected + "; " + defaultModel + " is available"
				: connected + "; " + defaultModel + " is not among them");
	}

	private ChatResponse complete(Server server, String model, List<ChatMessage> messages,
			OpenAiChatRequestParameters parameters) {
		OpenAiChatModel chat = OpenAiChatModel.builder()
			.httpClientBuilder(new OutboundChatHttpClient.Builder(this.outbound, this.json, server.provider()))
			.baseUrl(server.baseUrl())
			.apiKey(server.apiKey())
			.modelName(model)
			// The outbound stack retries 429 and 5xx with Retry-After; LangChain4j must
			// not
			// retry on top of it.
			.maxRetries(0)
			.timeout(CALL_TIMEOUT)
			.build();
		try {
			return chat.chat(ChatRequest.builder().messages(messages).parameters(parameters).build());
		}
		catch (LangChain4jException ex) {
			for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
				if (cause instanceof OutboundChatHttpClient.Refused refused) {
					throw refused.response().failure("model " + model);
				}
			}
			throw new ConnectorException("INVALID_RESPONSE",
					server.provider() + " gave no usable chat completion: " + ex.getMessage(), ex);
		}
	}

	/** A JSON value as plain Java maps, lists and scalars. */
	private static Object plain(JsonNode node) {
		if (node.isObject()) {
			Map<String, Object> object = new LinkedHashMap<>();
			node.properties().forEach((entry) -> object.put(entry.getKey(), plain(entry.getValue())));
			return object;
		}
		if (node.isArray()) {
			List<Object> array = new ArrayList<>();
			node.forEach((item) -> array.add(plain(item)));
			return array;
		}
		if (node.isIntegralNumber()) {
			return node.bigIntegerValue();
		}
		if (node.isNumber()) {
			return node.decimalValue();
		}
		if (node.isBoolean()) {
			return node.booleanValue();
		}
		return node.isNull() ? null : node.asText();
	}

	private static List<ChatMessage> messages(String systemPrompt, String userPrompt) {
		List<ChatMessage> messages = new ArrayList<>();
		if (systemPrompt != null && !systemPrompt.isBlank()) {
			messages.add(SystemMessage.from(systemPrompt));
		}
		messages.add(UserMessage.from(userPrompt));
		return messages;
	}

	private static String model(ResolvedConnection connection, String requested) {
		String model = (requested != null && !requested.isBlank()) ? requested : connection.text("defaultModel");
		if (model == null || model.isBlank()) {
			throw new ConnectorInputException(
					"model is required: the connection '" + connection.name() + "' names no default model");
		}
		return model;
	}

	/**
	 * Where the connection's model server is and what to call it in messages: "OpenAI"
	 * for OpenAI's API, else the server's address.
	 */
	private Server server(ResolvedConnection connection) {
		String configured = connection.text("baseUrl");
		String apiKey = connection.secret("apiKey");
		if (apiKey != null && apiKey.isBlank()) {
			apiKey = null;
		}
		if (configured == null || configured.isBlank()) {
			return new Server("OpenAI", this.endpoints.url("openai", STANDARD_URL).replaceAll("/+$", ""), apiKey);
		}
		String baseUrl = configured.trim().replaceAll("/+$", "");
		String host;
		try {
			host = URI.create(baseUrl).getAuthority();
		}
		catch (IllegalArgumentException ex) {
			throw new ConnectorInputException(
					"The base URL of the connection '" + connection.name() + "' is not a valid URL: " + ex.getMessage(),
					ex);
		}
		String provider = "api.openai.com".equalsIgnoreCase(host) ? "OpenAI" : "The model server at " + host;
		return new Server(provider, baseUrl, apiKey);
	}

	private static String finishReason(ChatResponse response) {
		return (response.finishReason() != null) ? response.finishReason().name().toLowerCase(Locale.ROOT) : null;
	}

	private static Usage usage(ChatResponse response) {
		TokenUsage usage = response.tokenUsage();
		return (usage != null) ? new Usage(usage.inputTokenCount(), usage.outputTokenCount(), usage.totalTokenCount())
				: null;
	}

	/**
	 * A model server.
	 *
	 * @param provider how messages name it
	 * @param baseUrl its API's address, without a trailing slash
	 * @param apiKey the API key, or {@code null} for servers without one
	 */
	private record Server(String provider, String baseUrl, String apiKey) {

		@Override
		public String toString() {
			return "Server[" + this.provider + "]";
		}

	}

}
