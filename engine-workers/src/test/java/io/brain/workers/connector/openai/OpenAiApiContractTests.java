package io.brain.workers.connector.openai;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.brain.core.tenant.TenantId;
import io.brain.core.testing.RecordingHttpServer;
import io.brain.core.testing.RecordingHttpServer.Recorded;
import io.brain.workers.ZeebeProcesses;
import io.brain.workers.connector.ConnectorTestContext;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The OpenAI actions run on Zeebe, through LangChain4j over Brain's outbound stack,
 * against a local server that checks each request exactly as OpenAI's API documents it
 * ({@code POST /v1/chat/completions} with {@code model}, {@code messages},
 * {@code temperature}, {@code max_completion_tokens} and a {@code json_schema}
 * {@code response_format}; {@code GET /v1/models}; {@code Authorization: Bearer}) and
 * answers with its documented shapes and errors (401, 404 model not found, 429, 5xx).
 */
class OpenAiApiContractTests extends ConnectorTestContext {

	static final String API_KEY = "sk-proj-Xq3v9TfB2nLw8RkP0sYd4HjE6uCaMz1G";

	static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

	static final ObjectMapper MAPPER = new ObjectMapper();

	static final RecordingHttpServer openai = RecordingHttpServer.start();

	static final TenantId ACME = new TenantId("acme");

	@DynamicPropertySource
	static void endpoints(DynamicPropertyRegistry properties) {
		properties.add("brain.connectors.endpoints.openai", () -> openai.url("/v1"));
	}

