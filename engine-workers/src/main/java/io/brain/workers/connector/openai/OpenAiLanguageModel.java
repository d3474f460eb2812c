package io.brain.workers.connector.openai;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import io.brain.workers.connection.ConnectorActions;
import io.brain.workers.model.LanguageModel;
import io.camunda.connector.api.outbound.JobContext;
import io.brain.workers.connection.ResolvedConnection;

import org.springframework.stereotype.Component;

/**
 * The agents' language model: an OpenAI-compatible chat completions API with tool
 * calling, through LangChain4j's OpenAI client over Brain's outbound stack
 * ({@link OpenAiClient}).
 */
@Component
class OpenAiLanguageModel implements LanguageModel {

	private final OpenAiClient client;

	private final ConnectorActions actions;

	OpenAiLanguageModel(OpenAiClient client, ConnectorActions actions) {
		this.client = client;
		this.actions = actions;
	}

	@Override
	public Answer ask(JobContext job, UUID connectionId, Question question, Consumer<String> partial) {
		return this.actions.performOn(job, OpenAiConnector.DEFINITION, connectionId, "agent-think",
				(connection) -> ask(connection, question, partial),
				(answer) -> Map.of("model", String.valueOf(answer.model()), "inputTokens", answer.inputTokens(),
						"outputTokens", answer.outputTokens(), "toolCalls", answer.toolCalls().size()));
	}

	private Answer ask(ResolvedConnection connection, Question question, Consumer<String> partial) {
		List<ChatMessage> messages = new ArrayList<>();
		if (question.system() != null && !question.system().isBlank()) {
			messages.add(SystemMessage.from(question.system()));
		}
		question.messages().forEach((message) -> messages.add(message(message)));
		ChatResponse response = this.client.converse(connection, question.model(), messages,
				question.tools().stream().map(OpenAiLanguageModel::specification).toList(), question.temperature(),
				question.maxOutputTokens(), partial);
		AiMessage answer = response.aiMessage();
		List<ToolCall> calls = answer.hasToolExecutionRequests() ? answer.toolExecutionRequests()
			.stream()
			.map((call) -> new ToolCall(call.id(), call.name(), call.arguments()))
			.toList() : List.of();
		TokenUsage usage = response.tokenUsage();
		return new Answer(answer.text(), calls, response.modelName(),
				(usage != null && usage.inputTokenCount() != null) ? usage.inputTokenCount() : 0,
				(usage != null && usage.outputTokenCount() != null) ? usage.outputTokenCount() : 0);
	}

	private static ChatMessage message(Message message) {
		return switch (message) {
			case Message.User user -> UserMessage.from(user.text());
			case Message.Assistant assistant when !assistant.toolCalls().isEmpty() ->
				AiMessage.from(assistant.toolCalls()
					.stream()
					.map((call) -> ToolExecutionRequest.builder()
						.id(call.id())
						.name(call.name())
						.arguments(call.arguments())
						.build())
					.toList());
			case Message.Assistant assistant -> AiMessage.from(assistant.text());
			case Message.ToolResult result ->
				ToolExecutionResultMessage.from(result.toolCallId(), result.toolName(), result.content());
		};
	}

	private static ToolSpecification specification(Tool tool) {
		JsonObjectSchema.Builder parameters = JsonObjectSchema.builder();
		List<String> required = new ArrayList<>();
		for (Parameter parameter : tool.parameters()) {
			switch (parameter.type()) {
				case "integer" -> parameters.addIntegerProperty(parameter.name(), parameter.description());
				case "number" -> parameters.addNumberProperty(parameter.name(), parameter.description());
				case "boolean" -> parameters.addBooleanProperty(parameter.name(), parameter.description());
				case "array" -> parameters.addProperty(parameter.name(),
						JsonArraySchema.builder()
							.description(parameter.description())
							.items(JsonStringSchema.builder().build())
							.build());
				case "object" -> parameters.addProperty(parameter.name(),
						JsonObjectSchema.builder().description(parameter.description()).build());
				default -> parameters.addStringProperty(parameter.name(), parameter.description());
			}
			if (parameter.required()) {
				required.add(parameter.name());
			}
		}
		parameters.required(required);
		return ToolSpecification.builder()
			.name(tool.name())
			.description(tool.description())
			.parameters(parameters.build())
			.build();
	}

}
