package io.brain.workers.connector.openai;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brain.workers.catalog.ConnectionField;
import io.brain.workers.catalog.ConnectorDefinition;
import io.brain.workers.catalog.ConnectorDefinition.AuthKind;
import io.brain.workers.catalog.ConnectorDefinition.ConnectorAction;
import io.brain.workers.connection.ConnectionCheck;
import io.brain.workers.connection.ConnectorActions;
import io.brain.workers.connection.TestConnectionRequest;
import io.camunda.connector.api.annotation.OutboundConnector;
import io.camunda.connector.api.annotation.Operation;
import io.camunda.connector.api.annotation.Variable;
import io.camunda.connector.api.error.ConnectorInputException;
import io.camunda.connector.api.outbound.OutboundConnectorContext;
import io.camunda.connector.api.outbound.OutboundConnectorProvider;
import io.camunda.connector.generator.java.annotation.ElementTemplate;

import org.springframework.stereotype.Component;

/**
 * OpenAI and OpenAI-compatible model servers: chat completions as text or as JSON that
 * matches a schema, through LangChain4j over Brain's outbound HTTP stack.
 */
@Component
@OutboundConnector(name = "OpenAI", type = OpenAiConnector.TYPE)
@ElementTemplate(engineVersion = "^8.6", id = "io.brain.openai", name = "OpenAI", version = 1,
		description = "Chat completions, as text or as JSON that matches a schema, from OpenAI or an "
				+ "OpenAI-compatible server",
		icon = "io/brain/workers/connector/openai/icon.svg",
		propertyGroups = { @ElementTemplate.PropertyGroup(id = "connection", label = "Connection"),
				@ElementTemplate.PropertyGroup(id = "prompt", label = "Prompt"),
				@ElementTemplate.PropertyGroup(id = "model", label = "Model"),
				@ElementTemplate.PropertyGroup(id = "output", label = "Output") })
public class OpenAiConnector implements OutboundConnectorProvider {

	/** The job type BPMN service tasks use to reach this connector. */
	public static final String TYPE = "io.brain:openai:1";

	static final List<ConnectionField> FIELDS = List.of(
			ConnectionField
				.url("baseUrl", "Base URL",
						"Leave empty for OpenAI (https://api.openai.com/v1). For another OpenAI-compatible server, "
								+ "its API address: Azure OpenAI https://RESOURCE.openai.azure.com/openai/v1, "
								+ "Ollama http://HOST:11434/v1, vLLM http://HOST:8000/v1")
				.optional(),
			ConnectionField
				.secret("apiKey", "API key",
						"OpenAI: platform.openai.com → API keys → Create new secret key (starts with sk-); "
								+ "Azure OpenAI: the resource's Keys and Endpoint page; "
								+ "leave empty for a local server without keys")
				.optional(),
			ConnectionField.text("defaultModel", "Default model",
					"The model steps use unless they name another, e.g. gpt-4o-mini (OpenAI → Models lists them); "
							+ "for Ollama a pulled model such as llama3.1"));

	/** OpenAI as the catalog shows it. */
	public static final ConnectorDefinition DEFINITION = new ConnectorDefinition("openai", "OpenAI",
			"Chat completions from OpenAI or an OpenAI-compatible server (Azure OpenAI, Ollama, vLLM), "
					+ "as text or as JSON that matches a schema.",
			AuthKind.API_KEY, FIELDS,
			List.of(ConnectorAction.read("chat-completion", "Chat completion", TYPE),
					ConnectorAction.read("structured-output", "Structured output", TYPE)),
			List.of(), ConnectorDefinition.TEST_CONNECTION);

	private static final ObjectMapper JSON = new ObjectMapper();

	private final OpenAiClient client;

	private final ConnectorActions actions;

	OpenAiConnector(OpenAiClient client, ConnectorActions actions) {
		this.client = client;
		this.actions = actions;
	}

	@Operation(id = ConnectorDefinition.TEST_CONNECTION, name = "Test connection")
	public ConnectionCheck testConnection(@Variable TestConnectionRequest request, OutboundConnectorContext context) {
		return this.actions.test(context.getJobContext(), DEFINITION, request.connectionId(), this.client::check);
	}

	@Operation(id = "chat-completion", name = "Chat completion")
	public ChatCompletionResult chatCompletion(@Variable ChatCompletionRequest request,
			OutboundConnectorContext context) {
		return this.actions.performOn(context.getJobContext(), DEFINITION, request.connection(), "chat-completion",
				(connection) -> this.client.chat(connection, request),
				(result) -> details(result.model(), result.finishReason(), result.usage()));
	}

	@Operation(id = "structured-output", name = "Structured output")
	public StructuredOutputResult structuredOutput(@Variable StructuredOutputRequest request,
			OutboundConnectorContext context) {
		StructuredOutputRequest checked = request.withSchema(schemaObject(request.schema()));
		return this.actions.performOn(context.getJobContext(), DEFINITION, request.connection(), "structured-output",
				(connection) -> this.client.structured(connection, checked),
				(result) -> details(result.model(), result.finishReason(), result.usage()));
	}

	/** A schema given as an object, or as JSON text of an object. */
	private static JsonNode schemaObject(JsonNode schema) {
		JsonNode parsed = schema;
		if (schema.isTextual()) {
			try {
				parsed = JSON.readTree(schema.asText());
			}
			catch (JsonProcessingException ex) {
				throw new ConnectorInputException("schema is not valid JSON: " + ex.getOriginalMessage());
			}
		}
		if (parsed == null || !parsed.isObject() || parsed.isEmpty()) {
			throw new ConnectorInputException("schema must be a JSON schema object, e.g. {\"type\": \"object\", ...}");
		}
		return parsed;
	}

	/** What the audit keeps of a completion: never the prompts or the answer. */
	private static Map<String, Object> details(String model, String finishReason, Usage usage) {
		Map<String, Object> details = new LinkedHashMap<>();
		if (model != null) {
			details.put("model", model);
		}
		if (finishReason != null) {
			details.put("finishReason", finishReason);
		}
		if (usage != null && usage.totalTokens() != null) {
			details.put("totalTokens", usage.totalTokens());
		}
		return details;
	}

}
