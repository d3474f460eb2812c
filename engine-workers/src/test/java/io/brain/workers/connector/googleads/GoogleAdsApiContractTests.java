package io.brain.workers.connector.googleads;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.brain.core.tenant.TenantContext;
import io.brain.core.tenant.TenantId;
import io.brain.core.testing.RecordingHttpServer;
import io.brain.core.testing.RecordingHttpServer.Recorded;
import io.brain.workers.ZeebeProcesses;
import io.brain.workers.connector.ConnectorTestContext;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Google Ads actions, connection test and sync run on Zeebe against two local servers
 * that check each request as Google documents it: the OAuth2 token endpoint
 * ({@code POST /token}, form-encoded refresh-token grant, {@code invalid_grant} when
 * refused) and the Google Ads API v26 over REST ({@code Authorization: Bearer},
 * {@code developer-token}, {@code login-customer-id}; {@code campaigns:mutate} and
 * {@code campaignBudgets:mutate} with {@code update} and {@code updateMask};
 * {@code googleAds:search} with GAQL paged by {@code pageToken}; errors with
 * {@code GoogleAdsFailure} details).
 */
class GoogleAdsApiContractTests extends ConnectorTestContext {

	static final ObjectMapper JSON = new ObjectMapper();

	static final String DEVELOPER_TOKEN = "aBcDeFgHiJkLmNoPqRsTuV";

	static final String CLIENT_ID = "8819981768-3s7ts3fp5uam2ls2hnbh2q2ckc1chd8b.apps.googleusercontent.com";

	static final String CLIENT_SECRET = "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";

	static final String REFRESH_TOKEN = "1//0gXr7Yv3kPq2dCgYIARAAGBASNwF-L9IrzW8cT5bV0nM4xQ2hJ6kL1pO3sR7uY9tE";

	static final RecordingHttpServer oauth = RecordingHttpServer.start();

	static final RecordingHttpServer ads = RecordingHttpServer.start();

	@DynamicPropertySource
	static void endpoints(DynamicPropertyRegistry properties) {
		properties.add("brain.connectors.endpoints.google-oauth", () -> oauth.url(""));
		properties.add("brain.connectors.endpoints.google-ads", () -> ads.url(""));
	}

