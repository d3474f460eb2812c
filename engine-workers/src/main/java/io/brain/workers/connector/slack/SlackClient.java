package io.brain.workers.connector.slack;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brain.workers.connection.ConnectionCheck;
import io.brain.workers.connection.ResolvedConnection;
import io.brain.workers.provider.Pages;
import io.brain.workers.provider.Pages.Page;
import io.brain.workers.provider.ProviderEndpoints;
import io.brain.workers.provider.ProviderHttp;
import io.brain.workers.provider.ProviderResponse;
import io.brain.workers.sync.Fetched;
import io.brain.workers.sync.SyncedRecord;
import io.camunda.connector.api.error.ConnectorException;
import io.camunda.connector.api.error.ConnectorInputException;

import org.springframework.stereotype.Component;

/**
 * Slack's Web API ({@code https://slack.com/api/<method>}), authenticated with a bot
 * token (Bearer). Slack answers most refusals with HTTP 200 and {@code {"ok": false,
 * "error": "<code>"}}; they become the same plain-word errors as other providers'
 * statuses.
 */
@Component
class SlackClient {

	static final String BASE_URL = "https://slack.com/api";

	static final String CREDENTIAL = "bot token";

	/** Errors that mean the token no longer works: the connection needs attention. */
	static final Set<String> REJECTED = Set.of("invalid_auth", "not_authed", "token_revoked", "token_expired",
			"account_inactive", "no_permission", "ekm_access_denied", "org_login_required");

	private final ProviderHttp http;

	private final ProviderEndpoints endpoints;

	private final ObjectMapper json;

	SlackClient(ProviderHttp http, ProviderEndpoints endpoints, ObjectMapper json) {
		this.http = http;
		this.endpoints = endpoints;
		this.json = json;
	}