	@Test
	void chatCompletionWhenPromptsGivenThenPostsThemAsDocumentedAndReturnsTextModelAndUsage() throws Exception {
		connection("writer");
		openai.answer(200, JSON, resource("openai/chat-completion.json"));
		deploy("ai-chat", "chat-completion",
				Map.of("connection", "\"writer\"", "systemPrompt", "\"You write short, friendly promotions.\"",
						"userPrompt", "\"Announce 20% off scarves until Sunday.\"", "temperature", "0.2", "maxTokens",
						"200"));

		Map<String, Object> variables = ZeebeProcesses.run(this.client, "ai-chat", Map.of());

		Recorded request = openai.take(Duration.ofSeconds(5));
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.uri().toString()).isEqualTo("/v1/chat/completions");
		assertThat(request.header("Authorization")).isEqualTo("Bearer " + API_KEY);
		assertThat(request.header("Content-Type")).isEqualTo("application/json");
		assertThat(MAPPER.readTree(request.body())).isEqualTo(MAPPER.readTree("""
				{"model": "gpt-4o-mini",
				 "messages": [{"role": "system", "content": "You write short, friendly promotions."},
				              {"role": "user", "content": "Announce 20% off scarves until Sunday."}],
				 "temperature": 0.2, "max_completion_tokens": 200, "stream": false}
				"""));
		assertThat(variables).containsEntry("result",
				Map.of("text", "Autumn deals are here: 20% off every scarf until Sunday.", "model",
						"gpt-4o-mini-2024-07-18", "finishReason", "stop", "usage",
						Map.of("inputTokens", 31, "outputTokens", 14, "totalTokens", 45)));
	}

	@Test
	void structuredOutputWhenSchemaGivenThenAsksForJsonSchemaResponseFormatAndParsesTheAnswer() throws Exception {
		connection("structured");
		openai.answer(200, JSON, resource("openai/structured-output.json"));
		deploy("ai-structured", "structured-output", Map.of("connection", "\"structured\"", "userPrompt",
				"\"Write a headline for the scarf sale.\"", "model", "\"gpt-4o\"", "schemaName", "\"headline\"",
				"schema",
				"""
						{type: "object", properties: {headline: {type: "string"}, tags: {type: "array", items: {type: "string"}},
						 score: {type: "number"}}, required: ["headline", "tags", "score"], additionalProperties: false}
						"""));

		Map<String, Object> variables = ZeebeProcesses.run(this.client, "ai-structured", Map.of());

		Recorded request = openai.take(Duration.ofSeconds(5));
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.uri().toString()).isEqualTo("/v1/chat/completions");
		assertThat(request.header("Authorization")).isEqualTo("Bearer " + API_KEY);
		assertThat(MAPPER.readTree(request.body())).isEqualTo(MAPPER.readTree("""
				{"model": "gpt-4o",
				 "messages": [{"role": "user", "content": "Write a headline for the scarf sale."}],
				 "stream": false,
				 "response_format": {"type": "json_schema", "json_schema": {"name": "headline", "strict": true,
				   "schema": {"type": "object",
				              "properties": {"headline": {"type": "string"},
				                             "tags": {"type": "array", "items": {"type": "string"}},
				                             "score": {"type": "number"}},
				              "required": ["headline", "tags", "score"], "additionalProperties": false}}}}
				"""));
		assertThat(variables)
			.containsEntry("result",
					Map.of("output",
							Map.of("headline", "Scarf season: 20% off", "tags", List.of("autumn", "sale"), "score",
									0.87),
							"model", "gpt-4o-2024-08-06", "finishReason", "stop", "usage",
							Map.of("inputTokens", 88, "outputTokens", 21, "totalTokens", 109)));
	}

	@Test
	void structuredOutputWhenSchemaIsTextAndAnswerIsCutOffThenIncidentSaysItIsNoJsonObject() throws Exception {
		connection("truncated");
		openai.answer(200, JSON,
				"""
						{"id": "chatcmpl-C1hX", "object": "chat.completion", "created": 1764064870, "model": "gpt-4o-2024-08-06",
						 "choices": [{"index": 0, "message": {"role": "assistant", "content": "{\\"headline\\":\\"Scarf sea",
						              "refusal": null}, "logprobs": null, "finish_reason": "length"}],
						 "usage": {"prompt_tokens": 88, "completion_tokens": 5, "total_tokens": 93}}
						""");
		deploy("ai-cut-off", "structured-output", Map.of("connection", "\"truncated\"", "userPrompt",
				"\"Write a headline.\"", "maxTokens", "5", "schema",
				// The schema as JSON text, as typed into the modeler without FEEL.
				"\"{\\\"type\\\": \\\"object\\\", \\\"properties\\\": {\\\"headline\\\": {\\\"type\\\": \\\"string\\\"}}}\""));

		long instance = ZeebeProcesses.start(this.client, "ai-cut-off");
		Recorded request = openai.take(Duration.ofSeconds(5));
		assertThat(MAPPER.readTree(request.body()).path("response_format")).isEqualTo(MAPPER.readTree("""
				{"type": "json_schema", "json_schema": {"name": "output", "strict": true,
				 "schema": {"type": "object", "properties": {"headline": {"type": "string"}}}}}
				"""));

		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(ZeebeProcesses.incidentMessages(this.engine, instance))
				.anySatisfy((message) -> assertThat(message)
					.contains("OpenAI answered something that is not a JSON object (finish reason length)")));
	}

	@Test
	void chatCompletionWhenCompatibleServerWithoutKeyThenSendsNoAuthorizationAndNamesTheServer() throws Exception {
		ZeebeProcesses.createConnection(this.jdbc, this.secrets, "acme", "openai", "ollama",
				"{\"baseUrl\": \"" + openai.url("/v1/") + "\", \"defaultModel\": \"llama3.1\"}", Map.of());
		openai
			.answer(200, JSON,
					"""
							{"id": "chatcmpl-412", "object": "chat.completion", "created": 1764064900, "model": "llama3.1",
							 "system_fingerprint": "fp_ollama",
							 "choices": [{"index": 0, "message": {"role": "assistant", "content": "Hello!"}, "finish_reason": "length"}],
							 "usage": {"prompt_tokens": 9, "completion_tokens": 2, "total_tokens": 11}}
							""")
			.answer(404, JSON, """
					{"error": {"message": "model \\"llama9\\" not found, try pulling it first", "type": "api_error",
					 "param": null, "code": null}}
					""");
		deploy("ai-ollama", "chat-completion", Map.of("connection", "\"ollama\"", "userPrompt", "\"Say hello\""));
		deploy("ai-ollama-missing", "chat-completion",
				Map.of("connection", "\"ollama\"", "userPrompt", "\"Say hello\"", "model", "\"llama9\""));

		Map<String, Object> variables = ZeebeProcesses.run(this.client, "ai-ollama", Map.of());

		Recorded request = openai.take(Duration.ofSeconds(5));
		assertThat(request.uri().toString()).isEqualTo("/v1/chat/completions");
		assertThat(request.header("Authorization")).isNull();
		assertThat(MAPPER.readTree(request.body())).isEqualTo(MAPPER.readTree(
				"{\"model\": \"llama3.1\", \"messages\": [{\"role\": \"user\", \"content\": \"Say hello\"}], \"stream\": false}"));
		assertThat(variables).containsEntry("result", Map.of("text", "Hello!", "model", "llama3.1", "finishReason",
				"length", "usage", Map.of("inputTokens", 9, "outputTokens", 2, "totalTokens", 11)));

		long missing = ZeebeProcesses.start(this.client, "ai-ollama-missing");
		ZeebeProcesses.awaitIncident(this.engine, missing, "The model server at "
				+ java.net.URI.create(openai.url("")).getAuthority() + " has no model llama9 (404)");
	}

	@Test
	void chatCompletionWhenKeyRejectedThenIncidentInPlainWordsAndConnectionNeedsAttention() {
		UUID connection = connection("revoked");
		openai.answer(401, JSON,
				"""
						{"error": {"message": "Incorrect API key provided: sk-proj-****z1G. You can find your API key at https://platform.openai.com/account/api-keys.",
						 "type": "invalid_request_error", "param": null, "code": "invalid_api_key"}}
						""");
		deploy("ai-rejected", "chat-completion", Map.of("connection", "\"revoked\"", "userPrompt", "\"Hi\""));

		long instance = ZeebeProcesses.start(this.client, "ai-rejected");

		ZeebeProcesses.awaitIncident(this.engine, instance, "OpenAI rejected the API key (401)");
		assertThat(ZeebeProcesses.connectionStatus(this.jdbc, "acme", connection)).isEqualTo("NEEDS_ATTENTION");
		assertThat(openai.received()).isEqualTo(1);
	}

	@Test
	void chatCompletionWhenModelMissingThenIncidentSaysOpenAiHasNoSuchModel() {
		connection("wrong-model");
		openai.answer(404, JSON, """
				{"error": {"message": "The model `gpt-9` does not exist or you do not have access to it.",
				 "type": "invalid_request_error", "param": null, "code": "model_not_found"}}
				""");
		deploy("ai-no-model", "chat-completion",
				Map.of("connection", "\"wrong-model\"", "userPrompt", "\"Hi\"", "model", "\"gpt-9\""));

		long instance = ZeebeProcesses.start(this.client, "ai-no-model");

		ZeebeProcesses.awaitIncident(this.engine, instance, "OpenAI has no model gpt-9 (404)");
	}

	@Test
	void chatCompletionWhenRateLimitedThenWaitsAsAskedAndOnlyAPersistentLimitBecomesAnIncident() {
		connection("busy");
		String limited = """
				{"error": {"message": "Rate limit reached for gpt-4o-mini in organization org-123 on requests per min (RPM): Limit 3, Used 3, Requested 1.",
				 "type": "requests", "param": null, "code": "rate_limit_exceeded"}}
				""";
		openai.answer(429, Map.of("Content-Type", "application/json", "Retry-After", "1"), limited)
			.answer(200, JSON, resource("openai/chat-completion.json"));
		deploy("ai-busy", "chat-completion", Map.of("connection", "\"busy\"", "userPrompt", "\"Hi\""));

		Map<String, Object> variables = ZeebeProcesses.run(this.client, "ai-busy", Map.of());
		assertThat(variables).extractingByKey("result")
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsEntry("finishReason", "stop");
		assertThat(openai.received()).isEqualTo(2);

		openai.reset();
		openai.answer(429, Map.of("Content-Type", "application/json", "Retry-After", "1"), limited)
			.answer(429, Map.of("Content-Type", "application/json", "Retry-After", "1"), limited)
			.answer(429, Map.of("Content-Type", "application/json", "Retry-After", "1"), limited);
		long instance = ZeebeProcesses.start(this.client, "ai-busy");
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(ZeebeProcesses.incidentMessages(this.engine, instance))
				.anySatisfy((message) -> assertThat(message)
					.contains("OpenAI is limiting requests (429): Rate limit reached for gpt-4o-mini")));
	}

	@Test
	void chatCompletionWhenServerKeepsFailingThenIncidentAfterTheOutboundRetriesOnly() {
		connection("down");
		openai.answer(503, JSON,
				"{\"error\": {\"message\": \"The server is overloaded or not ready yet.\", \"type\": \"server_error\"}}")
			.answer(503, JSON,
					"{\"error\": {\"message\": \"The server is overloaded or not ready yet.\", \"type\": \"server_error\"}}")
			.answer(503, JSON,
					"{\"error\": {\"message\": \"The server is overloaded or not ready yet.\", \"type\": \"server_error\"}}");
		deploy("ai-down", "chat-completion", Map.of("connection", "\"down\"", "userPrompt", "\"Hi\""));

		long instance = ZeebeProcesses.start(this.client, "ai-down");

		ZeebeProcesses.awaitIncident(this.engine, instance, "OpenAI answered 503 (still after retries)");
		// Three tries by the outbound stack; LangChain4j does not retry on top of them.
		assertThat(openai.received()).isEqualTo(3);
	}

	@Test
	void actionsWhenInputInvalidThenIncidentAndNoCall() {
		connection("strict");
		deploy("ai-no-prompt", "chat-completion", Map.of("connection", "\"strict\""));
		deploy("ai-hot", "chat-completion",
				Map.of("connection", "\"strict\"", "userPrompt", "\"Hi\"", "temperature", "3"));
		deploy("ai-no-schema", "structured-output", Map.of("connection", "\"strict\"", "userPrompt", "\"Hi\""));

		long noPrompt = ZeebeProcesses.start(this.client, "ai-no-prompt");
		long hot = ZeebeProcesses.start(this.client, "ai-hot");
		long noSchema = ZeebeProcesses.start(this.client, "ai-no-schema");

		ZeebeProcesses.awaitIncident(this.engine, noPrompt, "Property: userPrompt: Validation failed");
		ZeebeProcesses.awaitIncident(this.engine, hot, "Property: temperature: Validation failed");
		ZeebeProcesses.awaitIncident(this.engine, noSchema, "Property: schema: Validation failed");
		assertThat(openai.received()).isZero();
	}

	@Test
	void testConnectionWhenKeyAcceptedOrRejectedThenListsModelsOrSaysSoInPlainWords() {
		UUID connection = connection("checked");
		openai.answer(200, JSON, resource("openai/models.json")).answer(401, JSON, """
				{"error": {"message": "Incorrect API key provided: sk-proj-****z1G.", "type": "invalid_request_error",
				 "param": null, "code": "invalid_api_key"}}
				""");
		deploy("ai-test-connection", "test-connection", Map.of("connectionId", "connectionId"));

		Map<String, Object> accepted = ZeebeProcesses.run(this.client, "ai-test-connection",
				Map.of("connectionId", connection.toString()));
		Recorded request = openai.take(Duration.ofSeconds(5));
		assertThat(request.method()).isEqualTo("GET");
		assertThat(request.uri().toString()).isEqualTo("/v1/models");
		assertThat(request.header("Authorization")).isEqualTo("Bearer " + API_KEY);
		assertThat(accepted).containsEntry("result",
				Map.of("ok", true, "checked", true, "message", "Connected (3 models); gpt-4o-mini is available"));

		Map<String, Object> rejected = ZeebeProcesses.run(this.client, "ai-test-connection",
				Map.of("connectionId", connection.toString()));
		assertThat(rejected).containsEntry("result",
				Map.of("ok", false, "checked", true, "message", "OpenAI rejected the API key (401)"));
	}

	private static String resource(String path) {
		try {
			return new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void deploy(String processId, String operation, Map<String, String> inputs) {
		ZeebeProcesses.deployFor(ACME, ZeebeProcesses.step(processId, OpenAiConnector.TYPE, operation, inputs),
				this.client, this.registry);
	}

	private UUID connection(String name) {
		return ZeebeProcesses.createConnection(this.jdbc, this.secrets, "acme", "openai", name,
				"{\"defaultModel\": \"gpt-4o-mini\"}", Map.of("apiKey", API_KEY));
	}

}
