package io.brain.workers.connector.mailchimp;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
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

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Mailchimp actions and syncs run on Zeebe against a local server that checks each
 * request exactly as Mailchimp's Marketing API 3.0 documents it (HTTP Basic with the API
 * key, members named by the MD5 hash of the lowercased address, {@code PUT} to add or
 * update with {@code status_if_new}, tags with {@code active}/{@code inactive},
 * collections paged by {@code count} and {@code offset} up to {@code total_items},
 * {@code since_last_changed} for changes) and answers with its documented shapes, errors
 * as problem details ({@code type}, {@code title}, {@code status}, {@code detail},
 * {@code instance}).
 */
class MailchimpApiContractTests extends ConnectorTestContext {

	static final String API_KEY = "0123456789abcdef0123456789abcdef-us21";

	static final String BASIC = "Basic "
			+ Base64.getEncoder().encodeToString(("brain:" + API_KEY).getBytes(StandardCharsets.UTF_8));

	/** The MD5 hash of "ana@example.com". */
	static final String ANA = "cdb9d6a1dddc375a09cc83e3001598dc";

	static final Map<String, String> JSON = Map.of("Content-Type", "application/json; charset=utf-8");

	static final Map<String, String> PROBLEM = Map.of("Content-Type", "application/problem+json; charset=utf-8");

	static final ObjectMapper MAPPER = new ObjectMapper();

	static final RecordingHttpServer mailchimp = RecordingHttpServer.start();

	@DynamicPropertySource
	static void endpoints(DynamicPropertyRegistry properties) {
		properties.add("brain.connectors.endpoints.mailchimp", () -> mailchimp.url("/3.0"));
	}

	@Test
	void upsertMemberWhenKeyValidThenPutsByHashOfTheLowercasedAddressAndTags() throws Exception {
		connection("acme", "news");
		mailchimp
			.answer(200, JSON, member("ana@example.com", ANA, "Ana", "Lima", "subscribed", "2026-11-25T10:00:00+00:00"))
			.answer(204, Map.of(), "");
		deploy("acme", "mc-upsert", "upsert-member",
				Map.of("connection", "\"news\"", "audienceId", "\"a1b2c3d4e5\"", "email", "\"Ana@Example.com\"",
						"statusIfNew", "\"pending\"", "firstName", "\"Ana\"", "lastName", "\"Lima\"", "mergeFields",
						"{\"PHONE\": \"+49 30 1234567\"}", "tags", "[\"webinar-2026\"]"));

		Map<String, Object> variables = ZeebeProcesses.run(this.client, "mc-upsert", Map.of());

		Recorded put = mailchimp.take(Duration.ofSeconds(5));
		assertThat(put.method()).isEqualTo("PUT");
		assertThat(put.uri().toString()).isEqualTo("/3.0/lists/a1b2c3d4e5/members/" + ANA);
		assertThat(put.header("Authorization")).isEqualTo(BASIC);
		assertThat(put.header("Content-Type")).isEqualTo("application/json");
		assertThat(MAPPER.readTree(put.body())).isEqualTo(MAPPER.readTree("""
				{"email_address": "Ana@Example.com", "status_if_new": "pending",
				 "merge_fields": {"PHONE": "+49 30 1234567", "FNAME": "Ana", "LNAME": "Lima"}}
				"""));
		Recorded tags = mailchimp.take(Duration.ofSeconds(5));
		assertThat(tags.method()).isEqualTo("POST");
		assertThat(tags.uri().toString()).isEqualTo("/3.0/lists/a1b2c3d4e5/members/" + ANA + "/tags");
		assertThat(tags.header("Authorization")).isEqualTo(BASIC);
		assertThat(MAPPER.readTree(tags.body()))
			.isEqualTo(MAPPER.readTree("{\"tags\": [{\"name\": \"webinar-2026\", \"status\": \"active\"}]}"));
		assertThat(variables).containsEntry("result",
				Map.of("id", ANA, "email", "ana@example.com", "status", "subscribed", "audienceId", "a1b2c3d4e5",
						"firstName", "Ana", "lastName", "Lima", "tagsAdded", List.of("webinar-2026")));
	}

