package io.brain.workers.model;

import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import io.camunda.connector.api.outbound.JobContext;

/**
 * A language model an agent asks, in Brain's words: a conversation and the tools it may
 * call go in, an answer or tool calls come out, with the tokens spent. The
 * OpenAI-compatible connector implements it (OpenAI, Azure OpenAI, Ollama, vLLM ...);
 * nothing of the agent runtime imports a model client.
 */
public interface LanguageModel {

	/**
	 * Asks the model once, as an action of a step: with the step's tenant, its model
	 * connection, the tenant's limits, an audit row and the billing metric, as every
	 * connector action.
	 * @param job the step that asks
	 * @param connectionId the tenant's model connection
	 * @param partial receives each piece of the answer's text as the model generates it
	 * @throws io.camunda.connector.api.error.ConnectorException when the model server
	 * refuses or answers nothing usable
	 */
	Answer ask(JobContext job, UUID connectionId, Question question, Consumer<String> partial);

	/**
	 * One call to the model.
	 *
	 * @param model the model's name; the connection's default model when null
	 * @param system the system message: who the agent is
	 * @param messages the conversation so far, oldest first
	 * @param tools what the model may call
	 * @param temperature how freely it answers
	 * @param maxOutputTokens the most tokens of the answer
	 */
	record Question(String model, String system, List<Message> messages, List<Tool> tools, Double temperature,
			Integer maxOutputTokens) {
	}

	/** A message of the conversation. */
	sealed interface Message {

		/** What a person (or the agent's task) said. */
		record User(String text) implements Message {
		}

		/** What the model said: text, or the tools it called. */
		record Assistant(String text, List<ToolCall> toolCalls) implements Message {
		}

		/** What a tool answered to one of the model's calls (or why it did not run). */
		record ToolResult(String toolCallId, String toolName, String content) implements Message {
		}

	}

	/**
	 * A call of a tool the model asks for.
	 *
	 * @param id the call's id, which its result names
	 * @param name the tool's name
	 * @param arguments the arguments, a JSON object as text
	 */
	record ToolCall(String id, String name, String arguments) {
	}

	/**
	 * A tool as the model sees it.
	 *
	 * @param name its name, unique among the agent's tools
	 * @param description what it does
	 * @param parameters its inputs
	 */
	record Tool(String name, String description, List<Parameter> parameters) {
	}

	/**
	 * One input of a tool.
	 *
	 * @param name the input's name
	 * @param type {@code string}, {@code integer}, {@code number}, {@code boolean},
	 * {@code array} (of text) or {@code object}
	 * @param description what it is
	 * @param required whether the tool needs it
	 */
	record Parameter(String name, String type, String description, boolean required) {
	}

	/**
	 * The model's answer.
	 *
	 * @param text what it said; null when it only called tools
	 * @param toolCalls the tools it called, none when it answered
	 * @param model the model that answered
	 * @param inputTokens tokens of the question
	 * @param outputTokens tokens of the answer
	 */
	record Answer(String text, List<ToolCall> toolCalls, String model, long inputTokens, long outputTokens) {
	}

}