	/** Posts a message: {@code POST /chat.postMessage} with a JSON body. */
	MessageResult postMessage(ResolvedConnection connection, PostMessageRequest request) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("channel", request.channel());
		if (request.text() != null && !request.text().isBlank()) {
			body.put("text", request.text());
		}
		Object blocks = blocks(request.blocks());
		if (blocks != null) {
			body.put("blocks", blocks);
		}
		if (request.threadTs() != null && !request.threadTs().isBlank()) {
			body.put("thread_ts", request.threadTs());
		}
		JsonNode answer = ok(api(connection).post("/chat.postMessage", body), "channel " + request.channel());
		return new MessageResult(answer.path("channel").asText(null), answer.path("ts").asText(null),
				request.threadTs());
	}

	/**
	 * Block Kit blocks as the step gives them: a list (from FEEL) is sent as it is, a
	 * text is read as a JSON array.
	 */
	Object blocks(Object blocks) {
		if (blocks == null || (blocks instanceof String text && text.isBlank())) {
			return null;
		}
		if (blocks instanceof String text) {
			try {
				JsonNode parsed = this.json.readTree(text);
				if (!parsed.isArray()) {
					throw new ConnectorInputException("blocks must be a JSON array of Block Kit blocks");
				}
				return parsed;
			}
			catch (IOException ex) {
				throw new ConnectorInputException("blocks is not valid JSON: " + ex.getMessage(), ex);
			}
		}
		if (!(blocks instanceof List<?>)) {
			throw new ConnectorInputException("blocks must be a list of Block Kit blocks");
		}
		return blocks;
	}

	/** Checks the token: {@code auth.test} says whose it is. */
	ConnectionCheck check(ResolvedConnection connection) {
		JsonNode answer = ok(api(connection).post("/auth.test", null), "workspace");
		return ConnectionCheck
			.ok("Signed in as " + answer.path("user").asText("?") + " on " + answer.path("team").asText("?"));
	}

	/**
	 * Fetches the workspace's public and private channels (those the bot can see), 200 a
	 * page, following {@code response_metadata.next_cursor}. Slack cannot list only the
	 * channels changed since a time, so every sync reads them all.
	 */
	Fetched fetch(ResolvedConnection connection, String resource, Instant changedSince) {
		ProviderHttp.Api api = api(connection);
		String workspace = ok(api.post("/auth.test", null), "workspace").path("url").asText("");
		List<SyncedRecord> channels = Pages.collect("Slack", (cursor) -> {
			JsonNode answer = ok(
					api.get("/conversations.list" + ProviderHttp.query("limit", 200, "types",
							"public_channel,private_channel", "exclude_archived", true, "cursor", cursor)),
					"channel list");
			List<SyncedRecord> items = StreamSupport.stream(answer.path("channels").spliterator(), false)
				.map((channel) -> channel(workspace, channel))
				.toList();
			return new Page<>(items, answer.path("response_metadata").path("next_cursor").asText(""));
		});
		return Fetched.all(channels);
	}

	private static SyncedRecord channel(String workspace, JsonNode channel) {
		String id = channel.path("id").asText();
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("name", channel.path("name").asText(null));
		data.put("topic", channel.path("topic").path("value").asText(""));
		data.put("purpose", channel.path("purpose").path("value").asText(""));
		data.put("memberCount", channel.path("num_members").asInt());
		data.put("private", channel.path("is_private").asBoolean());
		long updated = channel.path("updated").asLong(0);
		long created = channel.path("created").asLong(0);
		Instant modified = (updated > 0) ? Instant.ofEpochMilli(updated)
				: (created > 0) ? Instant.ofEpochSecond(created) : null;
		String url = workspace.isEmpty() ? null : workspace.replaceFirst("/+$", "") + "/archives/" + id;
		return new SyncedRecord(id, "#" + channel.path("name").asText(id), url,
				channel.path("is_private").asBoolean() ? "private" : "public", modified, data);
	}

	/**
	 * The body of an answer Slack accepted, or the refusal in plain words: an HTTP error
	 * as for every provider, {@code "ok": false} by what its error code means.
	 * @param subject what was asked for, named when Slack does not find it
	 */
	static JsonNode ok(ProviderResponse response, String subject) {
		JsonNode body = response.expect(subject);
		if (body.path("ok").asBoolean(false)) {
			return body;
		}
		String error = body.path("error").asText("unknown_error");
		if (REJECTED.contains(error)) {
			throw refusal(response, 401, subject);
		}
		throw switch (error) {
			case "channel_not_found", "thread_not_found", "message_not_found" -> refusal(response, 404, subject);
			case "ratelimited", "rate_limited" -> refusal(response, 429, subject);
			case "missing_scope" -> new ConnectorException("403",
					"Slack refused: the bot token lacks the scope " + body.path("needed").asText("?")
							+ "; add it under OAuth & Permissions and reinstall the app (403)");
			case "not_in_channel" -> new ConnectorException("403",
					"Slack refused: the app is not in " + subject + "; invite it to the channel first (403)");
			case "is_archived" -> new ConnectorException("409", "Slack refused: " + subject + " is archived (409)");
			case "msg_too_long" -> new ConnectorException("400", "Slack refused: the message is too long (400)");
			case "no_text" -> new ConnectorException("400", "Slack refused: the message has no text (400)");
			case "invalid_blocks", "invalid_blocks_format" -> new ConnectorException("400",
					"Slack refused: the blocks are not valid Block Kit" + describe(body.path("errors")) + " (400)");
			case "restricted_action", "restricted_action_read_only_channel", "restricted_action_thread_only_channel",
					"restricted_action_non_threadable_channel" ->
				new ConnectorException("403",
						"Slack refused: a workspace setting keeps the app from posting in " + subject + " (403)");
			default -> new ConnectorException("400", "Slack refused: " + error.replace('_', ' ') + " (400)");
		};
	}

	private static ConnectorException refusal(ProviderResponse response, int status, String subject) {
		return new ProviderResponse(response.provider(), response.credential(), status, response.headers(),
				response.body())
			.failure(subject);
	}

	private static String describe(JsonNode errors) {
		return errors.isArray() && !errors.isEmpty() ? ": " + errors.path(0).asText() : "";
	}

	private ProviderHttp.Api api(ResolvedConnection connection) {
		String token = connection.secret("botToken");
		return this.http.to("Slack", this.endpoints.url("slack", BASE_URL))
			.bearer((token != null) ? token.trim() : "")
			.credential(CREDENTIAL);
	}

}
