package io.brain.workers.connector.zohocrm;

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
 * The Zoho CRM actions, connection test and sync run on Zeebe against two local servers
 * that check each request as Zoho documents it: the accounts server's token endpoint
 * ({@code POST /oauth/v2/token}, form-encoded refresh-token grant, a refused refresh
 * answered with 200 and {@code {"error": "invalid_code"}}) and the CRM REST API v8
 * ({@code /crm/v8/{module}} with {@code Authorization: Zoho-oauthtoken}, {@code data}
 * arrays, per-record {@code status: error}, {@code info.more_records} and
 * {@code next_page_token} paging, {@code If-Modified-Since} and 304).
 */
class ZohoCrmApiContractTests extends ConnectorTestContext {

	static final ObjectMapper JSON = new ObjectMapper();

	static final String CLIENT_ID = "1000.4XKM2S3JQ8ZBTY7C0PD9LRW1VNEH6A";

	static final String CLIENT_SECRET = "7f3a1c9e2b5d8f0a4c6e1b3d5f7a9c0e2b4d6f8a1c";

	static final String REFRESH_TOKEN = "1000.5b1f0c2d3e4f5a6b7c8d9e0f1a2b3c4d.6e7f8a9b0c1d2e3f4a5b6c7d8e9f0a1b";

	static final RecordingHttpServer accounts = RecordingHttpServer.start();

	static final RecordingHttpServer zoho = RecordingHttpServer.start();

	@DynamicPropertySource
	static void endpoints(DynamicPropertyRegistry properties) {
		properties.add("brain.connectors.endpoints.zoho-crm-accounts", () -> accounts.url(""));
		properties.add("brain.connectors.endpoints.zoho-crm-api", () -> zoho.url(""));
	}