	@Test
	void upsertMemberWhenNoTagsAndStatusGivenThenOnlyPutsWithTheStatus() throws Exception {
		connection("acme", "news-status");
		mailchimp.answer(200, JSON,
				member("ana@example.com", ANA, "", "", "unsubscribed", "2026-11-25T10:00:00+00:00"));
		deploy("acme", "mc-upsert-status", "upsert-member", Map.of("connection", "\"news-status\"", "audienceId",
				"\"a1b2c3d4e5\"", "email", "\"ana@example.com\"", "status", "\"unsubscribed\""));

		Map<String, Object> variables = ZeebeProcesses.run(this.client, "mc-upsert-status", Map.of());

		Recorded put = mailchimp.take(Duration.ofSeconds(5));
		assertThat(MAPPER.readTree(put.body())).isEqualTo(MAPPER.readTree("""
				{"email_address": "ana@example.com", "status_if_new": "subscribed", "status": "unsubscribed"}
				"""));
		assertThat(mailchimp.received()).isZero();
		@SuppressWarnings("unchecked")
		Map<String, Object> result = (Map<String, Object>) variables.get("result");
		assertThat(result).containsEntry("status", "unsubscribed").containsEntry("tagsAdded", List.of());
	}

	@Test
	void addTagsWhenTagsToAddAndRemoveThenPostsThemActiveAndInactive() throws Exception {
		connection("acme", "tagging");
		mailchimp.answer(204, Map.of(), "");
		deploy("acme", "mc-tags", "add-tags", Map.of("connection", "\"tagging\"", "audienceId", "\"a1b2c3d4e5\"",
				"email", "\"ana@example.com\"", "tags", "[\"customer\", \"vip\"]", "removeTags", "[\"lead\"]"));

		Map<String, Object> variables = ZeebeProcesses.run(this.client, "mc-tags", Map.of());

		Recorded request = mailchimp.take(Duration.ofSeconds(5));
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.uri().toString()).isEqualTo("/3.0/lists/a1b2c3d4e5/members/" + ANA + "/tags");
		assertThat(request.header("Authorization")).isEqualTo(BASIC);
		assertThat(MAPPER.readTree(request.body())).isEqualTo(MAPPER.readTree("""
				{"tags": [{"name": "customer", "status": "active"}, {"name": "vip", "status": "active"},
				 {"name": "lead", "status": "inactive"}]}
				"""));
		assertThat(variables).containsEntry("result", Map.of("audienceId", "a1b2c3d4e5", "email", "ana@example.com",
				"added", List.of("customer", "vip"), "removed", List.of("lead")));
	}

	@Test
	void testConnectionWhenKeyAcceptedOrRejectedThenSaysSoInPlainWords() {
		UUID connection = connection("acme", "checked");
		mailchimp.answer(200, JSON, "{\"account_name\": \"Acme Coffee\", \"email\": \"owner@acme.example\"}")
			.answer(401, PROBLEM,
					"""
							{"type": "https://mailchimp.com/developer/marketing/docs/errors/", "title": "API Key Invalid",
							 "status": 401, "detail": "Your API key may be invalid, or you've attempted to access the wrong datacenter.",
							 "instance": "0f0b1c2d-3e4f-5a6b-7c8d-9e0f1a2b3c4d"}
							""");
		deploy("acme", "mc-test-connection", "test-connection", Map.of("connectionId", "connectionId"));

		Map<String, Object> accepted = ZeebeProcesses.run(this.client, "mc-test-connection",
				Map.of("connectionId", connection.toString()));
		Recorded request = mailchimp.take(Duration.ofSeconds(5));
		assertThat(request.method()).isEqualTo("GET");
		assertThat(request.uri().toString()).isEqualTo("/3.0/?fields=account_name%2Cemail");
		assertThat(request.header("Authorization")).isEqualTo(BASIC);
		assertThat(accepted).containsEntry("result",
				Map.of("ok", true, "checked", true, "message", "Signed in to Mailchimp account Acme Coffee"));

		Map<String, Object> rejected = ZeebeProcesses.run(this.client, "mc-test-connection",
				Map.of("connectionId", connection.toString()));
		assertThat(rejected).containsEntry("result",
				Map.of("ok", false, "checked", true, "message", "Mailchimp rejected the API key (401)"));
	}

	@Test
	void syncMembersWhenMailchimpPagesAndThrottlesThenStoresEveryAudiencesMembersThenReadsChanges() throws Exception {
		UUID connection = connection("acme", "synced");
		mailchimp.answer(200, JSON, lists(2, "a1b2c3d4e5", "f6g7h8i9j0"))
			.answer(200, JSON, members("a1b2c3d4e5", 5, 1, 2))
			.answer(429, Map.of("Content-Type", "application/problem+json; charset=utf-8", "Retry-After", "1"), """
					{"type": "https://mailchimp.com/developer/marketing/docs/errors/", "title": "Too Many Requests",
					 "status": 429, "detail": "You have exceeded the limit of 10 simultaneous connections.",
					 "instance": "0f0b1c2d-3e4f-5a6b-7c8d-000000000429"}
					""")
			.answer(200, JSON, members("a1b2c3d4e5", 5, 3, 4))
			.answer(200, JSON, members("a1b2c3d4e5", 5, 5, 5))
			.answer(200, JSON, members("f6g7h8i9j0", 1, 1, 1));
		deploy("acme", "mc-sync", "sync",
				Map.of("connectionId", "connectionId", "resource", "\"members\"", "full", "full"));

		Map<String, Object> first = ZeebeProcesses.run(this.client, "mc-sync",
				Map.of("connectionId", connection.toString()));

		assertThat(first).containsEntry("result",
				Map.of("resource", "members", "fetched", 6, "created", 6, "updated", 0, "removed", 0));
		Recorded lists = mailchimp.take(Duration.ofSeconds(5));
		assertThat(lists.method()).isEqualTo("GET");
		assertThat(lists.header("Authorization")).isEqualTo(BASIC);
		assertThat(lists.uri().toString()).isEqualTo("/3.0/lists?count=1000&offset=0");
		assertThat(mailchimp.take(Duration.ofSeconds(5)).uri().toString())
			.isEqualTo("/3.0/lists/a1b2c3d4e5/members?count=1000&offset=0");
		assertThat(mailchimp.take(Duration.ofSeconds(5)).uri().toString())
			.isEqualTo("/3.0/lists/a1b2c3d4e5/members?count=1000&offset=2");
		assertThat(mailchimp.take(Duration.ofSeconds(5)).uri().toString())
			.isEqualTo("/3.0/lists/a1b2c3d4e5/members?count=1000&offset=2");
		assertThat(mailchimp.take(Duration.ofSeconds(5)).uri().toString())
			.isEqualTo("/3.0/lists/a1b2c3d4e5/members?count=1000&offset=4");
		assertThat(mailchimp.take(Duration.ofSeconds(5)).uri().toString())
			.isEqualTo("/3.0/lists/f6g7h8i9j0/members?count=1000&offset=0");
		assertThat(TenantContext.call("acme",
				() -> this.jdbc
					.sql("select external_id || '|' || title || '|' || status from synced_record"
							+ " where connection_id = :c order by external_id")
					.param("c", connection)
					.query(String.class)
					.list()))
			.containsExactlyInAnyOrder("a1b2c3d4e5:" + hash(1) + "|Member1 Person|subscribed",
					"a1b2c3d4e5:" + hash(2) + "|Member2 Person|subscribed",
					"a1b2c3d4e5:" + hash(3) + "|Member3 Person|subscribed",
					"a1b2c3d4e5:" + hash(4) + "|Member4 Person|subscribed",
					"a1b2c3d4e5:" + hash(5) + "|Member5 Person|subscribed",
					"f6g7h8i9j0:" + hash(1) + "|Member1 Person|subscribed");
		assertThat(MAPPER.readTree(TenantContext.call("acme",
				() -> this.jdbc
					.sql("select data::text from synced_record where connection_id = :c and external_id = :e")
					.param("c", connection)
					.param("e", "a1b2c3d4e5:" + hash(3))
					.query(String.class)
					.single())))
			.isEqualTo(MAPPER.readTree("""
					{"email": "member3@example.com", "firstName": "Member3", "lastName": "Person",
					 "audienceId": "a1b2c3d4e5"}
					"""));

		mailchimp.reset();
		Instant beforeChanges = Instant.now();
		mailchimp.answer(200, JSON, lists(2, "a1b2c3d4e5", "f6g7h8i9j0"))
			.answer(200, JSON, members("a1b2c3d4e5", 1, 2, 2))
			.answer(200, JSON, members("f6g7h8i9j0", 0, 1, 0));
		Map<String, Object> changes = ZeebeProcesses.run(this.client, "mc-sync",
				Map.of("connectionId", connection.toString()));
		assertThat(mailchimp.take(Duration.ofSeconds(5)).uri().toString()).isEqualTo("/3.0/lists?count=1000&offset=0");
		Recorded changed = mailchimp.take(Duration.ofSeconds(5));
		assertThat(changed.uri().getPath()).isEqualTo("/3.0/lists/a1b2c3d4e5/members");
		assertThat(changed.uri().getRawQuery())
			.matches("count=1000&offset=0&since_last_changed=\\d{4}-\\d\\d-\\d\\dT\\d\\d%3A\\d\\d%3A\\d\\d%2B00%3A00");
		Instant since = OffsetDateTime.parse(changed.uri().getQuery().replaceAll(".*since_last_changed=", ""))
			.toInstant();
		assertThat(since).isBefore(beforeChanges.minus(Duration.ofMinutes(1)))
			.isAfter(beforeChanges.minus(Duration.ofMinutes(5)));
		assertThat(mailchimp.take(Duration.ofSeconds(5)).uri().getQuery()).contains("since_last_changed=");
		assertThat(changes).containsEntry("result",
				Map.of("resource", "members", "fetched", 1, "created", 0, "updated", 1, "removed", 0));
	}

	@Test
	void syncAudiencesWhenAskedThenStoresEachAudienceWithItsMemberCount() {
		UUID connection = connection("acme", "audiences");
		mailchimp.answer(200, JSON, lists(3, "a1b2c3d4e5", "f6g7h8i9j0")).answer(200, JSON, lists(3, "k1l2m3n4o5"));
		deploy("acme", "mc-sync-audiences", "sync",
				Map.of("connectionId", "connectionId", "resource", "\"audiences\""));

		Map<String, Object> result = ZeebeProcesses.run(this.client, "mc-sync-audiences",
				Map.of("connectionId", connection.toString()));

		assertThat(mailchimp.take(Duration.ofSeconds(5)).uri().toString()).isEqualTo("/3.0/lists?count=1000&offset=0");
		assertThat(mailchimp.take(Duration.ofSeconds(5)).uri().toString()).isEqualTo("/3.0/lists?count=1000&offset=2");
		assertThat(result).containsEntry("result",
				Map.of("resource", "audiences", "fetched", 3, "created", 3, "updated", 0, "removed", 0));
		assertThat(TenantContext.call("acme",
				() -> this.jdbc
					.sql("select title || '|' || url || '|' || (data->>'memberCount') from synced_record"
							+ " where connection_id = :c order by external_id")
					.param("c", connection)
					.query(String.class)
					.list()))
			.containsExactly("Audience a1b2c3d4e5|https://eepurl.com/a1b2c3d4e5|5",
					"Audience f6g7h8i9j0|https://eepurl.com/f6g7h8i9j0|5",
					"Audience k1l2m3n4o5|https://eepurl.com/k1l2m3n4o5|5");
	}

	@Test
	void upsertMemberWhenKeyRejectedThenIncidentInPlainWordsAndConnectionNeedsAttention() {
		UUID connection = connection("acme", "stale");
		mailchimp.answer(401, PROBLEM,
				"""
						{"type": "https://mailchimp.com/developer/marketing/docs/errors/", "title": "API Key Invalid",
						 "status": 401, "detail": "Your API key may be invalid, or you've attempted to access the wrong datacenter.",
						 "instance": "0f0b1c2d-3e4f-5a6b-7c8d-000000000401"}
						""");
		deploy("acme", "mc-rejected", "upsert-member",
				Map.of("connection", "\"stale\"", "audienceId", "\"a1b2c3d4e5\"", "email", "\"ana@example.com\""));

		long instance = ZeebeProcesses.start(this.client, "mc-rejected");

		ZeebeProcesses.awaitIncident(this.engine, instance, "Mailchimp rejected the API key (401)");
		assertThat(ZeebeProcesses.connectionStatus(this.jdbc, "acme", connection)).isEqualTo("NEEDS_ATTENTION");
	}

	@Test
	void addTagsWhenMemberMissingOrMailchimpDownThenIncidentSaysWhatMailchimpSaid() {
		connection("acme", "flaky");
		mailchimp.answer(404, PROBLEM, """
				{"type": "https://mailchimp.com/developer/marketing/docs/errors/", "title": "Resource Not Found",
				 "status": 404, "detail": "The requested resource could not be found.",
				 "instance": "0f0b1c2d-3e4f-5a6b-7c8d-000000000404"}
				""");
		deploy("acme", "mc-missing", "add-tags", Map.of("connection", "\"flaky\"", "audienceId", "\"a1b2c3d4e5\"",
				"email", "\"ana@example.com\"", "tags", "[\"vip\"]"));
		long missing = ZeebeProcesses.start(this.client, "mc-missing");
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(ZeebeProcesses.incidentMessages(this.engine, missing))
				.anySatisfy((message) -> assertThat(message)
					.contains("Mailchimp has no member ana@example.com in audience a1b2c3d4e5 (404)")));

		mailchimp.answer(503, Map.of(), "").answer(503, Map.of(), "").answer(503, Map.of(), "");
		deploy("acme", "mc-down", "upsert-member",
				Map.of("connection", "\"flaky\"", "audienceId", "\"a1b2c3d4e5\"", "email", "\"ana@example.com\""));
		long down = ZeebeProcesses.start(this.client, "mc-down");
		ZeebeProcesses.awaitIncident(this.engine, down, "Mailchimp answered 503 (still after retries)");
	}

	@Test
	void actionsWhenRequiredInputMissingThenIncidentAndNoCall() {
		connection("acme", "strict");
		deploy("acme", "mc-no-email", "upsert-member",
				Map.of("connection", "\"strict\"", "audienceId", "\"a1b2c3d4e5\""));
		deploy("acme", "mc-no-tags", "add-tags", Map.of("connection", "\"strict\"", "audienceId", "\"a1b2c3d4e5\"",
				"email", "\"ana@example.com\"", "tags", "[]"));

		long noEmail = ZeebeProcesses.start(this.client, "mc-no-email");
		long noTags = ZeebeProcesses.start(this.client, "mc-no-tags");

		ZeebeProcesses.awaitIncident(this.engine, noEmail, "email");
		ZeebeProcesses.awaitIncident(this.engine, noTags, "tags");
		assertThat(mailchimp.received()).isZero();
	}

	private static String hash(int n) {
		return MailchimpClient.subscriberHash("member" + n + "@example.com");
	}

	/** A page of GET /lists: the given audiences of a total. */
	private static String lists(int total, String... ids) {
		StringBuilder json = new StringBuilder("{\"lists\": [");
		for (int i = 0; i < ids.length; i++) {
			json.append((i > 0) ? "," : "").append("""
					{"id": "%s", "web_id": 10%d, "name": "Audience %s", "date_created": "2025-01-0%dT10:00:00+00:00",
					 "subscribe_url_short": "https://eepurl.com/%s",
					 "subscribe_url_long": "https://acme.us21.list-manage.com/subscribe?u=abc&id=%s",
					 "stats": {"member_count": 5, "unsubscribe_count": 0, "cleaned_count": 0}}
					""".formatted(ids[i], i, ids[i], i + 1, ids[i], ids[i]));
		}
		return json.append("], \"total_items\": ").append(total).append("}").toString();
	}

	/** A page of GET /lists/{id}/members: members numbered from..to of a total. */
	private static String members(String listId, int total, int from, int to) {
		StringBuilder json = new StringBuilder("{\"members\": [");
		for (int n = from; n <= to; n++) {
			json.append((n > from) ? "," : "")
				.append(member("member" + n + "@example.com", hash(n), "Member" + n, "Person", "subscribed",
						"2026-11-2" + n + "T10:00:00+00:00")
					.replace("\"list_id\": \"a1b2c3d4e5\"", "\"list_id\": \"" + listId + "\""));
		}
		return json.append("], \"list_id\": \"")
			.append(listId)
			.append("\", \"total_items\": ")
			.append(total)
			.append("}")
			.toString();
	}

	private static String member(String email, String id, String first, String last, String status,
			String lastChanged) {
		return """
				{"id": "%s", "email_address": "%s", "unique_email_id": "u%s", "contact_id": "c%s",
				 "full_name": "%s", "web_id": 123, "email_type": "html", "status": "%s",
				 "merge_fields": {"FNAME": "%s", "LNAME": "%s", "ADDRESS": "", "PHONE": ""},
				 "last_changed": "%s", "language": "", "vip": false, "list_id": "a1b2c3d4e5",
				 "tags_count": 0, "tags": []}
				""".formatted(id, email, id.substring(0, 10), id.substring(0, 10), (first + " " + last).trim(), status,
				first, last, lastChanged);
	}

	private void deploy(String tenant, String processId, String operation, Map<String, String> inputs) {
		ZeebeProcesses.deployFor(new TenantId(tenant),
				ZeebeProcesses.step(processId, MailchimpConnector.TYPE, operation, inputs), this.client, this.registry);
	}

	private UUID connection(String tenant, String name) {
		return ZeebeProcesses.createConnection(this.jdbc, this.secrets, tenant, "mailchimp", name, "{}",
				Map.of("apiKey", API_KEY));
	}

}
