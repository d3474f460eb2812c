package io.brain.workers.connector.slack;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.brain.core.tenant.TenantContext;
import io.brain.core.tenant.TenantId;
import io.brain.core.testing.RecordingHttpServer;
import io.brain.core.testing.RecordingHttpServer.Recorded;
import io.brain.workers.ZeebeProcesses;
import io.brain.workers.connector.ConnectorTestContext;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Slack actions and syncs run on Zeebe against a local server that checks each
 * request exactly as Slack's Web API documents it (Bearer bot token,
 * {@code chat.postMessage} with a JSON body, {@code auth.test},
 * {@code conversations.list} paged by {@code response_metadata.next_cursor}) and answers
 * with its documented shapes, refusals included: HTTP 200 with {@code {"ok": false,
 * "error": "..."}}.
 */
class SlackApiContractTests extends ConnectorTestContext {

	static final String TOKEN = "xoxb-1234567890-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx";

	static final Map<String, String> JSON = Map.of("Content-Type", "application/json; charset=utf-8");

	static final ObjectMapper MAPPER = new ObjectMapper();

	static final String AUTH_TEST = """
			{"ok": true, "url": "https://acme-marketing.slack.com/", "team": "Acme Marketing", "user": "brainbot",
			 "team_id": "T0123ABCD", "user_id": "U0123BOT1", "bot_id": "B0123BOT1", "is_enterprise_install": false}
			""";

	static final RecordingHttpServer slack = RecordingHttpServer.start();

	@DynamicPropertySource
	static void endpoints(DynamicPropertyRegistry properties) {
		properties.add("brain.connectors.endpoints.slack", () -> slack.url("/api"));
	}