	@Test
	void createThenUpdateRecordWhenTokenLastsAnHourThenRefreshesOnceAndWritesAsDocumented() throws Exception {
		connection("acme", "crm");
		accounts.answer(200, Map.of("Content-Type", "application/json;charset=UTF-8"), token("1000.first", 3600));
		zoho.answer(201, Map.of("Content-Type", "application/json;charset=utf-8"), """
				{"data": [{"code": "SUCCESS", "details": {"Modified_Time": "2026-11-25T10:10:47+00:00",
				  "Modified_By": {"name": "Patricia Boyle", "id": "5725767000000411001"},
				  "Created_Time": "2026-11-25T10:10:47+00:00", "id": "5725767000000524157",
				  "Created_By": {"name": "Patricia Boyle", "id": "5725767000000411001"}, "$approval_state": "approved"},
				  "message": "record added", "status": "success"}]}
				""");
		deploy("acme", ZeebeProcesses.step("zoho-create", ZohoCrmConnector.TYPE, "create-record", Map.of("connection",
				"\"crm\"", "module", "\"Leads\"", "fields",
				"{Last_Name: \"Doe\", First_Name: \"Jane\", Email: \"jane@zylker.com\", Company: \"Zylker Corp\"}")));

		Map<String, Object> created = ZeebeProcesses.run(this.client, "zoho-create", Map.of());

		Recorded refresh = accounts.take(Duration.ofSeconds(5));
		assertThat(refresh.method()).isEqualTo("POST");
		assertThat(refresh.uri().getPath()).isEqualTo("/oauth/v2/token");
		assertThat(refresh.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
		assertThat(refresh.body()).isEqualTo("grant_type=refresh_token&refresh_token=" + REFRESH_TOKEN + "&client_id="
				+ CLIENT_ID + "&client_secret=" + CLIENT_SECRET);
		Recorded create = zoho.take(Duration.ofSeconds(5));
		assertThat(create.method()).isEqualTo("POST");
		assertThat(create.uri().toString()).isEqualTo("/crm/v8/Leads");
		assertThat(create.header("Authorization")).isEqualTo("Zoho-oauthtoken 1000.first");
		assertThat(create.header("Content-Type")).isEqualTo("application/json");
		assertThat(JSON.readTree(create.body())).isEqualTo(JSON.readTree(
				"""
						{"data": [{"Last_Name": "Doe", "First_Name": "Jane", "Email": "jane@zylker.com", "Company": "Zylker Corp"}]}
						"""));
		assertThat(created).containsEntry("result",
				Map.of("id", "5725767000000524157", "module", "Leads", "modifiedTime", "2026-11-25T10:10:47+00:00"));

		zoho.answer(200, Map.of("Content-Type", "application/json;charset=utf-8"), """
				{"data": [{"code": "SUCCESS", "details": {"Modified_Time": "2026-11-25T10:12:03+00:00",
				  "Modified_By": {"name": "Patricia Boyle", "id": "5725767000000411001"},
				  "Created_Time": "2026-11-25T10:10:47+00:00", "id": "5725767000000524157",
				  "Created_By": {"name": "Patricia Boyle", "id": "5725767000000411001"}},
				  "message": "record updated", "status": "success"}]}
				""");
		deploy("acme",
				ZeebeProcesses.step("zoho-update", ZohoCrmConnector.TYPE, "update-record",
						Map.of("connection", "\"crm\"", "module", "\"Leads\"", "recordId", "\"5725767000000524157\"",
								"fields", "{Lead_Status: \"Contacted\"}")));

		Map<String, Object> updated = ZeebeProcesses.run(this.client, "zoho-update", Map.of());

		Recorded update = zoho.take(Duration.ofSeconds(5));
		assertThat(update.method()).isEqualTo("PUT");
		assertThat(update.uri().toString()).isEqualTo("/crm/v8/Leads/5725767000000524157");
		assertThat(update.header("Authorization")).isEqualTo("Zoho-oauthtoken 1000.first");
		assertThat(JSON.readTree(update.body()))
			.isEqualTo(JSON.readTree("{\"data\": [{\"Lead_Status\": \"Contacted\"}]}"));
		assertThat(updated).containsEntry("result",
				Map.of("id", "5725767000000524157", "module", "Leads", "modifiedTime", "2026-11-25T10:12:03+00:00"));
		assertThat(accounts.received()).as("the token lasting an hour is reused, not refreshed").isZero();
	}

	@Test
	void updateRecordWhenTokenLapsesWithinFiveMinutesThenEveryStepRefreshesFirst() {
		connection("acme", "short-lived");
		accounts.answer(200, Map.of("Content-Type", "application/json"), token("1000.brief-1", 200))
			.answer(200, Map.of("Content-Type", "application/json"), token("1000.brief-2", 200));
		zoho.answer(200, Map.of("Content-Type", "application/json"), updated("5725767000000524157"))
			.answer(200, Map.of("Content-Type", "application/json"), updated("5725767000000524157"));
		deploy("acme",
				ZeebeProcesses.step("zoho-short", ZohoCrmConnector.TYPE, "update-record",
						Map.of("connection", "\"short-lived\"", "module", "\"Contacts\"", "recordId",
								"\"5725767000000524157\"", "fields", "{Phone: \"+1 555 0100\"}")));

		ZeebeProcesses.run(this.client, "zoho-short", Map.of());
		ZeebeProcesses.run(this.client, "zoho-short", Map.of());

		assertThat(accounts.take(Duration.ofSeconds(5)).uri().getPath()).isEqualTo("/oauth/v2/token");
		assertThat(zoho.take(Duration.ofSeconds(5)).header("Authorization")).isEqualTo("Zoho-oauthtoken 1000.brief-1");
		assertThat(accounts.take(Duration.ofSeconds(5)).uri().getPath()).isEqualTo("/oauth/v2/token");
		assertThat(zoho.take(Duration.ofSeconds(5)).header("Authorization")).isEqualTo("Zoho-oauthtoken 1000.brief-2");
	}

	@Test
	void createRecordWhenZohoRefusesTheRefreshTokenThenIncidentSaysReconnectAndNoApiCall() {
		UUID connection = connection("acme", "revoked");
		accounts.answer(200, Map.of("Content-Type", "application/json"), "{\"error\": \"invalid_code\"}");
		deploy("acme", ZeebeProcesses.step("zoho-revoked", ZohoCrmConnector.TYPE, "create-record",
				Map.of("connection", "\"revoked\"", "module", "\"Leads\"", "fields", "{Last_Name: \"Doe\"}")));

		long instance = ZeebeProcesses.start(this.client, "zoho-revoked");

		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(ZeebeProcesses.incidentMessages(this.engine, instance))
				.anySatisfy((message) -> assertThat(message).isEqualTo(
						"Zoho CRM refused the refresh token (invalid_code): " + "reconnect the connection 'revoked'")));
		assertThat(status(connection)).isEqualTo("NEEDS_RECONNECT");
		assertThat(accounts.received()).isEqualTo(1);
		assertThat(zoho.received()).as("no API call without a token").isZero();
	}