	@Test
	void pauseThenEnableCampaignWhenTokenFreshThenMutatesStatusAsDocumented() throws Exception {
		connection("acme", "ads", true);
		oauth.answer(200, Map.of("Content-Type", "application/json; charset=utf-8"), token("ya29.a0AfB_first"));
		ads.answer(200, Map.of("Content-Type", "application/json; charset=UTF-8"),
				"{\"results\": [{\"resourceName\": \"customers/1234567890/campaigns/111222333\"}]}")
			.answer(200, Map.of("Content-Type", "application/json; charset=UTF-8"),
					"{\"results\": [{\"resourceName\": \"customers/1234567890/campaigns/111222333\"}]}");
		deploy(ZeebeProcesses.step("gads-pause", GoogleAdsConnector.TYPE, "pause-campaign",
				Map.of("connection", "\"ads\"", "campaignId", "\"111222333\"")));
		deploy(ZeebeProcesses.step("gads-enable", GoogleAdsConnector.TYPE, "enable-campaign",
				Map.of("connection", "\"ads\"", "campaignId", "\"111222333\"")));

		Map<String, Object> paused = ZeebeProcesses.run(this.client, "gads-pause", Map.of());
		Map<String, Object> enabled = ZeebeProcesses.run(this.client, "gads-enable", Map.of());

		Recorded refresh = oauth.take(Duration.ofSeconds(5));
		assertThat(refresh.method()).isEqualTo("POST");
		assertThat(refresh.uri().getPath()).isEqualTo("/token");
		assertThat(refresh.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
		assertThat(refresh.body()).isEqualTo("grant_type=refresh_token&refresh_token=" + enc(REFRESH_TOKEN)
				+ "&client_id=" + enc(CLIENT_ID) + "&client_secret=" + enc(CLIENT_SECRET));
		Recorded pause = ads.take(Duration.ofSeconds(5));
		assertThat(pause.method()).isEqualTo("POST");
		assertThat(pause.uri().toString()).isEqualTo("/v26/customers/1234567890/campaigns:mutate");
		assertThat(pause.header("Authorization")).isEqualTo("Bearer ya29.a0AfB_first");
		assertThat(pause.header("developer-token")).isEqualTo(DEVELOPER_TOKEN);
		assertThat(pause.header("login-customer-id")).isEqualTo("9876543210");
		assertThat(pause.header("Content-Type")).isEqualTo("application/json");
		assertThat(JSON.readTree(pause.body())).isEqualTo(JSON.readTree(
				"""
						{"operations": [{"update": {"resourceName": "customers/1234567890/campaigns/111222333", "status": "PAUSED"},
						  "updateMask": "status"}]}
						"""));
		assertThat(paused).containsEntry("result", Map.of("campaignId", "111222333", "resourceName",
				"customers/1234567890/campaigns/111222333", "status", "PAUSED"));
		Recorded enable = ads.take(Duration.ofSeconds(5));
		assertThat(JSON.readTree(enable.body()).at("/operations/0/update/status").asText()).isEqualTo("ENABLED");
		assertThat(enable.header("Authorization")).isEqualTo("Bearer ya29.a0AfB_first");
		assertThat(enabled).containsEntry("result", Map.of("campaignId", "111222333", "resourceName",
				"customers/1234567890/campaigns/111222333", "status", "ENABLED"));
		assertThat(oauth.received()).as("the token of an hour is reused").isZero();
	}

	@Test
	void setBudgetWhenAmountGivenThenFindsTheBudgetAndSetsItsMicros() throws Exception {
		connection("acme", "budgets", false);
		oauth.answer(200, Map.of("Content-Type", "application/json"), token("ya29.a0AfB_budget"));
		ads.answer(200, Map.of("Content-Type", "application/json"),
				"""
						{"results": [{"campaign": {"resourceName": "customers/1234567890/campaigns/111222333",
						  "campaignBudget": "customers/1234567890/campaignBudgets/901", "id": "111222333"},
						  "campaignBudget": {"resourceName": "customers/1234567890/campaignBudgets/901", "explicitlyShared": false}}],
						 "fieldMask": "campaign.id,campaign.campaignBudget,campaignBudget.explicitlyShared",
						 "queryResourceConsumption": "120"}
						""")
			.answer(200, Map.of("Content-Type", "application/json"),
					"{\"results\": [{\"resourceName\": \"customers/1234567890/campaignBudgets/901\"}]}");
		deploy(ZeebeProcesses.step("gads-budget", GoogleAdsConnector.TYPE, "set-budget",
				Map.of("connection", "\"budgets\"", "campaignId", "\"111222333\"", "amount", "12.5")));

		Map<String, Object> result = ZeebeProcesses.run(this.client, "gads-budget", Map.of());

		Recorded search = ads.take(Duration.ofSeconds(5));
		assertThat(search.method()).isEqualTo("POST");
		assertThat(search.uri().toString()).isEqualTo("/v26/customers/1234567890/googleAds:search");
		assertThat(search.header("login-customer-id")).as("no manager account on this connection").isNull();
		assertThat(JSON.readTree(search.body())).isEqualTo(JSON.readTree(
				"""
						{"query": "SELECT campaign.id, campaign.campaign_budget, campaign_budget.explicitly_shared FROM campaign WHERE campaign.id = 111222333"}
						"""));
		Recorded mutate = ads.take(Duration.ofSeconds(5));
		assertThat(mutate.uri().toString()).isEqualTo("/v26/customers/1234567890/campaignBudgets:mutate");
		assertThat(mutate.header("developer-token")).isEqualTo(DEVELOPER_TOKEN);
		assertThat(JSON.readTree(mutate.body())).isEqualTo(JSON.readTree(
				"""
						{"operations": [{"update": {"resourceName": "customers/1234567890/campaignBudgets/901", "amountMicros": "12500000"},
						  "updateMask": "amountMicros"}]}
						"""));
		assertThat(result).containsEntry("result", Map.of("campaignId", "111222333", "budgetResourceName",
				"customers/1234567890/campaignBudgets/901", "amount", 12.5, "amountMicros", 12500000, "shared", false));
	}

	@Test
	void setBudgetWhenAmountNotPositiveOrTooFineOrCampaignMissingThenIncidentAndNoCall() {
		connection("acme", "careful", false);
		deploy(ZeebeProcesses.step("gads-negative", GoogleAdsConnector.TYPE, "set-budget",
				Map.of("connection", "\"careful\"", "campaignId", "\"111222333\"", "amount", "-5")));
		deploy(ZeebeProcesses.step("gads-no-campaign", GoogleAdsConnector.TYPE, "pause-campaign",
				Map.of("connection", "\"careful\"")));

		deploy(ZeebeProcesses.step("gads-fraction", GoogleAdsConnector.TYPE, "set-budget",
				Map.of("connection", "\"careful\"", "campaignId", "\"111222333\"", "amount", "10.0000001")));

		long negative = ZeebeProcesses.start(this.client, "gads-negative");
		long noCampaign = ZeebeProcesses.start(this.client, "gads-no-campaign");
		long fraction = ZeebeProcesses.start(this.client, "gads-fraction");

		ZeebeProcesses.awaitIncident(this.engine, negative, "amount");
		ZeebeProcesses.awaitIncident(this.engine, noCampaign, "campaignId");
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(ZeebeProcesses.incidentMessages(this.engine, fraction))
				.anySatisfy((message) -> assertThat(message)
					.endsWith("amount has more than six decimals; Google Ads keeps " + "budgets in micros")));
		assertThat(oauth.received()).isZero();
		assertThat(ads.received()).isZero();
	}

