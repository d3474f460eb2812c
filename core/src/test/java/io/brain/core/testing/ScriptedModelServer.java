package io.brain.core.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An OpenAI-compatible chat completions server on 127.0.0.1 that plays a scripted
 * transcript: no language model is reachable from the build, so tests talk to this one
 * with the real clients. It checks each request as OpenAI's API documents it
 * ({@code POST <base>/chat/completions}, {@code Authorization: Bearer <key>}, a JSON body
 * with {@code model} and a non-empty {@code messages} list, {@code tools} as
 * {@code function} entries), records it, and answers with the next scripted turn: a text
 * answer or tool calls, as one JSON completion or, when the request asks
 * ({@code "stream": true}), as {@code chat.completion.chunk} server-sent events ending
 * with {@code data: [DONE]}. A wrong key gets OpenAI's 401, a malformed request its 400,
 * and a request with no turn left a 500 that names the mistake.
 */
public final class ScriptedModelServer implements AutoCloseable {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final HttpServer server;

	private final String apiKey;

	private final Deque<Turn> turns = new ArrayDeque<>();

	private final List<String> requests = new CopyOnWriteArrayList<>();

	private ScriptedModelServer(HttpServer server, String apiKey) {
		this.server = server;
		this.apiKey = apiKey;
	}