	@Test
	void createRecordWhenZohoRefusesTheRecordThenIncidentSaysWhyInPlainWords() {
		connection("acme", "strict");
		accounts.answer(200, Map.of("Content-Type", "application/json"), token("1000.strict", 3600));
		zoho.answer(400, Map.of("Content-Type", "application/json"),
				"""
						{"data": [{"code": "MANDATORY_NOT_FOUND", "details": {"api_name": "Last_Name", "json_path": "$.data[0].Last_Name"},
						  "message": "required field not found", "status": "error"}]}
						""")
			.answer(202, Map.of("Content-Type", "application/json"),
					"""
							{"data": [{"code": "DUPLICATE_DATA", "details": {"api_name": "Email", "json_path": "$.data[0].Email",
							  "id": "5725767000000524157", "duplicate_record": {"id": "5725767000000524157",
							  "Owner": {"name": "Patricia Boyle", "id": "5725767000000411001", "zuid": "75092197"}},
							  "more_records": false}, "message": "duplicate data", "status": "error"}]}
							""");
		deploy("acme", ZeebeProcesses.step("zoho-refused", ZohoCrmConnector.TYPE, "create-record",
				Map.of("connection", "\"strict\"", "module", "\"Leads\"", "fields", "{Email: \"jane@zylker.com\"}")));

		long missing = ZeebeProcesses.start(this.client, "zoho-refused");
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(ZeebeProcesses.incidentMessages(this.engine, missing))
				.contains("Zoho CRM refused the Leads record: the required field Last_Name is missing"));

