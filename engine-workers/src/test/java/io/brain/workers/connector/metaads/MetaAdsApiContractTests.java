package io.brain.workers.connector.metaads;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.brain.core.tenant.TenantContext;
import io.brain.core.tenant.TenantId;
import io.brain.core.testing.RecordingHttpServer;
import io.brain.core.testing.RecordingHttpServer.Recorded;
import io.brain.workers.ZeebeProcesses;
import io.brain.workers.connector.ConnectorTestContext;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Meta Ads actions, connection test and sync run on Zeebe against a local server that
 * checks each request as Meta's Marketing API (Graph API v27.0) documents it: the system
 * user token as {@code Authorization: Bearer}, {@code POST /{campaign_id}} with a
 * form-encoded {@code status}, {@code GET /act_{id}/campaigns} with {@code fields},
 * nested {@code insights.date_preset(last_30d)} and cursor paging by {@code after}, and
 * Meta's error object ({@code code} 190 for a bad token, 17 for a rate limit, 100/33 for
 * an object that does not exist), all answered with 400 as Meta does.
 */
class MetaAdsApiContractTests extends ConnectorTestContext {

	static final ObjectMapper JSON = new ObjectMapper();

	static final String ACCESS_TOKEN = "EAAGm0PX4ZCpsBO7ZBkZCz3pQ8rW1vN5tY2uI9oL4kJ7hG3fD6sA0qP2wE5rT8yU1iO4pA7sD0fG3hJ6kL9";

	static final RecordingHttpServer graph = RecordingHttpServer.start();

	@DynamicPropertySource
	static void endpoints(DynamicPropertyRegistry properties) {
		properties.add("brain.connectors.endpoints.meta-graph", () -> graph.url(""));
	}

	@Test
	void pauseThenEnableCampaignWhenTokenValidThenPostsTheStatusFormEncoded() {
		connection("ads", "1234567890");
		graph.answer(200, Map.of("Content-Type", "application/json; charset=UTF-8"), "{\"success\": true}")
			.answer(200, Map.of("Content-Type", "application/json; charset=UTF-8"), "{\"success\": true}");
		deploy(ZeebeProcesses.step("meta-pause", MetaAdsConnector.TYPE, "pause-campaign",
				Map.of("connection", "\"ads\"", "campaignId", "\"120210000000000111\"")));
		deploy(ZeebeProcesses.step("meta-enable", MetaAdsConnector.TYPE, "enable-campaign",
				Map.of("connection", "\"ads\"", "campaignId", "\"120210000000000111\"")));

		Map<String, Object> paused = ZeebeProcesses.run(this.client, "meta-pause", Map.of());
		Map<String, Object> enabled = ZeebeProcesses.run(this.client, "meta-enable", Map.of());

		Recorded pause = graph.take(Duration.ofSeconds(5));
		assertThat(pause.method()).isEqualTo("POST");
		assertThat(pause.uri().toString()).isEqualTo("/v27.0/120210000000000111");
		assertThat(pause.header("Authorization")).isEqualTo("Bearer " + ACCESS_TOKEN);
		assertThat(pause.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
		assertThat(pause.body()).isEqualTo("status=PAUSED");
		assertThat(paused).containsEntry("result",
				Map.of("campaignId", "120210000000000111", "status", "PAUSED", "success", true));
		Recorded enable = graph.take(Duration.ofSeconds(5));
		assertThat(enable.uri().toString()).isEqualTo("/v27.0/120210000000000111");
		assertThat(enable.body()).isEqualTo("status=ACTIVE");
		assertThat(enabled).containsEntry("result",
				Map.of("campaignId", "120210000000000111", "status", "ACTIVE", "success", true));
	}

	@Test
	void pauseCampaignWhenMetaRateLimitsThenTheStepIsRetriedAndSucceeds() {
		connection("busy", "1234567890");
		graph
			.answer(400, Map.of("Content-Type", "application/json"),
					error("(#17) User request limit reached", "OAuthException", 17, 2446079))
			.answer(200, Map.of("Content-Type", "application/json"), "{\"success\": true}");
		BpmnModelInstance retried = Bpmn.createExecutableProcess("meta-busy")
			.startEvent()
			.serviceTask("pause",
					(task) -> task.zeebeJobType(MetaAdsConnector.TYPE)
						.zeebeJobRetries("2")
						.zeebeTaskHeader("operation", "pause-campaign")
						.zeebeTaskHeader("resultVariable", "result")
						.zeebeInputExpression("\"busy\"", "connection")
						.zeebeInputExpression("\"120210000000000111\"", "campaignId"))
			.endEvent()
			.done();
		deploy(retried);

		Map<String, Object> result = ZeebeProcesses.run(this.client, "meta-busy", Map.of());

		assertThat(result).containsEntry("result",
				Map.of("campaignId", "120210000000000111", "status", "PAUSED", "success", true));
		assertThat(graph.take(Duration.ofSeconds(5)).body()).isEqualTo("status=PAUSED");
		assertThat(graph.take(Duration.ofSeconds(5)).body()).isEqualTo("status=PAUSED");
	}

	@Test
	void pauseCampaignWhenTokenExpiredThenIncidentSaysSoAndConnectionNeedsAttention() {
		UUID connection = connection("expired", "1234567890");
		graph.answer(400, Map.of("Content-Type", "application/json"),
				error("Error validating access token: Session has expired on Tuesday, 24-Nov-26 10:00:00 PST.",
						"OAuthException", 190, 463));
		deploy(ZeebeProcesses.step("meta-expired", MetaAdsConnector.TYPE, "pause-campaign",
				Map.of("connection", "\"expired\"", "campaignId", "\"120210000000000111\"")));

		long instance = ZeebeProcesses.start(this.client, "meta-expired");

		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(ZeebeProcesses.incidentMessages(this.engine, instance))
				.contains("Meta rejected the access token (401)"));
		assertThat(status(connection)).isEqualTo("NEEDS_ATTENTION");
	}

