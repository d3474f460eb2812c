package io.brain.workers.connector.fluentcrm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
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
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The FluentCRM operations run on Zeebe against a local server that checks each request
 * exactly as FluentCRM's REST API documents it ({@code /wp-json/fluent-crm/v2}, a
 * WordPress application password as HTTP Basic credentials, JSON bodies, Laravel-style
 * pages {@code {"subscribers": {"current_page", "last_page", "data"}}}) and answers with
 * its documented shapes and errors.
 */
class FluentCrmApiContractTests extends ConnectorTestContext {

	static final String APPLICATION_PASSWORD = "AbCd eFgH iJkL mNoP qRsT uVwX";

	static final String BASIC = "Basic "
			+ Base64.getEncoder().encodeToString(("crm-api:" + APPLICATION_PASSWORD).getBytes(StandardCharsets.UTF_8));

	static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

	static final ObjectMapper MAPPER = new ObjectMapper();

	static final RecordingHttpServer crm = RecordingHttpServer.start();

	static final TenantId ACME = new TenantId("acme");

	@Test
	void createContactWhenValidThenPostsTheContactAsDocumentedAndReturnsIt() throws Exception {
		connection("crm");
		crm.answer(200, JSON, resource("fluentcrm/contact-created.json"));
		deploy("fcrm-create", "create-contact",
				Map.of("connection", "\"crm\"", "email", "\"ada@example.com\"", "firstName", "\"Ada\"", "lastName",
						"\"Lovelace\"", "phone", "\"+44 20 7946 0000\"", "status", "\"subscribed\"", "listIds", "[1]",
						"tagIds", "[2]", "updateIfExists", "true"));

		Map<String, Object> variables = ZeebeProcesses.run(this.client, "fcrm-create", Map.of());

		Recorded request = crm.take(Duration.ofSeconds(5));
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.uri().toString()).isEqualTo("/wp-json/fluent-crm/v2/subscribers");
		assertThat(request.header("Authorization")).isEqualTo(BASIC);
		assertThat(request.header("Content-Type")).isEqualTo("application/json");
		assertThat(MAPPER.readTree(request.body())).isEqualTo(MAPPER.readTree("""
				{"email": "ada@example.com", "first_name": "Ada", "last_name": "Lovelace",
				 "phone": "+44 20 7946 0000", "status": "subscribed", "lists": [1], "tags": [2],
				 "__force_update": "yes"}
				"""));
		assertThat(variables).containsEntry("result",
				Map.of("id", 42, "email", "ada@example.com", "firstName", "Ada", "lastName", "Lovelace", "status",
						"subscribed", "tags", List.of("newsletter-subscriber"), "action", "created"));
	}

	@Test
	void updateContactWhenFieldsGivenThenPutsOnlyThoseInsideSubscriber() throws Exception {
		connection("crm-update");
		crm.answer(200, JSON, """
				{"message": "Subscriber successfully updated",
				 "contact": {"id": 42, "email": "ada@example.com", "first_name": "Augusta Ada", "last_name": "Lovelace",
				             "status": "unsubscribed", "updated_at": "2026-11-25 11:00:00"},
				 "isDirty": true}
				""");
		deploy("fcrm-update", "update-contact", Map.of("connection", "\"crm-update\"", "contactId", "42", "firstName",
				"\"Augusta Ada\"", "status", "\"unsubscribed\""));

		Map<String, Object> variables = ZeebeProcesses.run(this.client, "fcrm-update", Map.of());

		Recorded request = crm.take(Duration.ofSeconds(5));
		assertThat(request.method()).isEqualTo("PUT");
		assertThat(request.uri().toString()).isEqualTo("/wp-json/fluent-crm/v2/subscribers/42");
		assertThat(request.header("Authorization")).isEqualTo(BASIC);
		assertThat(MAPPER.readTree(request.body())).isEqualTo(
				MAPPER.readTree("{\"subscriber\": {\"first_name\": \"Augusta Ada\", \"status\": \"unsubscribed\"}}"));
		Map<String, Object> result = new HashMap<>(Map.of("id", 42, "email", "ada@example.com", "firstName",
				"Augusta Ada", "lastName", "Lovelace", "status", "unsubscribed", "action", "updated"));
		result.put("tags", null);
		assertThat(variables).containsEntry("result", result);
	}

	@Test
	void addTagWhenSlugsGivenThenSyncsSegmentsAsDocumentedAndReturnsTheTags() throws Exception {
		connection("crm-tags");
		crm.answer(200, JSON, resource("fluentcrm/contacts-tagged.json"));
		deploy("fcrm-tag", "add-tag",
				Map.of("connection", "\"crm-tags\"", "contactId", "42", "tags", "[\"vip-customer\"]"));

		Map<String, Object> variables = ZeebeProcesses.run(this.client, "fcrm-tag", Map.of());

		Recorded request = crm.take(Duration.ofSeconds(5));
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.uri().toString()).isEqualTo("/wp-json/fluent-crm/v2/subscribers/sync-segments");
		assertThat(request.header("Authorization")).isEqualTo(BASIC);
		assertThat(MAPPER.readTree(request.body()))
			.isEqualTo(MAPPER.readTree("{\"type\": \"tags\", \"subscribers\": [42], \"attach\": [\"vip-customer\"]}"));
		assertThat(variables).containsEntry("result",
				Map.of("id", 42, "email", "ada@example.com", "firstName", "Ada", "lastName", "Lovelace", "status",
						"subscribed", "tags", List.of("vip-customer", "newsletter-subscriber"), "action", "updated"));
	}

	@Test
	void actionsWhenInputInvalidThenIncidentAndNoCall() {
		connection("strict");
		deploy("fcrm-bad-email", "create-contact",
				Map.of("connection", "\"strict\"", "email", "\"not-an-email\"", "status", "\"subscribed\""));
		deploy("fcrm-no-tags", "add-tag", Map.of("connection", "\"strict\"", "contactId", "42", "tags", "[]"));
		deploy("fcrm-nothing", "update-contact", Map.of("connection", "\"strict\"", "contactId", "42"));

		long badEmail = ZeebeProcesses.start(this.client, "fcrm-bad-email");
		long noTags = ZeebeProcesses.start(this.client, "fcrm-no-tags");
		long nothing = ZeebeProcesses.start(this.client, "fcrm-nothing");

		ZeebeProcesses.awaitIncident(this.engine, badEmail, "Property: email: Validation failed");
		ZeebeProcesses.awaitIncident(this.engine, noTags, "Property: tags: Validation failed");
		ZeebeProcesses.awaitIncident(this.engine, nothing, "Give at least one field to change");
		assertThat(crm.received()).isZero();
	}

	@Test
	void createContactWhenPasswordRejectedThenIncidentInPlainWordsAndConnectionNeedsAttention() {
		UUID connection = connection("revoked");
		crm.answer(401, JSON,
				"{\"code\": \"incorrect_password\", \"message\": \"The provided password is an invalid application password.\", \"data\": {\"status\": 401}}");
		deploy("fcrm-rejected", "create-contact",
				Map.of("connection", "\"revoked\"", "email", "\"ada@example.com\"", "status", "\"subscribed\""));

		long instance = ZeebeProcesses.start(this.client, "fcrm-rejected");

		ZeebeProcesses.awaitIncident(this.engine, instance, "FluentCRM rejected the application password (401)");
		assertThat(ZeebeProcesses.connectionStatus(this.jdbc, "acme", connection)).isEqualTo("NEEDS_ATTENTION");
	}

	@Test
	void updateContactWhenContactMissingOrSiteDownThenIncidentSaysWhatFluentCrmAnswered() {
		connection("flaky");
		crm.answer(404, JSON,
				"{\"code\": \"fluent_crm_not_found\", \"message\": \"Subscriber not found\", \"data\": {\"status\": 404}}");
		deploy("fcrm-missing", "update-contact",
				Map.of("connection", "\"flaky\"", "contactId", "4040", "lastName", "\"Byron\""));
		long missing = ZeebeProcesses.start(this.client, "fcrm-missing");
		ZeebeProcesses.awaitIncident(this.engine, missing, "FluentCRM has no contact 4040 (404)");

		crm.answer(503, Map.of(), "").answer(503, Map.of(), "").answer(503, Map.of(), "");
		deploy("fcrm-down", "add-tag", Map.of("connection", "\"flaky\"", "contactId", "42", "tags", "[\"vip\"]"));
		long down = ZeebeProcesses.start(this.client, "fcrm-down");
		ZeebeProcesses.awaitIncident(this.engine, down, "FluentCRM answered 503 (still after retries)");
	}

	@Test
	void testConnectionWhenPasswordAcceptedOrRejectedThenSaysSoInPlainWords() {
		UUID connection = connection("checked");
		crm.answer(200, JSON, contactsPage(1, 1, 1, 9860, 1))
			.answer(401, JSON,
					"{\"code\": \"incorrect_password\", \"message\": \"The provided password is an invalid application password.\", \"data\": {\"status\": 401}}");
		deploy("fcrm-test-connection", "test-connection", Map.of("connectionId", "connectionId"));

		Map<String, Object> accepted = ZeebeProcesses.run(this.client, "fcrm-test-connection",
				Map.of("connectionId", connection.toString()));
		Recorded request = crm.take(Duration.ofSeconds(5));
		assertThat(request.method()).isEqualTo("GET");
		assertThat(request.uri().toString()).isEqualTo("/wp-json/fluent-crm/v2/subscribers?per_page=1");
		assertThat(request.header("Authorization")).isEqualTo(BASIC);
		assertThat(accepted).containsEntry("result",
				Map.of("ok", true, "checked", true, "message", "Connected to FluentCRM (9860 contacts)"));

		Map<String, Object> rejected = ZeebeProcesses.run(this.client, "fcrm-test-connection",
				Map.of("connectionId", connection.toString()));
		assertThat(rejected).containsEntry("result",
				Map.of("ok", false, "checked", true, "message", "FluentCRM rejected the application password (401)"));
	}

	@Test
	void syncContactsWhenFluentCrmPagesAndThrottlesThenStoresEveryContactNormalizedInTheSiteTimeZone() {
		UUID connection = connection("synced");
		crm.answer(200, JSON, "{\"timezone_string\": \"Europe/Berlin\", \"gmt_offset\": 1}")
			.answer(200, JSON, contactsPage(1, 2, 1, 5, 3))
			.answer(429, Map.of("Retry-After", "1"), "")
			.answer(200, JSON, contactsPage(3, 4, 2, 5, 3))
			.answer(200, JSON, contactsPage(5, 5, 3, 5, 3));
		deploy("fcrm-sync", "sync", Map.of("connectionId", "connectionId", "resource", "resource"));

		Map<String, Object> first = ZeebeProcesses.run(this.client, "fcrm-sync",
				Map.of("connectionId", connection.toString(), "resource", "contacts"));

		assertThat(first).containsEntry("result",
				Map.of("resource", "contacts", "fetched", 5, "created", 5, "updated", 0, "removed", 0));
		Recorded index = crm.take(Duration.ofSeconds(5));
		assertThat(index.uri().getPath()).isEqualTo("/wp-json/");
		assertThat(index.uri().getQuery()).isEqualTo("_fields=timezone_string,gmt_offset");
		Recorded page1 = crm.take(Duration.ofSeconds(5));
		assertThat(page1.method()).isEqualTo("GET");
		assertThat(page1.uri().toString())
			.isEqualTo("/wp-json/fluent-crm/v2/subscribers?per_page=100&page=1&sort_by=id&sort_type=ASC");
		assertThat(page1.header("Authorization")).isEqualTo(BASIC);
		assertThat(crm.take(Duration.ofSeconds(5)).uri().getQuery()).contains("page=2");
		assertThat(crm.take(Duration.ofSeconds(5)).uri().getQuery()).contains("page=2");
		assertThat(crm.take(Duration.ofSeconds(5)).uri().getQuery()).contains("page=3");
		List<Map<String, Object>> rows = TenantContext.call("acme", () -> this.jdbc.sql("""
				select external_id, title, status, url, modified_at, data ->> 'email' as email,
				       data ->> 'firstName' as first_name, data ->> 'lastName' as last_name
				from synced_record where connection_id = :c order by external_id
				""").param("c", connection).query().listOfRows());
		assertThat(rows).extracting((row) -> row.get("title"))
			.containsExactly("Contact 1", "Contact 2", "Contact 3", "Contact 4", "Contact 5");
		assertThat(rows.get(0)).containsEntry("email", "contact1@example.com")
			.containsEntry("first_name", "Contact")
			.containsEntry("last_name", "1")
			.containsEntry("status", "subscribed")
			.containsEntry("url", crm.url("") + "/wp-admin/admin.php?page=fluentcrm-admin#/subscribers/1");
		// 2026-11-21 10:00:00 in Berlin (CET, UTC+1) is 09:00 UTC.
		assertThat(((Timestamp) rows.get(0).get("modified_at")).toInstant())
			.isEqualTo(Instant.parse("2026-11-21T09:00:00Z"));

		crm.answer(200, JSON, "{\"timezone_string\": \"\", \"gmt_offset\": 0}")
			.answer(200, JSON, contactsPage(1, 2, 1, 2, 1));
		Map<String, Object> again = ZeebeProcesses.run(this.client, "fcrm-sync",
				Map.of("connectionId", connection.toString(), "resource", "contacts"));
		crm.take(Duration.ofSeconds(5));
		// FluentCRM cannot filter by modification: every sync reads everything.
		assertThat(crm.take(Duration.ofSeconds(5)).uri().toString())
			.isEqualTo("/wp-json/fluent-crm/v2/subscribers?per_page=100&page=1&sort_by=id&sort_type=ASC");
		assertThat(again).containsEntry("result",
				Map.of("resource", "contacts", "fetched", 2, "created", 0, "updated", 2, "removed", 3));
	}

	@Test
	void syncTagsAndListsWhenPagedThenStoresTitlesAndSlugs() {
		UUID connection = connection("segments");
		crm.answer(200, JSON, "{\"timezone_string\": \"UTC\", \"gmt_offset\": 0}")
			.answer(200, JSON,
					"""
							{"tags": {"total": 2, "per_page": 100, "current_page": 1, "last_page": 1, "next_page_url": null,
							          "prev_page_url": null, "from": 1, "to": 2, "data": [
							  {"id": 1, "title": "VIP Customer", "slug": "vip-customer", "description": null,
							   "created_at": "2026-01-15 10:30:00", "updated_at": "2026-01-15 10:30:00", "subscribersCount": 245},
							  {"id": 2, "title": "Newsletter Subscriber", "slug": "newsletter-subscriber", "description": null,
							   "created_at": "2026-01-16 08:00:00", "updated_at": "2026-01-16 08:00:00", "subscribersCount": 1830}]}}
							""");
		deploy("fcrm-sync-tags", "sync", Map.of("connectionId", "connectionId", "resource", "resource"));

		Map<String, Object> tags = ZeebeProcesses.run(this.client, "fcrm-sync-tags",
				Map.of("connectionId", connection.toString(), "resource", "tags"));

		crm.take(Duration.ofSeconds(5));
		assertThat(crm.take(Duration.ofSeconds(5)).uri().toString())
			.isEqualTo("/wp-json/fluent-crm/v2/tags?per_page=100&page=1&sort_by=id&sort_order=ASC");
		assertThat(tags).containsEntry("result",
				Map.of("resource", "tags", "fetched", 2, "created", 2, "updated", 0, "removed", 0));

		crm.answer(200, JSON, "{\"timezone_string\": \"UTC\", \"gmt_offset\": 0}").answer(200, JSON, """
				{"lists": {"total": 1, "per_page": 100, "current_page": 1, "last_page": 1, "data": [
				  {"id": 1, "title": "Newsletter", "slug": "newsletter", "description": "Main newsletter subscribers",
				   "is_public": 0, "created_at": "2026-01-15 10:30:00", "updated_at": "2026-01-15 10:30:00",
				   "totalCount": 1250, "subscribersCount": 1100}]},
				 "pagination": {"total": 1}}
				""");
		Map<String, Object> lists = ZeebeProcesses.run(this.client, "fcrm-sync-tags",
				Map.of("connectionId", connection.toString(), "resource", "lists"));
		crm.take(Duration.ofSeconds(5));
		assertThat(crm.take(Duration.ofSeconds(5)).uri().toString())
			.isEqualTo("/wp-json/fluent-crm/v2/lists?per_page=100&page=1&sort_by=id&sort_order=ASC");
		assertThat(lists).containsEntry("result",
				Map.of("resource", "lists", "fetched", 1, "created", 1, "updated", 0, "removed", 0));
		assertThat(TenantContext.call("acme", () -> this.jdbc.sql(
				"select resource || ':' || title || ':' || (data ->> 'slug') from synced_record where connection_id = :c order by resource, external_id")
			.param("c", connection)
			.query(String.class)
			.list())).containsExactly("lists:Newsletter:newsletter", "tags:VIP Customer:vip-customer",
					"tags:Newsletter Subscriber:newsletter-subscriber");
	}

	private static String contactsPage(int from, int to, int page, int total, int lastPage) {
		StringBuilder data = new StringBuilder("[");
		for (int id = from; id <= to; id++) {
			data.append((id > from) ? "," : "").append("""
					{"id": %d, "user_id": null, "hash": "hash%d", "contact_owner": null, "company_id": null,
					 "prefix": null, "first_name": "Contact", "last_name": "%d", "full_name": "Contact %d",
					 "email": "contact%d@example.com", "status": "subscribed", "contact_type": "lead",
					 "phone": null, "source": "web", "created_at": "2026-10-0%d 10:00:00",
					 "updated_at": "2026-11-2%d 10:00:00", "photo": "https://www.gravatar.com/avatar/hash%d",
					 "tags": [{"id": 1, "title": "VIP Customer", "slug": "vip-customer"}],
					 "lists": [{"id": 1, "title": "Newsletter", "slug": "newsletter"}]}
					""".formatted(id, id, id, id, id, id, id, id));
		}
		data.append("]");
		return """
				{"subscribers": {"total": %d, "per_page": 100, "current_page": %d, "last_page": %d,
				 "next_page_url": null, "prev_page_url": null, "from": %d, "to": %d, "data": %s}, "custom": null}
				""".formatted(total, page, lastPage, from, to, data);
	}

	private static String resource(String path) {
		try {
			return new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void deploy(String processId, String operation, Map<String, String> inputs) {
		ZeebeProcesses.deployFor(ACME, ZeebeProcesses.step(processId, FluentCrmConnector.TYPE, operation, inputs),
				this.client, this.registry);
	}

	private UUID connection(String name) {
		return ZeebeProcesses.createConnection(this.jdbc, this.secrets, "acme", "fluentcrm", name,
				"{\"siteUrl\": \"" + crm.url("") + "\", \"username\": \"crm-api\"}",
				Map.of("applicationPassword", APPLICATION_PASSWORD));
	}

}