		long duplicate = ZeebeProcesses.start(this.client, "zoho-refused");
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(ZeebeProcesses.incidentMessages(this.engine, duplicate))
				.contains("Zoho CRM refused the Leads record: a record with the same Email already exists "
						+ "(id 5725767000000524157)"));
	}

	@Test
	void updateRecordWhenZohoRejectsTheTokenThenConnectionNeedsAttentionAndTheNextStepRefreshes() {
		UUID connection = connection("acme", "expired");
		accounts.answer(200, Map.of("Content-Type", "application/json"), token("1000.revoked", 3600))
			.answer(200, Map.of("Content-Type", "application/json"), token("1000.renewed", 3600));
		zoho.answer(401, Map.of("Content-Type", "application/json"),
				"{\"code\": \"INVALID_TOKEN\", \"details\": {}, \"message\": \"invalid oauth token\", \"status\": \"error\"}")
			.answer(200, Map.of("Content-Type", "application/json"), updated("5725767000000524157"));
		deploy("acme",
				ZeebeProcesses.step("zoho-expired", ZohoCrmConnector.TYPE, "update-record",
						Map.of("connection", "\"expired\"", "module", "\"Deals\"", "recordId",
								"\"5725767000000524157\"", "fields", "{Stage: \"Closed Won\"}")));

		long rejected = ZeebeProcesses.start(this.client, "zoho-expired");

		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(ZeebeProcesses.incidentMessages(this.engine, rejected))
				.contains("Zoho CRM rejected the access token (401)"));
		assertThat(status(connection)).isEqualTo("NEEDS_ATTENTION");
		assertThat(zoho.take(Duration.ofSeconds(5)).header("Authorization")).isEqualTo("Zoho-oauthtoken 1000.revoked");

		ZeebeProcesses.run(this.client, "zoho-expired", Map.of());
		assertThat(accounts.take(Duration.ofSeconds(5)).uri().getPath()).isEqualTo("/oauth/v2/token");
		assertThat(accounts.take(Duration.ofSeconds(5)).uri().getPath()).as("the rejected token was dropped")
			.isEqualTo("/oauth/v2/token");
		assertThat(zoho.take(Duration.ofSeconds(5)).header("Authorization")).isEqualTo("Zoho-oauthtoken 1000.renewed");
	}

	@Test
	void updateRecordWhenRecordMissingOrZohoDownThenIncidentSaysWhatZohoAnswered() {
		connection("acme", "flaky");
		accounts.answer(200, Map.of("Content-Type", "application/json"), token("1000.flaky", 3600));
		zoho.answer(404, Map.of("Content-Type", "application/json"), """
				{"code": "INVALID_URL_PATTERN", "details": {},
				 "message": "Please check if the URL trying to access is a correct one", "status": "error"}
				""");
		deploy("acme",
				ZeebeProcesses.step("zoho-missing", ZohoCrmConnector.TYPE, "update-record",
						Map.of("connection", "\"flaky\"", "module", "\"Leads\"", "recordId", "\"404404404\"", "fields",
								"{Lead_Status: \"Lost Lead\"}")));
		long missing = ZeebeProcesses.start(this.client, "zoho-missing");
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(ZeebeProcesses.incidentMessages(this.engine, missing))
				.contains("Zoho CRM has no Leads record 404404404 (404)"));

		zoho.answer(503, Map.of(), "").answer(503, Map.of(), "").answer(503, Map.of(), "");
		long down = ZeebeProcesses.start(this.client, "zoho-missing");
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(ZeebeProcesses.incidentMessages(this.engine, down))
				.contains("Zoho CRM answered 503 (still after retries)"));
		assertThat(zoho.received()).isEqualTo(4);
	}

	@Test
	void createRecordWhenInputIncompleteThenIncidentAndNoCall() {
		connection("acme", "careful");
		deploy("acme", ZeebeProcesses.step("zoho-incomplete", ZohoCrmConnector.TYPE, "create-record",
				Map.of("connection", "\"careful\"", "module", "\"Leads\"")));
		deploy("acme", ZeebeProcesses.step("zoho-bad-module", ZohoCrmConnector.TYPE, "create-record",
				Map.of("connection", "\"careful\"", "module", "\"Invoices\"", "fields", "{Subject: \"x\"}")));

		long incomplete = ZeebeProcesses.start(this.client, "zoho-incomplete");
		long badModule = ZeebeProcesses.start(this.client, "zoho-bad-module");

		ZeebeProcesses.awaitIncident(this.engine, incomplete, "fields");
		ZeebeProcesses.awaitIncident(this.engine, badModule, "module");
		assertThat(accounts.received()).isZero();
		assertThat(zoho.received()).isZero();
	}

	@Test
	void testConnectionWhenTokenAcceptedOrRejectedThenSaysSoInPlainWords() {
		UUID connection = connection("acme", "checked");
		accounts.answer(200, Map.of("Content-Type", "application/json"), token("1000.check", 3600));
		zoho.answer(200, Map.of("Content-Type", "application/json"),
				"""
						{"users": [{"id": "5725767000000411001", "full_name": "Patricia Boyle", "email": "patricia.boyle@zylker.com",
						  "status": "active", "confirm": true, "role": {"name": "CEO", "id": "5725767000000026005"},
						  "profile": {"name": "Administrator", "id": "5725767000000026011"}}],
						 "info": {"per_page": 200, "count": 1, "page": 1, "more_records": false}}
						""")
			.answer(401, Map.of("Content-Type", "application/json"), """
					{"code": "OAUTH_SCOPE_MISMATCH", "message": "Unauthorized", "status": "error", "details": {}}
					""");
		deploy("acme", ZeebeProcesses.step("zoho-test", ZohoCrmConnector.TYPE, "test-connection",
				Map.of("connectionId", "\"" + connection + "\"")));

		Map<String, Object> accepted = ZeebeProcesses.run(this.client, "zoho-test", Map.of());
		Recorded request = zoho.take(Duration.ofSeconds(5));
		assertThat(request.method()).isEqualTo("GET");
		assertThat(request.uri().toString()).isEqualTo("/crm/v8/users?type=CurrentUser");
		assertThat(request.header("Authorization")).isEqualTo("Zoho-oauthtoken 1000.check");
		assertThat(accepted).containsEntry("result", Map.of("ok", true, "checked", true, "message",
				"Signed in as Patricia Boyle (patricia.boyle@zylker.com)"));

		Map<String, Object> rejected = ZeebeProcesses.run(this.client, "zoho-test", Map.of());
		assertThat(rejected).containsEntry("result",
				Map.of("ok", false, "checked", true, "message", "Zoho CRM rejected the access token (401)"));
	}

	@Test
	void syncWhenZohoPagesAndThrottlesThenStoresAllThenReadsOnlyChanges() throws Exception {
		UUID connection = connection("acme", "synced");
		accounts.answer(200, Map.of("Content-Type", "application/json"), token("1000.sync", 3600));
		zoho.answer(200, Map.of("Content-Type", "application/json"), contacts(1, 2, true, null))
			.answer(429, Map.of("Retry-After", "1", "Content-Type", "application/json"), """
					{"code": "TOO_MANY_REQUESTS", "details": {}, "message": "Too many requests", "status": "error"}
					""")
			.answer(200, Map.of("Content-Type", "application/json"), contacts(3, 4, true, "c8582e9e7c7a"))
			.answer(200, Map.of("Content-Type", "application/json"), contacts(5, 5, false, null));
		deploy("acme", ZeebeProcesses.step("zoho-sync", ZohoCrmConnector.TYPE, "sync",
				Map.of("connectionId", "\"" + connection + "\"", "resource", "\"contacts\"")));

		Map<String, Object> first = ZeebeProcesses.run(this.client, "zoho-sync", Map.of());

		assertThat(first).containsEntry("result",
				Map.of("resource", "contacts", "fetched", 5, "created", 5, "updated", 0, "removed", 0));
		String fields = "fields=First_Name%2CLast_Name%2CFull_Name%2CEmail%2CAccount_Name%2CModified_Time";
		Recorded page1 = zoho.take(Duration.ofSeconds(5));
		assertThat(page1.uri().toString())
			.isEqualTo("/crm/v8/Contacts?" + fields + "&per_page=200&sort_by=id&sort_order=asc&page=1");
		assertThat(page1.header("Authorization")).isEqualTo("Zoho-oauthtoken 1000.sync");
		assertThat(page1.header("If-Modified-Since")).isNull();
		assertThat(zoho.take(Duration.ofSeconds(5)).uri().getRawQuery()).endsWith("&page=2");
		assertThat(zoho.take(Duration.ofSeconds(5)).uri().getRawQuery()).endsWith("&page=2");
		assertThat(zoho.take(Duration.ofSeconds(5)).uri().toString()).isEqualTo(
				"/crm/v8/Contacts?" + fields + "&per_page=200&sort_by=id&sort_order=asc&page_token=c8582e9e7c7a");
		List<Map<String, Object>> stored = TenantContext.call("acme", () -> this.jdbc.sql("""
				select external_id, title, status, modified_at, data::text as data from synced_record
				where connection_id = :c and resource = 'contacts' order by external_id
				""").param("c", connection).query().listOfRows());
		assertThat(stored).extracting((row) -> row.get("title"))
			.containsExactly("Contact 1", "Contact 2", "Contact 3", "Contact 4", "Contact 5");
		assertThat(JSON.readTree((String) stored.get(0).get("data"))).isEqualTo(JSON.readTree("""
				{"email": "contact1@zylker.com", "firstName": "First1", "lastName": "Last1", "company": "Zylker Corp"}
				"""));
		assertThat(stored.get(0).get("external_id")).isEqualTo("4150868000000002171");

		zoho.answer(200, Map.of("Content-Type", "application/json"), contacts(2, 2, false, null));
		Map<String, Object> changes = ZeebeProcesses.run(this.client, "zoho-sync", Map.of());
		Recorded changed = zoho.take(Duration.ofSeconds(5));
		assertThat(changed.header("If-Modified-Since")).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+00:00");
		assertThat(changes).containsEntry("result",
				Map.of("resource", "contacts", "fetched", 1, "created", 0, "updated", 1, "removed", 0));

		zoho.answer(304, Map.of(), "");
		Map<String, Object> none = ZeebeProcesses.run(this.client, "zoho-sync", Map.of());
		assertThat(zoho.take(Duration.ofSeconds(5)).header("If-Modified-Since")).isNotNull();
		assertThat(none).containsEntry("result",
				Map.of("resource", "contacts", "fetched", 0, "created", 0, "updated", 0, "removed", 0));
		assertThat(accounts.received()).as("one token served every page and sync").isEqualTo(1);
	}

	private static String contacts(int from, int to, boolean more, String nextPageToken) {
		StringBuilder json = new StringBuilder("{\"data\": [");
		for (int n = from; n <= to; n++) {
			json.append((n > from) ? "," : "")
				.append("{\"id\": \"415086800000000217")
				.append(n)
				.append("\", \"Owner\": {\"name\": \"Patricia Boyle\", \"id\": \"4150868000000225013\"}")
				.append(", \"First_Name\": \"First")
				.append(n)
				.append("\", \"Last_Name\": \"Last")
				.append(n)
				.append("\", \"Full_Name\": \"Contact ")
				.append(n)
				.append("\", \"Email\": \"contact")
				.append(n)
				.append("@zylker.com\", \"Account_Name\": {\"name\": \"Zylker Corp\", \"id\": \"4150868000000224005\"}")
				.append(", \"Modified_Time\": \"2026-11-2")
				.append(n)
				.append("T14:20:00+05:30\"}");
		}
		return json.append("], \"info\": {\"per_page\": 200, \"count\": ")
			.append(to - from + 1)
			.append(", \"sort_by\": \"id\", \"sort_order\": \"asc\", \"call\": false, \"email\": false, \"more_records\": ")
			.append(more)
			.append(", \"next_page_token\": ")
			.append((nextPageToken != null) ? "\"" + nextPageToken + "\"" : "null")
			.append(", \"previous_page_token\": null, \"page_token_expiry\": ")
			.append((nextPageToken != null) ? "\"2026-11-26T15:08:14+05:30\"" : "null")
			.append(", \"page\": 1}}")
			.toString();
	}

	private static String token(String accessToken, int expiresIn) {
		return "{\"access_token\": \"" + accessToken + "\", \"scope\": \"ZohoCRM.modules.ALL ZohoCRM.settings.READ "
				+ "ZohoCRM.users.READ\", \"api_domain\": \"https://www.zohoapis.eu\", \"token_type\": \"Bearer\", "
				+ "\"expires_in\": " + expiresIn + "}";
	}

	private static String updated(String id) {
		return "{\"data\": [{\"code\": \"SUCCESS\", \"details\": {\"Modified_Time\": \"2026-11-25T10:12:03+00:00\", "
				+ "\"Modified_By\": {\"name\": \"Patricia Boyle\", \"id\": \"5725767000000411001\"}, "
				+ "\"Created_Time\": \"2026-11-25T10:10:47+00:00\", \"id\": \"" + id + "\", "
				+ "\"Created_By\": {\"name\": \"Patricia Boyle\", \"id\": \"5725767000000411001\"}}, "
				+ "\"message\": \"record updated\", \"status\": \"success\"}]}";
	}

	private void deploy(String tenant, BpmnModelInstance model) {
		ZeebeProcesses.deployFor(new TenantId(tenant), model, this.client, this.registry);
	}

	private String status(UUID connection) {
		return ZeebeProcesses.connectionStatus(this.jdbc, "acme", connection);
	}

	private UUID connection(String tenant, String name) {
		return ZeebeProcesses.createConnection(this.jdbc, this.secrets, tenant, "zoho-crm", name,
				"{\"dataCentre\": \"EU (.eu)\", \"clientId\": \"" + CLIENT_ID + "\"}",
				Map.of("clientSecret", CLIENT_SECRET, "refreshToken", REFRESH_TOKEN));
	}

}