	@Test
	void pauseCampaignWhenCampaignMissingOrMetaDownThenIncidentSaysSo() {
		connection("flaky", "1234567890");
		graph.answer(400, Map.of("Content-Type", "application/json"), error(
				"Unsupported post request. Object with ID '404404404' does not exist, cannot be loaded due to missing "
						+ "permissions, or does not support this operation. Please read the Graph API documentation at "
						+ "https://developers.facebook.com/docs/graph-api",
				"GraphMethodException", 100, 33));
		deploy(ZeebeProcesses.step("meta-missing", MetaAdsConnector.TYPE, "pause-campaign",
				Map.of("connection", "\"flaky\"", "campaignId", "\"404404404\"")));
		long missing = ZeebeProcesses.start(this.client, "meta-missing");
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(ZeebeProcesses.incidentMessages(this.engine, missing))
				.contains("Meta has no campaign 404404404 (404)"));

		graph.answer(503, Map.of(), "").answer(503, Map.of(), "").answer(503, Map.of(), "");
		long down = ZeebeProcesses.start(this.client, "meta-missing");
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(ZeebeProcesses.incidentMessages(this.engine, down))
				.contains("Meta answered 503 (still after retries)"));
		assertThat(graph.received()).isEqualTo(4);
	}

	@Test
	void pauseCampaignWhenCampaignIdMissingOrMalformedThenIncidentAndNoCall() {
		connection("careful", "1234567890");
		deploy(ZeebeProcesses.step("meta-no-id", MetaAdsConnector.TYPE, "pause-campaign",
				Map.of("connection", "\"careful\"")));
		deploy(ZeebeProcesses.step("meta-bad-id", MetaAdsConnector.TYPE, "enable-campaign",
				Map.of("connection", "\"careful\"", "campaignId", "\"act_1/adsets\"")));

		long noId = ZeebeProcesses.start(this.client, "meta-no-id");
		long badId = ZeebeProcesses.start(this.client, "meta-bad-id");

		ZeebeProcesses.awaitIncident(this.engine, noId, "campaignId");
		ZeebeProcesses.awaitIncident(this.engine, badId, "campaignId");
		assertThat(graph.received()).isZero();
	}

	@Test
	void testConnectionWhenAccountActiveDisabledOrTokenRejectedThenSaysSoInPlainWords() {
		UUID bare = connection("checked", "1234567890");
		UUID prefixed = connection("prefixed", "act_5556667777");
		graph
			.answer(200, Map.of("Content-Type", "application/json"),
					"{\"name\": \"Acme Ads\", \"account_status\": 1, \"id\": \"act_1234567890\"}")
			.answer(200, Map.of("Content-Type", "application/json"),
					"{\"name\": \"Old Ads\", \"account_status\": 2, \"id\": \"act_5556667777\"}")
			.answer(400, Map.of("Content-Type", "application/json"),
					error("Invalid OAuth access token - Cannot parse access token", "OAuthException", 190, 0));
		deploy(ZeebeProcesses.step("meta-test", MetaAdsConnector.TYPE, "test-connection",
				Map.of("connectionId", "connectionId")));

		Map<String, Object> active = ZeebeProcesses.run(this.client, "meta-test",
				Map.of("connectionId", bare.toString()));
		Recorded request = graph.take(Duration.ofSeconds(5));
		assertThat(request.method()).isEqualTo("GET");
		assertThat(request.uri().getPath()).isEqualTo("/v27.0/act_1234567890");
		assertThat(request.uri().getQuery()).isEqualTo("fields=name,account_status");
		assertThat(request.header("Authorization")).isEqualTo("Bearer " + ACCESS_TOKEN);
		assertThat(active).containsEntry("result", Map.of("ok", true, "checked", true, "message",
				"Connected to ad account Acme Ads (act_1234567890), active"));

		Map<String, Object> disabled = ZeebeProcesses.run(this.client, "meta-test",
				Map.of("connectionId", prefixed.toString()));
		assertThat(graph.take(Duration.ofSeconds(5)).uri().getPath()).isEqualTo("/v27.0/act_5556667777");
		assertThat(disabled).containsEntry("result", Map.of("ok", false, "checked", true, "message",
				"Meta accepted the access token, but ad account Old Ads (act_5556667777) is disabled"));

		Map<String, Object> rejected = ZeebeProcesses.run(this.client, "meta-test",
				Map.of("connectionId", bare.toString()));
		assertThat(rejected).containsEntry("result",
				Map.of("ok", false, "checked", true, "message", "Meta rejected the access token (401)"));
	}

	@Test
	void syncWhenMetaPagesByCursorAndThrottlesThenStoresEveryCampaignWithItsInsights() throws Exception {
		UUID connection = connection("synced", "act_1234567890");
		graph.answer(200, Map.of("Content-Type", "application/json"), campaigns(1, 2, "QVFIUmFmdA2", true))
			.answer(429, Map.of("Retry-After", "1", "Content-Type", "application/json"),
					error("(#80004) There have been too many calls to this ad-account.", "OAuthException", 80004,
							2446079))
			.answer(200, Map.of("Content-Type", "application/json"), campaigns(3, 4, "QVFIUmFmdA4", true))
			.answer(200, Map.of("Content-Type", "application/json"), campaigns(5, 5, "QVFIUmFmdA5", false));
		deploy(ZeebeProcesses.step("meta-sync", MetaAdsConnector.TYPE, "sync",
				Map.of("connectionId", "\"" + connection + "\"", "resource", "\"campaigns\"")));

		Map<String, Object> first = ZeebeProcesses.run(this.client, "meta-sync", Map.of());

		assertThat(first).containsEntry("result",
				Map.of("resource", "campaigns", "fetched", 5, "created", 5, "updated", 0, "removed", 0));
		String fields = "fields=id,name,status,effective_status,daily_budget,updated_time,"
				+ "insights.date_preset(last_30d){impressions,clicks,spend}&limit=100";
		Recorded page1 = graph.take(Duration.ofSeconds(5));
		assertThat(page1.method()).isEqualTo("GET");
		assertThat(page1.uri().getPath()).isEqualTo("/v27.0/act_1234567890/campaigns");
		assertThat(page1.uri().getQuery()).isEqualTo(fields);
		assertThat(page1.header("Authorization")).isEqualTo("Bearer " + ACCESS_TOKEN);
		assertThat(graph.take(Duration.ofSeconds(5)).uri().getQuery()).isEqualTo(fields + "&after=QVFIUmFmdA2");
		assertThat(graph.take(Duration.ofSeconds(5)).uri().getQuery()).isEqualTo(fields + "&after=QVFIUmFmdA2");
		Recorded page3 = graph.take(Duration.ofSeconds(5));
		assertThat(page3.uri().getPath()).as("the cursor, not paging.next's absolute address")
			.isEqualTo("/v27.0/act_1234567890/campaigns");
		assertThat(page3.uri().getQuery()).isEqualTo(fields + "&after=QVFIUmFmdA4");
		List<Map<String, Object>> stored = TenantContext.call("acme", () -> this.jdbc.sql("""
				select external_id, title, status, modified_at, data::text as data from synced_record
				where connection_id = :c and resource = 'campaigns' order by external_id
				""").param("c", connection).query().listOfRows());
		assertThat(stored).extracting((row) -> row.get("title"))
			.containsExactly("Campaign 1", "Campaign 2", "Campaign 3", "Campaign 4", "Campaign 5");
		assertThat(stored.get(0)).containsEntry("external_id", "120210000000000001").containsEntry("status", "ACTIVE");
		assertThat(((Timestamp) stored.get(0).get("modified_at")).toInstant())
			.isEqualTo(Instant.parse("2026-11-21T10:00:00Z"));
		assertThat(JSON.readTree((String) stored.get(0).get("data"))).isEqualTo(JSON.readTree("""
				{"status": "ACTIVE", "dailyBudgetMinor": 5000, "impressions": 1201, "clicks": 31, "spend": 12.34,
				 "period": "last_30d"}
				"""));

		graph.answer(200, Map.of("Content-Type", "application/json"), campaigns(1, 2, "QVFIUmFmdA2", false));
		Map<String, Object> again = ZeebeProcesses.run(this.client, "meta-sync", Map.of());
		assertThat(graph.take(Duration.ofSeconds(5)).uri().getQuery()).isEqualTo(fields);
		assertThat(again).as("insights change daily, so every sync reads everything and drops what is gone")
			.containsEntry("result",
					Map.of("resource", "campaigns", "fetched", 2, "created", 0, "updated", 2, "removed", 3));
	}

	private static String campaigns(int from, int to, String after, boolean more) {
		StringBuilder json = new StringBuilder("{\"data\": [");
		for (int n = from; n <= to; n++) {
			json.append((n > from) ? "," : "")
				.append("{\"id\": \"12021000000000000")
				.append(n)
				.append("\", \"name\": \"Campaign ")
				.append(n)
				.append("\", \"status\": \"")
				.append((n % 2 == 1) ? "ACTIVE" : "PAUSED")
				.append("\", \"effective_status\": \"")
				.append((n % 2 == 1) ? "ACTIVE" : "PAUSED")
				.append("\", \"daily_budget\": \"")
				.append(5000 * n)
				.append("\", \"updated_time\": \"2026-11-2")
				.append(n)
				.append("T10:00:00+0000\", \"insights\": {\"data\": [{\"impressions\": \"")
				.append(1200 + n)
				.append("\", \"clicks\": \"")
				.append(30 + n)
				.append("\", \"spend\": \"")
				.append(String.format(Locale.ROOT, "%.2f", 12.34 * n))
				.append("\", \"date_start\": \"2026-10-26\", \"date_stop\": \"2026-11-24\"}], \"paging\": {\"cursors\": ")
				.append("{\"before\": \"MAZDZD\", \"after\": \"MAZDZD\"}}}}");
		}
		json.append("], \"paging\": {\"cursors\": {\"before\": \"QVFIUmJlZm9yZQ\", \"after\": \"")
			.append(after)
			.append("\"}");
		if (more) {
			json.append(", \"next\": \"https://graph.facebook.com/v27.0/act_1234567890/campaigns?access_token=")
				.append("EAAG&pretty=0&fields=id&limit=100&after=")
				.append(after)
				.append("\"");
		}
		return json.append("}}").toString();
	}

	private static String error(String message, String type, int code, int subcode) {
		return "{\"error\": {\"message\": \"" + message + "\", \"type\": \"" + type + "\", \"code\": " + code
				+ ((subcode != 0) ? ", \"error_subcode\": " + subcode : "")
				+ ", \"fbtrace_id\": \"AbCdEfGhIjKlMnOpQrStUv\"}}";
	}

	private void deploy(BpmnModelInstance model) {
		ZeebeProcesses.deployFor(new TenantId("acme"), model, this.client, this.registry);
	}

	private String status(UUID connection) {
		return ZeebeProcesses.connectionStatus(this.jdbc, "acme", connection);
	}

	private UUID connection(String name, String adAccountId) {
		return ZeebeProcesses.createConnection(this.jdbc, this.secrets, "acme", "meta-ads", name,
				"{\"adAccountId\": \"" + adAccountId + "\"}", Map.of("accessToken", ACCESS_TOKEN));
	}

}