	/**
	 * Starts a server that takes requests with this API key.
	 */
	public static ScriptedModelServer start(String apiKey) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			ScriptedModelServer scripted = new ScriptedModelServer(server, apiKey);
			server.createContext("/v1/chat/completions", scripted::answer);
			server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
			server.start();
			return scripted;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The base URL an OpenAI client is given, ending in {@code /v1}. */
	public String baseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/v1";
	}

	/** Queues a text answer; streamed, it arrives a few characters per event. */
	public ScriptedModelServer answer(String text, Usage usage) {
		return queue(new Turn(text, List.of(), usage));
	}

	/** Queues an answer that asks for tools to be called. */
	public ScriptedModelServer callTools(List<ToolCall> calls, Usage usage) {
		return queue(new Turn(null, List.copyOf(calls), usage));
	}

	private ScriptedModelServer queue(Turn turn) {
		synchronized (this.turns) {
			this.turns.add(turn);
		}
		return this;
	}

	/** The bodies of the requests received, in order, as sent. */
	public List<String> requests() {
		return List.copyOf(this.requests);
	}

	/** A request's body as JSON. */
	public JsonNode request(int index) {
		try {
			return JSON.readTree(this.requests.get(index));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** How many turns are still to be played. */
	public int turnsLeft() {
		synchronized (this.turns) {
			return this.turns.size();
		}
	}

	/** Forgets the requests and the turns not played. */
	public void reset() {
		this.requests.clear();
		synchronized (this.turns) {
			this.turns.clear();
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	private void answer(HttpExchange exchange) throws IOException {
		try (exchange) {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			if (!"POST".equals(exchange.getRequestMethod())) {
				error(exchange, 405, "invalid_request_error", null, "Only POST is supported here.");
				return;
			}
			if (!("Bearer " + this.apiKey).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
				error(exchange, 401, "invalid_request_error", "invalid_api_key", "Incorrect API key provided.");
				return;
			}
			this.requests.add(body);
			JsonNode request;
			try {
				request = JSON.readTree(body);
			}
			catch (IOException ex) {
				error(exchange, 400, "invalid_request_error", null,
						"We could not parse the JSON body of your request.");
				return;
			}
			String problem = problem(request);
			if (problem != null) {
				error(exchange, 400, "invalid_request_error", null, problem);
				return;
			}
			Turn turn;
			synchronized (this.turns) {
				turn = this.turns.poll();
			}
			if (turn == null) {
				error(exchange, 500, "server_error", null, "The test scripted no answer for this request.");
				return;
			}
			String model = request.path("model").asText();
			if (request.path("stream").asBoolean(false)) {
				stream(exchange, model, turn, request.path("stream_options").path("include_usage").asBoolean(false));
			}
			else {
				send(exchange, 200, "application/json", JSON.writeValueAsBytes(completion(model, turn)));
			}
		}
	}

	/** What is wrong with a request, as OpenAI would say it, or null. */
	private static String problem(JsonNode request) {
		if (!request.path("model").isTextual() || request.path("model").asText().isBlank()) {
			return "you must provide a model parameter";
		}
		JsonNode messages = request.path("messages");
		if (!messages.isArray() || messages.isEmpty()) {
			return "'messages' must be a non-empty array";
		}
		for (JsonNode message : messages) {
			if (!message.path("role").isTextual()) {
				return "every message needs a role";
			}
		}
		for (JsonNode tool : request.path("tools")) {
			if (!"function".equals(tool.path("type").asText()) || !tool.path("function").path("name").isTextual()) {
				return "every tool needs type 'function' and a function name";
			}
		}
		return null;
	}

	private static ObjectNode completion(String model, Turn turn) {
		ObjectNode completion = head("chat.completion", model);
		ObjectNode choice = completion.putArray("choices").addObject();
		choice.put("index", 0);
		ObjectNode message = choice.putObject("message");
		message.put("role", "assistant");
		if (turn.text() != null) {
			message.put("content", turn.text());
		}
		else {
			message.putNull("content");
			ArrayNode calls = message.putArray("tool_calls");
			for (ToolCall call : turn.toolCalls()) {
				ObjectNode entry = calls.addObject();
				entry.put("id", call.id());
				entry.put("type", "function");
				entry.putObject("function").put("name", call.name()).put("arguments", call.arguments());
			}
		}
		choice.put("finish_reason", (turn.text() != null) ? "stop" : "tool_calls");
		usage(completion, turn.usage());
		return completion;
	}

	private static void stream(HttpExchange exchange, String model, Turn turn, boolean includeUsage)
			throws IOException {
		exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
		exchange.sendResponseHeaders(200, 0);
		OutputStream out = exchange.getResponseBody();
		List<ObjectNode> chunks = new ArrayList<>();
		chunks.add(chunk(model, Map.of("role", "assistant", "content", ""), null));
		if (turn.text() != null) {
			String text = turn.text();
			for (int from = 0; from < text.length(); from += 4) {
				chunks.add(
						chunk(model, Map.of("content", text.substring(from, Math.min(text.length(), from + 4))), null));
			}
		}
		else {
			for (int i = 0; i < turn.toolCalls().size(); i++) {
				ToolCall call = turn.toolCalls().get(i);
				// The call's name first, then its arguments in two pieces, as OpenAI
				// streams them.
				ObjectNode start = JSON.createObjectNode();
				start.put("index", i).put("id", call.id()).put("type", "function");
				start.putObject("function").put("name", call.name()).put("arguments", "");
				chunks.add(chunk(model, Map.of("tool_calls", List.of(start)), null));
				int half = call.arguments().length() / 2;
				for (String piece : List.of(call.arguments().substring(0, half), call.arguments().substring(half))) {
					ObjectNode more = JSON.createObjectNode();
					more.put("index", i).putObject("function").put("arguments", piece);
					chunks.add(chunk(model, Map.of("tool_calls", List.of(more)), null));
				}
			}
		}
		chunks.add(chunk(model, Map.of(), (turn.text() != null) ? "stop" : "tool_calls"));
		for (ObjectNode chunk : chunks) {
			event(out, JSON.writeValueAsString(chunk));
		}
		if (includeUsage) {
			ObjectNode last = head("chat.completion.chunk", model);
			last.putArray("choices");
			usage(last, turn.usage());
			event(out, JSON.writeValueAsString(last));
		}
		event(out, "[DONE]");
	}

	private static ObjectNode chunk(String model, Map<String, Object> delta, String finishReason) {
		ObjectNode chunk = head("chat.completion.chunk", model);
		ObjectNode choice = chunk.putArray("choices").addObject();
		choice.put("index", 0);
		choice.set("delta", JSON.valueToTree(delta));
		if (finishReason != null) {
			choice.put("finish_reason", finishReason);
		}
		else {
			choice.putNull("finish_reason");
		}
		return chunk;
	}

	private static ObjectNode head(String object, String model) {
		ObjectNode head = JSON.createObjectNode();
		head.put("id", "chatcmpl-scripted");
		head.put("object", object);
		head.put("created", 1765100000L);
		head.put("model", model);
		return head;
	}

	private static void usage(ObjectNode answer, Usage usage) {
		answer.putObject("usage")
			.put("prompt_tokens", usage.promptTokens())
			.put("completion_tokens", usage.completionTokens())
			.put("total_tokens", usage.promptTokens() + usage.completionTokens());
	}

	private static void event(OutputStream out, String data) throws IOException {
		out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
		out.flush();
	}

	private static void error(HttpExchange exchange, int status, String type, String code, String message)
			throws IOException {
		ObjectNode error = JSON.createObjectNode();
		ObjectNode detail = error.putObject("error");
		detail.put("message", message).put("type", type);
		if (code != null) {
			detail.put("code", code);
		}
		else {
			detail.putNull("code");
		}
		send(exchange, status, "application/json", JSON.writeValueAsBytes(error));
	}

	private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
		exchange.getResponseHeaders().add("Content-Type", type);
		exchange.sendResponseHeaders(status, body.length);
		exchange.getResponseBody().write(body);
	}

	/**
	 * A tool call the model asks for.
	 *
	 * @param id the call's id, which the tool's result must name
	 * @param name the tool's name
	 * @param arguments its arguments, a JSON object as text
	 */
	public record ToolCall(String id, String name, String arguments) {
	}

	/** The tokens a turn reports. */
	public record Usage(int promptTokens, int completionTokens) {
	}

	private record Turn(String text, List<ToolCall> toolCalls, Usage usage) {
	}

}
