package io.brain.workers.connector.hubspot;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
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
 * The HubSpot actions and syncs run on Zeebe against a local server that checks each
 * request exactly as HubSpot's CRM API v3 documents it (Bearer private app token, JSON
 * {@code properties} bodies, {@code PATCH} by id or by email with
 * {@code idProperty=email}, batch upsert, objects lists paged by
 * {@code paging.next.after}, the search API filtered and sorted on the last modification
 * date) and answers with its documented shapes, errors included ({@code status},
 * {@code message}, {@code category}).
 */
class HubSpotApiContractTests extends ConnectorTestContext {

	static final String TOKEN = "pat-na1-11111111-2222-3333-4444-555555555555";

	static final Map<String, String> JSON = Map.of("Content-Type", "application/json;charset=utf-8");

	static final ObjectMapper MAPPER = new ObjectMapper();

	static final RecordingHttpServer hubspot = RecordingHttpServer.start();

	@DynamicPropertySource
	static void endpoints(DynamicPropertyRegistry properties) {
		properties.add("brain.connectors.endpoints.hubspot", () -> hubspot.url(""));
	}

	@Test
	void createContactWhenTokenValidThenPostsThePropertiesAndReturnsTheContact() throws Exception {
		connection("acme", "crm");
		hubspot.answer(201, JSON, """
				{"id": "512", "properties": {"createdate": "2026-11-25T10:00:00.000Z", "email": "ana@example.com",
				 "firstname": "Ana", "lastname": "Lima", "company": "Acme", "hs_object_id": "512",
				 "lastmodifieddate": "2026-11-25T10:00:00.000Z"},
				 "createdAt": "2026-11-25T10:00:00.000Z", "updatedAt": "2026-11-25T10:00:00.000Z", "archived": false}
				""");
		deploy("acme", "hs-create", "create-contact",
				Map.of("connection", "\"crm\"", "email", "\"ana@example.com\"", "firstName", "\"Ana\"", "lastName",
						"\"Lima\"", "company", "\"Acme\"", "properties", "{\"lifecyclestage\": \"lead\"}"));

		Map<String, Object> variables = ZeebeProcesses.run(this.client, "hs-create", Map.of());

		Recorded request = hubspot.take(Duration.ofSeconds(5));
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.uri().toString()).isEqualTo("/crm/v3/objects/contacts");
		assertThat(request.header("Authorization")).isEqualTo("Bearer " + TOKEN);
		assertThat(request.header("Content-Type")).isEqualTo("application/json");
		assertThat(MAPPER.readTree(request.body())).isEqualTo(MAPPER.readTree("""
				{"properties": {"email": "ana@example.com", "firstname": "Ana", "lastname": "Lima",
				 "company": "Acme", "lifecyclestage": "lead"}}
				"""));
		assertThat(variables).containsEntry("result",
				Map.of("id", "512", "email", "ana@example.com", "firstName", "Ana", "lastName", "Lima", "company",
						"Acme", "created", true, "updatedAt", "2026-11-25T10:00:00.000Z"));
	}

	@Test
	void updateContactWhenNamedByIdOrByEmailThenPatchesAsDocumented() throws Exception {
		connection("acme", "crm-update");
		String answer = """
				{"id": "512", "properties": {"email": "ana@example.com", "firstname": "Ana", "lastname": "Souza",
				 "company": "Acme", "hs_object_id": "512"},
				 "createdAt": "2026-11-25T10:00:00.000Z", "updatedAt": "2026-11-26T09:30:00.000Z", "archived": false}
				""";
		hubspot.answer(200, JSON, answer).answer(200, JSON, answer);
		deploy("acme", "hs-update-id", "update-contact",
				Map.of("connection", "\"crm-update\"", "contactId", "\"512\"", "lastName", "\"Souza\""));
		deploy("acme", "hs-update-email", "update-contact",
				Map.of("connection", "\"crm-update\"", "email", "\"ana@example.com\"", "lastName", "\"Souza\""));

		Map<String, Object> byId = ZeebeProcesses.run(this.client, "hs-update-id", Map.of());
		Recorded first = hubspot.take(Duration.ofSeconds(5));
		assertThat(first.method()).isEqualTo("PATCH");
		assertThat(first.uri().toString()).isEqualTo("/crm/v3/objects/contacts/512");
		assertThat(first.header("Authorization")).isEqualTo("Bearer " + TOKEN);
		assertThat(MAPPER.readTree(first.body()))
			.isEqualTo(MAPPER.readTree("{\"properties\": {\"lastname\": \"Souza\"}}"));
		assertThat(byId).containsEntry("result", Map.of("id", "512", "email", "ana@example.com", "firstName", "Ana",
				"lastName", "Souza", "company", "Acme", "created", false, "updatedAt", "2026-11-26T09:30:00.000Z"));

		ZeebeProcesses.run(this.client, "hs-update-email", Map.of());
		Recorded second = hubspot.take(Duration.ofSeconds(5));
		assertThat(second.method()).isEqualTo("PATCH");
		assertThat(second.uri().toString()).isEqualTo("/crm/v3/objects/contacts/ana%40example.com?idProperty=email");
		assertThat(MAPPER.readTree(second.body()))
			.isEqualTo(MAPPER.readTree("{\"properties\": {\"lastname\": \"Souza\"}}"));
	}

	@Test
	void upsertContactWhenEmailGivenThenUpsertsByEmailAndSaysWhetherItIsNew() throws Exception {
		connection("acme", "crm-upsert");
		hubspot.answer(200, JSON, """
				{"status": "COMPLETE", "results": [{"id": "601", "properties": {"email": "bo@example.com",
				 "firstname": "Bo", "lastname": null, "company": null, "hs_object_id": "601"},
				 "createdAt": "2026-11-27T08:00:00.000Z", "updatedAt": "2026-11-27T08:00:00.000Z", "archived": false,
				 "new": true}], "startedAt": "2026-11-27T08:00:00.000Z", "completedAt": "2026-11-27T08:00:00.100Z"}
				""");
		deploy("acme", "hs-upsert", "upsert-contact",
				Map.of("connection", "\"crm-upsert\"", "email", "\"bo@example.com\"", "firstName", "\"Bo\""));

		Map<String, Object> variables = ZeebeProcesses.run(this.client, "hs-upsert", Map.of());

		Recorded request = hubspot.take(Duration.ofSeconds(5));
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.uri().toString()).isEqualTo("/crm/v3/objects/contacts/batch/upsert");
		assertThat(request.header("Authorization")).isEqualTo("Bearer " + TOKEN);
		assertThat(MAPPER.readTree(request.body())).isEqualTo(MAPPER.readTree("""
				{"inputs": [{"id": "bo@example.com", "idProperty": "email",
				 "properties": {"email": "bo@example.com", "firstname": "Bo"}}]}
				"""));
		@SuppressWarnings("unchecked")
		Map<String, Object> result = (Map<String, Object>) variables.get("result");
		assertThat(result).containsEntry("id", "601")
			.containsEntry("email", "bo@example.com")
			.containsEntry("firstName", "Bo")
			.containsEntry("created", true)
			.containsEntry("lastName", null);
	}

	@Test
	void testConnectionWhenTokenAcceptedOrRejectedThenSaysSoInPlainWords() {
		UUID connection = connection("acme", "checked");
		hubspot.answer(200, JSON, """
				{"results": [{"id": "1", "properties": {"email": "ana@example.com", "hs_object_id": "1"},
				 "createdAt": "2026-01-01T00:00:00.000Z", "updatedAt": "2026-01-02T00:00:00.000Z", "archived": false}],
				 "paging": {"next": {"after": "2", "link": "https://api.hubapi.com/crm/v3/objects/contacts?after=2"}}}
				""").answer(401, JSON, """
				{"status": "error", "message": "Authentication credentials not found.",
				 "correlationId": "3a7a2d1c-0000-4000-8000-000000000001", "category": "INVALID_AUTHENTICATION"}
				""");
		deploy("acme", "hs-test-connection", "test-connection", Map.of("connectionId", "connectionId"));

		Map<String, Object> accepted = ZeebeProcesses.run(this.client, "hs-test-connection",
				Map.of("connectionId", connection.toString()));
		Recorded request = hubspot.take(Duration.ofSeconds(5));
		assertThat(request.method()).isEqualTo("GET");
		assertThat(request.uri().toString()).isEqualTo("/crm/v3/objects/contacts?limit=1");
		assertThat(request.header("Authorization")).isEqualTo("Bearer " + TOKEN);
		assertThat(accepted).containsEntry("result", Map.of("ok", true, "checked", true, "message",
				"HubSpot accepted the access token and can read contacts"));

		Map<String, Object> rejected = ZeebeProcesses.run(this.client, "hs-test-connection",
				Map.of("connectionId", connection.toString()));
		assertThat(rejected).containsEntry("result",
				Map.of("ok", false, "checked", true, "message", "HubSpot rejected the private app access token (401)"));
	}

	@Test
	void syncWhenHubSpotPagesAndThrottlesThenStoresAllThenSearchesChangesAndReadsAllBeyondTheSearchLimit()
			throws Exception {
		UUID connection = connection("acme", "synced");
		hubspot.answer(200, JSON, contacts(1, 2, "2"))
			.answer(429, Map.of("Retry-After", "1", "Content-Type", "application/json"), """
					{"status": "error", "message": "You have reached your secondly limit.", "errorType": "RATE_LIMIT",
					 "correlationId": "3a7a2d1c-0000-4000-8000-000000000002", "policyName": "SECONDLY"}
					""")
			.answer(200, JSON, contacts(3, 4, "4"))
			.answer(200, JSON, contacts(5, 5, null));
		deploy("acme", "hs-sync", "sync",
				Map.of("connectionId", "connectionId", "resource", "\"contacts\"", "full", "full"));

		Map<String, Object> first = ZeebeProcesses.run(this.client, "hs-sync",
				Map.of("connectionId", connection.toString()));

		assertThat(first).containsEntry("result",
				Map.of("resource", "contacts", "fetched", 5, "created", 5, "updated", 0, "removed", 0));
		Recorded page1 = hubspot.take(Duration.ofSeconds(5));
		assertThat(page1.method()).isEqualTo("GET");
		assertThat(page1.header("Authorization")).isEqualTo("Bearer " + TOKEN);
		assertThat(page1.uri().toString()).isEqualTo(
				"/crm/v3/objects/contacts?limit=100&properties=email%2Cfirstname%2Clastname%2Ccompany%2Clifecyclestage&archived=false");
		assertThat(hubspot.take(Duration.ofSeconds(5)).uri().getQuery()).endsWith("&after=2");
		assertThat(hubspot.take(Duration.ofSeconds(5)).uri().getQuery()).endsWith("&after=2");
		assertThat(hubspot.take(Duration.ofSeconds(5)).uri().getQuery()).endsWith("&after=4");
		assertThat(titles(connection)).containsExactly("Contact1 Person", "Contact2 Person", "Contact3 Person",
				"Contact4 Person", "Contact5 Person");
		assertThat(MAPPER.readTree(TenantContext.call("acme",
				() -> this.jdbc
					.sql("select data::text from synced_record where connection_id = :c and external_id = '3'")
					.param("c", connection)
					.query(String.class)
					.single())))
			.isEqualTo(MAPPER.readTree(
					"{\"email\": \"contact3@example.com\", \"firstName\": \"Contact3\", \"lastName\": \"Person\", \"company\": \"Company 3\"}"));

		Instant beforeChanges = Instant.now();
		hubspot.answer(200, JSON, search(3, contacts(2, 3, "2"))).answer(200, JSON, search(3, contacts(6, 6, null)));
		Map<String, Object> changes = ZeebeProcesses.run(this.client, "hs-sync",
				Map.of("connectionId", connection.toString()));
		Recorded search1 = hubspot.take(Duration.ofSeconds(5));
		assertThat(search1.method()).isEqualTo("POST");
		assertThat(search1.uri().toString()).isEqualTo("/crm/v3/objects/contacts/search");
		assertThat(search1.header("Authorization")).isEqualTo("Bearer " + TOKEN);
		JsonNode body = MAPPER.readTree(search1.body());
		long since = body.path("filterGroups").path(0).path("filters").path(0).path("value").asLong();
		assertThat(Instant.ofEpochMilli(since)).isBefore(beforeChanges.minus(Duration.ofMinutes(1)))
			.isAfter(beforeChanges.minus(Duration.ofMinutes(5)));
		assertThat(body).isEqualTo(MAPPER.readTree(
				"""
						{"filterGroups": [{"filters": [{"propertyName": "lastmodifieddate", "operator": "GTE", "value": "%d"}]}],
						 "sorts": [{"propertyName": "lastmodifieddate", "direction": "ASCENDING"}],
						 "properties": ["email", "firstname", "lastname", "company", "lifecyclestage"], "limit": 100}
						"""
					.formatted(since)));
		JsonNode search2 = MAPPER.readTree(hubspot.take(Duration.ofSeconds(5)).body());
		assertThat(search2.path("after").asText()).isEqualTo("2");
		assertThat(search2.path("filterGroups")).isEqualTo(body.path("filterGroups"));
		assertThat(changes).containsEntry("result",
				Map.of("resource", "contacts", "fetched", 3, "created", 1, "updated", 2, "removed", 0));

		hubspot.answer(200, JSON, search(12_500, contacts(1, 1, "1"))).answer(200, JSON, contacts(1, 2, null));
		Map<String, Object> beyondSearch = ZeebeProcesses.run(this.client, "hs-sync",
				Map.of("connectionId", connection.toString()));
		assertThat(hubspot.take(Duration.ofSeconds(5)).uri().getPath()).isEqualTo("/crm/v3/objects/contacts/search");
		Recorded list = hubspot.take(Duration.ofSeconds(5));
		assertThat(list.method()).isEqualTo("GET");
		assertThat(list.uri().getPath()).isEqualTo("/crm/v3/objects/contacts");
		assertThat(beyondSearch).containsEntry("result",
				Map.of("resource", "contacts", "fetched", 2, "created", 0, "updated", 2, "removed", 4));
		assertThat(titles(connection)).containsExactly("Contact1 Person", "Contact2 Person");
		assertThat(TenantContext.call("globex",
				() -> this.jdbc.sql("select count(*) from synced_record").query(Long.class).single()))
			.isZero();
	}

	@Test
	void syncWhenDealsAskedThenSearchesOnHubSpotsModificationDateOfDeals() throws Exception {
		UUID connection = connection("acme", "deals");
		hubspot.answer(200, JSON, """
				{"results": [{"id": "9001", "properties": {"dealname": "Acme renewal", "amount": "1200.50",
				 "dealstage": "contractsent", "pipeline": "default", "closedate": "2026-12-31T00:00:00Z",
				 "hs_lastmodifieddate": "2026-11-20T10:00:00Z", "hs_object_id": "9001"},
				 "createdAt": "2026-10-01T10:00:00Z", "updatedAt": "2026-11-20T10:00:00Z", "archived": false}]}
				""");
		deploy("acme", "hs-sync-deals", "sync", Map.of("connectionId", "connectionId", "resource", "\"deals\""));

		Map<String, Object> first = ZeebeProcesses.run(this.client, "hs-sync-deals",
				Map.of("connectionId", connection.toString()));

		assertThat(hubspot.take(Duration.ofSeconds(5)).uri().getQuery())
			.isEqualTo("limit=100&properties=dealname,amount,dealstage,pipeline,closedate&archived=false");
		assertThat(first).containsEntry("result",
				Map.of("resource", "deals", "fetched", 1, "created", 1, "updated", 0, "removed", 0));
		assertThat(TenantContext.call("acme",
				() -> this.jdbc.sql("select title || '|' || status from synced_record where connection_id = :c")
					.param("c", connection)
					.query(String.class)
					.single()))
			.isEqualTo("Acme renewal|contractsent");

		hubspot.answer(200, JSON, "{\"total\": 0, \"results\": []}");
		ZeebeProcesses.run(this.client, "hs-sync-deals", Map.of("connectionId", connection.toString()));
		JsonNode search = MAPPER.readTree(hubspot.take(Duration.ofSeconds(5)).body());
		assertThat(search.path("filterGroups").path(0).path("filters").path(0).path("propertyName").asText())
			.isEqualTo("hs_lastmodifieddate");
		assertThat(search.path("sorts").path(0).path("propertyName").asText()).isEqualTo("hs_lastmodifieddate");
	}

	@Test
	void createContactWhenTokenRejectedThenIncidentInPlainWordsAndConnectionNeedsAttention() {
		UUID connection = connection("acme", "stale");
		hubspot.answer(401, JSON,
				"""
						{"status": "error", "message": "Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview",
						 "correlationId": "3a7a2d1c-0000-4000-8000-000000000003", "category": "INVALID_AUTHENTICATION"}
						""");
		deploy("acme", "hs-rejected", "create-contact",
				Map.of("connection", "\"stale\"", "email", "\"ana@example.com\""));

		long instance = ZeebeProcesses.start(this.client, "hs-rejected");

		ZeebeProcesses.awaitIncident(this.engine, instance, "HubSpot rejected the private app access token (401)");
		assertThat(ZeebeProcesses.connectionStatus(this.jdbc, "acme", connection)).isEqualTo("NEEDS_ATTENTION");
	}

	@Test
	void updateContactWhenContactMissingOrHubSpotDownThenIncidentSaysWhatHubSpotSaid() {
		connection("acme", "flaky");
		hubspot.answer(404, JSON,
				"""
						{"status": "error", "message": "resource not found", "correlationId": "3a7a2d1c-0000-4000-8000-000000000004",
						 "category": "OBJECT_NOT_FOUND"}
						""");
		deploy("acme", "hs-missing", "update-contact",
				Map.of("connection", "\"flaky\"", "contactId", "\"404404\"", "firstName", "\"Ana\""));
		long missing = ZeebeProcesses.start(this.client, "hs-missing");
		ZeebeProcesses.awaitIncident(this.engine, missing, "HubSpot has no contact 404404 (404)");

		hubspot.answer(503, Map.of(), "").answer(503, Map.of(), "").answer(503, Map.of(), "");
		deploy("acme", "hs-down", "create-contact", Map.of("connection", "\"flaky\"", "email", "\"ana@example.com\""));
		long down = ZeebeProcesses.start(this.client, "hs-down");
		ZeebeProcesses.awaitIncident(this.engine, down, "HubSpot answered 503 (still after retries)");
	}

	@Test
	void actionsWhenRequiredInputMissingThenIncidentAndNoCall() {
		connection("acme", "strict");
		deploy("acme", "hs-no-email", "create-contact", Map.of("connection", "\"strict\"", "firstName", "\"Ana\""));
		deploy("acme", "hs-no-target", "update-contact", Map.of("connection", "\"strict\"", "firstName", "\"Ana\""));

		long noEmail = ZeebeProcesses.start(this.client, "hs-no-email");
		long noTarget = ZeebeProcesses.start(this.client, "hs-no-target");

		ZeebeProcesses.awaitIncident(this.engine, noEmail, "email");
		ZeebeProcesses.awaitIncident(this.engine, noTarget, "contactId or email is required");
		assertThat(hubspot.received()).isZero();
	}

	private List<String> titles(UUID connection) {
		return TenantContext.call("acme",
				() -> this.jdbc.sql("select title from synced_record where connection_id = :c order by external_id")
					.param("c", connection)
					.query(String.class)
					.list());
	}

	/** A page of the contacts list as HubSpot answers it. */
	private static String contacts(int from, int to, String after) {
		StringBuilder json = new StringBuilder("{\"results\": [");
		for (int id = from; id <= to; id++) {
			json.append((id > from) ? "," : "")
				.append("""
						{"id": "%d", "properties": {"company": "Company %d", "createdate": "2026-10-0%dT10:00:00.000Z",
						 "email": "contact%d@example.com", "firstname": "Contact%d", "hs_object_id": "%d",
						 "lastmodifieddate": "2026-11-2%dT10:00:00.000Z", "lastname": "Person", "lifecyclestage": "lead"},
						 "createdAt": "2026-10-0%dT10:00:00.000Z", "updatedAt": "2026-11-2%dT10:00:00.000Z", "archived": false}
						"""
					.formatted(id, id, id, id, id, id, id, id, id));
		}
		json.append("]");
		if (after != null) {
			json.append(", \"paging\": {\"next\": {\"after\": \"")
				.append(after)
				.append("\", \"link\": \"https://api.hubapi.com/crm/v3/objects/contacts?after=")
				.append(after)
				.append("\"}}");
		}
		return json.append("}").toString();
	}

	/** A page of search results: a page of the list with the total of the query. */
	private static String search(int total, String page) {
		return "{\"total\": " + total + ", " + page.substring(1);
	}

	private void deploy(String tenant, String processId, String operation, Map<String, String> inputs) {
		ZeebeProcesses.deployFor(new TenantId(tenant),
				ZeebeProcesses.step(processId, HubSpotConnector.TYPE, operation, inputs), this.client, this.registry);
	}

	private UUID connection(String tenant, String name) {
		return ZeebeProcesses.createConnection(this.jdbc, this.secrets, tenant, "hubspot", name, "{}",
				Map.of("accessToken", TOKEN));
	}

}