	@Test
	void postMessageWhenTokenValidThenPostsJsonWithBlocksInTheThreadAndReturnsWhereItLanded() throws Exception {
		connection("acme", "team");
		slack.answer(200, JSON,
				"""
						{"ok": true, "channel": "C0123ABCD", "ts": "1764064800.000200",
						 "message": {"type": "message", "subtype": "bot_message", "text": "Campaign *live*", "ts": "1764064800.000200",
						  "bot_id": "B0123BOT1", "thread_ts": "1764064000.000100"},
						 "response_metadata": {"warnings": ["missing_charset"]}, "warning": "missing_charset"}
						""");
		deploy("acme", "slack-post", "post-message",
				Map.of("connection", "\"team\"", "channel", "\"C0123ABCD\"", "text", "\"Campaign *live*\"", "blocks",
						"[{\"type\": \"section\", \"text\": {\"type\": \"mrkdwn\", \"text\": \"Campaign *live*\"}}]",
						"threadTs", "\"1764064000.000100\""));

		Map<String, Object> variables = ZeebeProcesses.run(this.client, "slack-post", Map.of());

		Recorded request = slack.take(Duration.ofSeconds(5));
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.uri().toString()).isEqualTo("/api/chat.postMessage");
		assertThat(request.header("Authorization")).isEqualTo("Bearer " + TOKEN);
		assertThat(request.header("Content-Type")).startsWith("application/json");
		assertThat(MAPPER.readTree(request.body())).isEqualTo(MAPPER.readTree("""
				{"channel": "C0123ABCD", "text": "Campaign *live*",
				 "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": "Campaign *live*"}}],
				 "thread_ts": "1764064000.000100"}
				"""));
		assertThat(variables).containsEntry("result",
				Map.of("channel", "C0123ABCD", "ts", "1764064800.000200", "threadTs", "1764064000.000100"));
	}

	@Test
	void postMessageWhenBlocksGivenAsJsonTextThenSendsThemAsAnArray() throws Exception {
		connection("acme", "blocks");
		slack.answer(200, JSON, "{\"ok\": true, \"channel\": \"C0123ABCD\", \"ts\": \"1764064900.000300\"}");
		deploy("acme", "slack-blocks", "post-message", Map.of("connection", "\"blocks\"", "channel", "\"#marketing\"",
				"blocks", "\"[{\\\"type\\\": \\\"divider\\\"}]\""));

		ZeebeProcesses.run(this.client, "slack-blocks", Map.of());

		assertThat(MAPPER.readTree(slack.take(Duration.ofSeconds(5)).body()))
			.isEqualTo(MAPPER.readTree("{\"channel\": \"#marketing\", \"blocks\": [{\"type\": \"divider\"}]}"));
	}

	@Test
	void testConnectionWhenTokenAcceptedOrRevokedThenSaysSoInPlainWords() {
		UUID connection = connection("acme", "checked");
		slack.answer(200, JSON, AUTH_TEST).answer(200, JSON, "{\"ok\": false, \"error\": \"token_revoked\"}");
		deploy("acme", "slack-test-connection", "test-connection", Map.of("connectionId", "connectionId"));

		Map<String, Object> accepted = ZeebeProcesses.run(this.client, "slack-test-connection",
				Map.of("connectionId", connection.toString()));
		Recorded request = slack.take(Duration.ofSeconds(5));
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.uri().toString()).isEqualTo("/api/auth.test");
		assertThat(request.header("Authorization")).isEqualTo("Bearer " + TOKEN);
		assertThat(accepted).containsEntry("result",
				Map.of("ok", true, "checked", true, "message", "Signed in as brainbot on Acme Marketing"));

		Map<String, Object> rejected = ZeebeProcesses.run(this.client, "slack-test-connection",
				Map.of("connectionId", connection.toString()));
		assertThat(rejected).containsEntry("result",
				Map.of("ok", false, "checked", true, "message", "Slack rejected the bot token (401)"));
	}

	@Test
	void syncWhenSlackPagesByCursorAndThrottlesThenStoresEveryChannelAndAFullReadRemovesWhatIsGone() {
		UUID connection = connection("acme", "synced");
		slack.answer(200, JSON, AUTH_TEST)
			.answer(200, JSON, channels("dXNlcjpDMDAwMDAwMDM=", 1, 2))
			.answer(429, Map.of("Retry-After", "1", "Content-Type", "application/json; charset=utf-8"),
					"{\"ok\": false, \"error\": \"ratelimited\"}")
			.answer(200, JSON, channels("dXNlcjpDMDAwMDAwMDU=", 3, 4))
			.answer(200, JSON, channels("", 5, 5));
		deploy("acme", "slack-sync", "sync",
				Map.of("connectionId", "connectionId", "resource", "\"channels\"", "full", "full"));

		Map<String, Object> first = ZeebeProcesses.run(this.client, "slack-sync",
				Map.of("connectionId", connection.toString()));

		assertThat(first).containsEntry("result",
				Map.of("resource", "channels", "fetched", 5, "created", 5, "updated", 0, "removed", 0));
		Recorded auth = slack.take(Duration.ofSeconds(5));
		assertThat(auth.uri().getPath()).isEqualTo("/api/auth.test");
		Recorded page1 = slack.take(Duration.ofSeconds(5));
		assertThat(page1.method()).isEqualTo("GET");
		assertThat(page1.header("Authorization")).isEqualTo("Bearer " + TOKEN);
		assertThat(page1.uri().toString()).isEqualTo(
				"/api/conversations.list?limit=200&types=public_channel%2Cprivate_channel&exclude_archived=true");
		assertThat(slack.take(Duration.ofSeconds(5)).uri().getRawQuery()).endsWith("&cursor=dXNlcjpDMDAwMDAwMDM%3D");
		assertThat(slack.take(Duration.ofSeconds(5)).uri().getRawQuery()).endsWith("&cursor=dXNlcjpDMDAwMDAwMDM%3D");
		assertThat(slack.take(Duration.ofSeconds(5)).uri().getRawQuery()).endsWith("&cursor=dXNlcjpDMDAwMDAwMDU%3D");
		assertThat(TenantContext.call("acme",
				() -> this.jdbc
					.sql("select title || '|' || status || '|' || url || '|' || (data->>'memberCount')"
							+ " from synced_record where connection_id = :c order by external_id")
					.param("c", connection)
					.query(String.class)
					.list()))
			.containsExactly("#channel-1|public|https://acme-marketing.slack.com/archives/C0000000001|11",
					"#channel-2|private|https://acme-marketing.slack.com/archives/C0000000002|12",
					"#channel-3|public|https://acme-marketing.slack.com/archives/C0000000003|13",
					"#channel-4|private|https://acme-marketing.slack.com/archives/C0000000004|14",
					"#channel-5|public|https://acme-marketing.slack.com/archives/C0000000005|15");

		slack.answer(200, JSON, AUTH_TEST).answer(200, JSON, channels("", 2, 3));
		Map<String, Object> second = ZeebeProcesses.run(this.client, "slack-sync",
				Map.of("connectionId", connection.toString()));
		assertThat(second).containsEntry("result",
				Map.of("resource", "channels", "fetched", 2, "created", 0, "updated", 2, "removed", 3));
	}

	@Test
	void postMessageWhenTokenInvalidThenIncidentInPlainWordsAndConnectionNeedsAttention() {
		UUID connection = connection("acme", "stale");
		slack.answer(200, JSON, "{\"ok\": false, \"error\": \"invalid_auth\"}");
		deploy("acme", "slack-rejected", "post-message",
				Map.of("connection", "\"stale\"", "channel", "\"C0123ABCD\"", "text", "\"Hi\""));

		long instance = ZeebeProcesses.start(this.client, "slack-rejected");

		ZeebeProcesses.awaitIncident(this.engine, instance, "Slack rejected the bot token (401)");
		assertThat(ZeebeProcesses.connectionStatus(this.jdbc, "acme", connection)).isEqualTo("NEEDS_ATTENTION");
	}

	@Test
	void postMessageWhenChannelMissingOrAppNotInItOrSlackDownThenIncidentSaysWhatSlackSaid() {
		connection("acme", "flaky");
		slack.answer(200, JSON, "{\"ok\": false, \"error\": \"channel_not_found\"}");
		deploy("acme", "slack-missing", "post-message",
				Map.of("connection", "\"flaky\"", "channel", "\"C0404GONE\"", "text", "\"Hi\""));
		long missing = ZeebeProcesses.start(this.client, "slack-missing");
		ZeebeProcesses.awaitIncident(this.engine, missing, "Slack has no channel C0404GONE (404)");

		slack.answer(200, JSON, "{\"ok\": false, \"error\": \"not_in_channel\"}");
		deploy("acme", "slack-outside", "post-message",
				Map.of("connection", "\"flaky\"", "channel", "\"C0123ABCD\"", "text", "\"Hi\""));
		long outside = ZeebeProcesses.start(this.client, "slack-outside");
		ZeebeProcesses.awaitIncident(this.engine, outside,
				"Slack refused: the app is not in channel C0123ABCD; invite it to the channel first (403)");

		slack.answer(503, Map.of(), "").answer(503, Map.of(), "").answer(503, Map.of(), "");
		deploy("acme", "slack-down", "post-message",
				Map.of("connection", "\"flaky\"", "channel", "\"C0123ABCD\"", "text", "\"Hi\""));
		long down = ZeebeProcesses.start(this.client, "slack-down");
		ZeebeProcesses.awaitIncident(this.engine, down, "Slack answered 503 (still after retries)");
	}

	@Test
	void postMessageWhenChannelOrContentMissingThenIncidentAndNoCall() {
		connection("acme", "strict");
		deploy("acme", "slack-no-channel", "post-message", Map.of("connection", "\"strict\"", "text", "\"Hi\""));
		deploy("acme", "slack-no-content", "post-message",
				Map.of("connection", "\"strict\"", "channel", "\"C0123ABCD\""));

		long noChannel = ZeebeProcesses.start(this.client, "slack-no-channel");
		long noContent = ZeebeProcesses.start(this.client, "slack-no-content");

		ZeebeProcesses.awaitIncident(this.engine, noChannel, "channel");
		ZeebeProcesses.awaitIncident(this.engine, noContent, "text or blocks is required");
		assertThat(slack.received()).isZero();
	}

	/**
	 * A page of conversations.list: channels from..to, then the cursor of the next page.
	 */
	private static String channels(String nextCursor, int from, int to) {
		StringBuilder json = new StringBuilder("{\"ok\": true, \"channels\": [");
		for (int n = from; n <= to; n++) {
			boolean isPrivate = n % 2 == 0;
			json.append((n > from) ? "," : "")
				.append("""
						{"id": "C000000000%d", "name": "channel-%d", "is_channel": %s, "is_group": %s, "is_im": false,
						 "is_mpim": false, "is_private": %s, "created": 1700000000, "is_archived": false, "is_general": false,
						 "unlinked": 0, "name_normalized": "channel-%d", "is_shared": false, "is_org_shared": false,
						 "is_member": true, "updated": 17640000%d0000, "creator": "U0123ADMIN",
						 "topic": {"value": "Topic %d", "creator": "U0123ADMIN", "last_set": 1700000000},
						 "purpose": {"value": "Purpose %d", "creator": "U0123ADMIN", "last_set": 1700000000},
						 "previous_names": [], "num_members": 1%d}
						"""
					.formatted(n, n, !isPrivate, isPrivate, isPrivate, n, n, n, n, n));
		}
		return json.append("], \"response_metadata\": {\"next_cursor\": \"")
			.append(nextCursor)
			.append("\"}}")
			.toString();
	}

	private void deploy(String tenant, String processId, String operation, Map<String, String> inputs) {
		ZeebeProcesses.deployFor(new TenantId(tenant),
				ZeebeProcesses.step(processId, SlackConnector.TYPE, operation, inputs), this.client, this.registry);
	}

	private UUID connection(String tenant, String name) {
		return ZeebeProcesses.createConnection(this.jdbc, this.secrets, tenant, "slack", name, "{}",
				Map.of("botToken", TOKEN));
	}

}