	@Test
	void pauseCampaignWhenGoogleRefusesTheRefreshTokenThenIncidentSaysReconnectAndNoApiCall() {
		UUID connection = connection("acme", "revoked", true);
		oauth.answer(400, Map.of("Content-Type", "application/json"),
				"{\"error\": \"invalid_grant\", \"error_description\": \"Token has been expired or revoked.\"}");
		deploy(ZeebeProcesses.step("gads-revoked", GoogleAdsConnector.TYPE, "pause-campaign",
				Map.of("connection", "\"revoked\"", "campaignId", "\"111222333\"")));

		long instance = ZeebeProcesses.start(this.client, "gads-revoked");

		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(ZeebeProcesses.incidentMessages(this.engine, instance))
				.contains("Google refused the refresh token (invalid_grant): reconnect the connection 'revoked'"));
		assertThat(status(connection)).isEqualTo("NEEDS_RECONNECT");
		assertThat(ads.received()).isZero();
	}

	@Test
	void pauseCampaignWhenGoogleAdsRejectsOrRefusesThenIncidentSaysWhatGoogleAdsSaid() {
		UUID connection = connection("acme", "denied", true);
		oauth.answer(200, Map.of("Content-Type", "application/json"), token("ya29.a0AfB_denied"));
		ads.answer(403, Map.of("Content-Type", "application/json"), failure(403, "PERMISSION_DENIED",
				"The caller does not have permission", "authorizationError", "USER_PERMISSION_DENIED",
				"User doesn't have permission to access customer. Note: If you're accessing a client customer, the "
						+ "manager's customer id must be set in the 'login-customer-id' header."))
			.answer(401, Map.of("Content-Type", "application/json"),
					failure(401, "UNAUTHENTICATED",
							"Request had invalid authentication credentials. Expected OAuth 2 access token, login "
									+ "cookie or other valid authentication credential.",
							"authenticationError", "OAUTH_TOKEN_INVALID", "Oauth token is invalid."));
		deploy(ZeebeProcesses.step("gads-denied", GoogleAdsConnector.TYPE, "pause-campaign",
				Map.of("connection", "\"denied\"", "campaignId", "\"111222333\"")));

		long forbidden = ZeebeProcesses.start(this.client, "gads-denied");
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(ZeebeProcesses.incidentMessages(this.engine, forbidden))
				.contains("Google Ads refused: the access token may not do this (403): User doesn't have "
						+ "permission to access customer. Note: If you're accessing a client customer, the manager's "
						+ "customer id must be set in the 'login-customer-id' header. (USER_PERMISSION_DENIED)"));

		long rejected = ZeebeProcesses.start(this.client, "gads-denied");
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(ZeebeProcesses.incidentMessages(this.engine, rejected))
				.contains("Google Ads rejected the access token (401)"));
		assertThat(status(connection)).isEqualTo("NEEDS_ATTENTION");
	}

	@Test
	void pauseCampaignWhenCampaignMissingOrGoogleAdsDownThenIncidentSaysSo() {
		connection("acme", "flaky", false);
		oauth.answer(200, Map.of("Content-Type", "application/json"), token("ya29.a0AfB_flaky"));
		ads.answer(400, Map.of("Content-Type", "application/json"),
				failure(400, "INVALID_ARGUMENT", "Request contains an invalid argument.", "mutateError",
						"RESOURCE_NOT_FOUND", "Resource was not found."));
		deploy(ZeebeProcesses.step("gads-missing", GoogleAdsConnector.TYPE, "pause-campaign",
				Map.of("connection", "\"flaky\"", "campaignId", "\"404404404\"")));
		long missing = ZeebeProcesses.start(this.client, "gads-missing");
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(ZeebeProcesses.incidentMessages(this.engine, missing))
				.contains("Google Ads has no campaign 404404404 (404)"));

		ads.answer(503, Map.of(), "").answer(503, Map.of(), "").answer(503, Map.of(), "");
		long down = ZeebeProcesses.start(this.client, "gads-missing");
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(ZeebeProcesses.incidentMessages(this.engine, down))
				.contains("Google Ads answered 503 (still after retries)"));
		assertThat(ads.received()).isEqualTo(4);
	}

	@Test
	void testConnectionWhenAccountReachableOrNotOrTokenRejectedThenSaysSoInPlainWords() {
		UUID managed = connection("acme", "checked", true);
		UUID direct = connection("acme", "direct", false);
		oauth.answer(200, Map.of("Content-Type", "application/json"), token("ya29.a0AfB_check"))
			.answer(200, Map.of("Content-Type", "application/json"), token("ya29.a0AfB_direct"));
		ads.answer(200, Map.of("Content-Type", "application/json"),
				"{\"resourceNames\": [\"customers/9876543210\", \"customers/5556667777\"]}")
			.answer(200, Map.of("Content-Type", "application/json"), "{\"resourceNames\": [\"customers/5556667777\"]}")
			.answer(401, Map.of("Content-Type", "application/json"),
					failure(401, "UNAUTHENTICATED", "Request had invalid authentication credentials.",
							"authenticationError", "OAUTH_TOKEN_EXPIRED", "Oauth token is expired."));
		deploy(ZeebeProcesses.step("gads-test", GoogleAdsConnector.TYPE, "test-connection",
				Map.of("connectionId", "connectionId")));

		Map<String, Object> reached = ZeebeProcesses.run(this.client, "gads-test",
				Map.of("connectionId", managed.toString()));
		Recorded request = ads.take(Duration.ofSeconds(5));
		assertThat(request.method()).isEqualTo("GET");
		assertThat(request.uri().toString()).isEqualTo("/v26/customers:listAccessibleCustomers");
		assertThat(request.header("Authorization")).isEqualTo("Bearer ya29.a0AfB_check");
		assertThat(request.header("developer-token")).isEqualTo(DEVELOPER_TOKEN);
		assertThat(request.header("login-customer-id")).isNull();
		assertThat(reached).containsEntry("result",
				Map.of("ok", true, "checked", true, "message", "Google Ads accepted the "
						+ "credentials; account 123-456-7890 is reachable through manager account 987-654-3210"));

		Map<String, Object> unreached = ZeebeProcesses.run(this.client, "gads-test",
				Map.of("connectionId", direct.toString()));
		assertThat(unreached).containsEntry("result", Map.of("ok", false, "checked", true, "message",
				"Google Ads accepted the credentials, but they do not reach account "
						+ "123-456-7890 (they reach 555-666-7777); if a manager account manages it, set the login "
						+ "customer id"));

		Map<String, Object> rejected = ZeebeProcesses.run(this.client, "gads-test",
				Map.of("connectionId", direct.toString()));
		assertThat(rejected).containsEntry("result",
				Map.of("ok", false, "checked", true, "message", "Google Ads rejected the access token (401)"));
	}

	@Test
	void syncWhenGoogleAdsPagesAndThrottlesThenStoresEveryCampaignWithItsMetrics() throws Exception {
		UUID connection = connection("acme", "synced", true);
		oauth.answer(200, Map.of("Content-Type", "application/json"), token("ya29.a0AfB_sync"));
		ads.answer(200, Map.of("Content-Type", "application/json"), campaigns(1, 2, "CAE-page-2"))
			.answer(429, Map.of("Retry-After", "1", "Content-Type", "application/json"),
					failure(429, "RESOURCE_EXHAUSTED", "Too many requests.", "quotaError", "RESOURCE_EXHAUSTED",
							"Too many requests. Retry in 1 seconds."))
			.answer(200, Map.of("Content-Type", "application/json"), campaigns(3, 4, "CAE-page-3"))
			.answer(200, Map.of("Content-Type", "application/json"), campaigns(5, 5, null));
		deploy(ZeebeProcesses.step("gads-sync", GoogleAdsConnector.TYPE, "sync",
				Map.of("connectionId", "\"" + connection + "\"", "resource", "\"campaigns\"")));

		Map<String, Object> first = ZeebeProcesses.run(this.client, "gads-sync", Map.of());

		assertThat(first).containsEntry("result",
				Map.of("resource", "campaigns", "fetched", 5, "created", 5, "updated", 0, "removed", 0));
		Recorded page1 = ads.take(Duration.ofSeconds(5));
		assertThat(page1.uri().toString()).isEqualTo("/v26/customers/1234567890/googleAds:search");
		assertThat(page1.header("login-customer-id")).isEqualTo("9876543210");
		assertThat(JSON.readTree(page1.body())).isEqualTo(JSON.createObjectNode()
			.put("query", "SELECT campaign.id, campaign.name, campaign.status, campaign_budget.amount_micros, "
					+ "metrics.impressions, metrics.clicks, metrics.cost_micros, metrics.conversions FROM campaign "
					+ "WHERE segments.date DURING LAST_30_DAYS AND campaign.status != 'REMOVED' ORDER BY campaign.id"));
		assertThat(JSON.readTree(ads.take(Duration.ofSeconds(5)).body()).path("pageToken").asText())
			.isEqualTo("CAE-page-2");
		assertThat(JSON.readTree(ads.take(Duration.ofSeconds(5)).body()).path("pageToken").asText())
			.isEqualTo("CAE-page-2");
		assertThat(JSON.readTree(ads.take(Duration.ofSeconds(5)).body()).path("pageToken").asText())
			.isEqualTo("CAE-page-3");
		List<Map<String, Object>> stored = TenantContext.call("acme", () -> this.jdbc.sql("""
				select external_id, title, status, data::text as data from synced_record
				where connection_id = :c and resource = 'campaigns' order by external_id
				""").param("c", connection).query().listOfRows());
		assertThat(stored).extracting((row) -> row.get("title"))
			.containsExactly("Campaign 1", "Campaign 2", "Campaign 3", "Campaign 4", "Campaign 5");
		assertThat(stored.get(0)).containsEntry("external_id", "900000001").containsEntry("status", "ENABLED");
		assertThat(JSON.readTree((String) stored.get(0).get("data"))).isEqualTo(JSON.readTree(
				"""
						{"budget": 50.0, "impressions": 1001, "clicks": 101, "cost": 12.34, "conversions": 1.5, "period": "LAST_30_DAYS"}
						"""));

		ads.answer(200, Map.of("Content-Type", "application/json"), campaigns(1, 2, null));
		Map<String, Object> again = ZeebeProcesses.run(this.client, "gads-sync", Map.of());
		assertThat(JSON.readTree(ads.take(Duration.ofSeconds(5)).body()).has("pageToken")).isFalse();
		assertThat(again).as("metrics change daily, so every sync reads everything and drops what is gone")
			.containsEntry("result",
					Map.of("resource", "campaigns", "fetched", 2, "created", 0, "updated", 2, "removed", 3));
	}

	@Test
	void readCampaignsWhenMoreThanAskedThenAnswersTheFirstWithTheirMetricsAndStoresNothing() throws Exception {
		UUID connection = connection("acme", "read", true);
		oauth.answer(200, Map.of("Content-Type", "application/json"), token("ya29.a0AfB_read"));
		ads.answer(200, Map.of("Content-Type", "application/json"), campaigns(1, 3, null));
		deploy(ZeebeProcesses.step("gads-read", GoogleAdsConnector.TYPE, "read",
				Map.of("connectionId", "\"" + connection + "\"", "resource", "\"campaigns\"", "limit", "2")));

		Map<String, Object> read = ZeebeProcesses.run(this.client, "gads-read", Map.of());

		@SuppressWarnings("unchecked")
		Map<String, Object> result = (Map<String, Object>) read.get("result");
		assertThat(result).containsEntry("resource", "campaigns").containsEntry("total", 3);
		assertThat((List<?>) result.get("records")).hasSize(2);
		assertThat(JSON.valueToTree(result.get("records")).get(1).path("title").asText()).isEqualTo("Campaign 2");
		assertThat(JSON.valueToTree(result.get("records")).get(0).path("data").path("impressions").asInt())
			.isEqualTo(1001);
		assertThat(ads.take(Duration.ofSeconds(5)).uri().toString())
			.isEqualTo("/v26/customers/1234567890/googleAds:search");
		Long stored = TenantContext.call("acme",
				() -> this.jdbc.sql("select count(*) from synced_record where connection_id = :c")
					.param("c", connection)
					.query(Long.class)
					.single());
		assertThat(stored).as("a read stores nothing").isZero();
	}

	private static String campaigns(int from, int to, String nextPageToken) {
		StringBuilder json = new StringBuilder("{\"results\": [");
		for (int n = from; n <= to; n++) {
			json.append((n > from) ? "," : "")
				.append("{\"campaign\": {\"resourceName\": \"customers/1234567890/campaigns/90000000")
				.append(n)
				.append("\", \"status\": \"")
				.append((n % 2 == 1) ? "ENABLED" : "PAUSED")
				.append("\", \"name\": \"Campaign ")
				.append(n)
				.append("\", \"id\": \"90000000")
				.append(n)
				.append("\"}, \"campaignBudget\": {\"resourceName\": \"customers/1234567890/campaignBudgets/80000000")
				.append(n)
				.append("\", \"amountMicros\": \"")
				.append(50_000_000L * n)
				.append("\"}, \"metrics\": {\"clicks\": \"")
				.append(100 + n)
				.append("\", \"conversions\": ")
				.append(n + 0.5)
				.append(", \"costMicros\": \"")
				.append(12_340_000L * n)
				.append("\", \"impressions\": \"")
				.append(1000 + n)
				.append("\"}}");
		}
		json.append("], \"fieldMask\": \"campaign.id,campaign.name,campaign.status,campaignBudget.amountMicros,")
			.append("metrics.impressions,metrics.clicks,metrics.costMicros,metrics.conversions\"")
			.append(", \"queryResourceConsumption\": \"480\"");
		if (nextPageToken != null) {
			json.append(", \"nextPageToken\": \"").append(nextPageToken).append("\"");
		}
		return json.append("}").toString();
	}

	private static String failure(int code, String status, String message, String errorType, String errorCode,
			String detail) {
		return "{\"error\": {\"code\": " + code + ", \"message\": \"" + message + "\", \"status\": \"" + status
				+ "\", \"details\": [{\"@type\": \"type.googleapis.com/google.ads.googleads.v26.errors.GoogleAdsFailure\", "
				+ "\"errors\": [{\"errorCode\": {\"" + errorType + "\": \"" + errorCode + "\"}, \"message\": \""
				+ detail.replace("\"", "\\\"") + "\"}], \"requestId\": \"gY2mR8tB1qZ4vX7n\"}]}}";
	}

	private static String token(String accessToken) {
		return "{\"access_token\": \"" + accessToken + "\", \"expires_in\": 3599, "
				+ "\"scope\": \"https://www.googleapis.com/auth/adwords\", \"token_type\": \"Bearer\"}";
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	private void deploy(BpmnModelInstance model) {
		ZeebeProcesses.deployFor(new TenantId("acme"), model, this.client, this.registry);
	}

	private String status(UUID connection) {
		return ZeebeProcesses.connectionStatus(this.jdbc, "acme", connection);
	}

	private UUID connection(String tenant, String name, boolean throughManager) {
		return ZeebeProcesses.createConnection(this.jdbc, this.secrets, tenant, "google-ads", name,
				"{\"clientId\": \"" + CLIENT_ID + "\", \"customerId\": \"123-456-7890\""
						+ (throughManager ? ", \"loginCustomerId\": \"987-654-3210\"" : "") + "}",
				Map.of("developerToken", DEVELOPER_TOKEN, "clientSecret", CLIENT_SECRET, "refreshToken",
						REFRESH_TOKEN));
	}

}
