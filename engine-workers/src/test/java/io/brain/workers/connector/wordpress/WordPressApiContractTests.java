package io.brain.workers.connector.wordpress;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The WordPress actions run on Zeebe against a local server that checks each request as
 * WordPress's REST API documents it (POST /wp-json/wp/v2/posts[/id] and pages, HTTP Basic
 * with an application password, JSON body) and answers with its documented shapes.
 */
class WordPressApiContractTests extends ConnectorTestContext {

	static final String APPLICATION_PASSWORD = "abcd EFGH ijkl MNOP qrst UVWX";

	static final RecordingHttpServer wordpress = RecordingHttpServer.start();

	@Test
	void createPostWhenConnectionValidThenPostsAsDocumentedAndReturnsThePost() throws Exception {
		connection("acme", "blog");
		wordpress.answer(201, Map.of("Content-Type", "application/json"),
				"""
						{"id": 123, "date": "2026-11-25T10:00:00", "link": "https://blog.example.com/?p=123", "status": "draft",
						 "type": "post", "title": {"rendered": "Hello"}, "content": {"rendered": "<p>Hi</p>", "protected": false}}
						""");
		ZeebeProcesses.deployFor(new TenantId("acme"), step("wp-create-post", "create-post", "blog", null), this.client,
				this.registry);

		Map<String, Object> result = ZeebeProcesses.run(this.client, "wp-create-post", Map.of());

		Recorded request = wordpress.take(Duration.ofSeconds(5));
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.uri().getPath()).isEqualTo("/wp-json/wp/v2/posts");
		assertThat(request.header("Authorization")).isEqualTo("Basic " + Base64.getEncoder()
			.encodeToString(("editor:" + APPLICATION_PASSWORD).getBytes(StandardCharsets.UTF_8)));
		assertThat(request.header("Content-Type")).isEqualTo("application/json");
		assertThat(new ObjectMapper().readTree(request.body())).isEqualTo(
				new ObjectMapper().readTree("{\"title\":\"Hello\",\"content\":\"<p>Hi</p>\",\"status\":\"draft\"}"));
		assertThat(result).containsEntry("post",
				Map.of("id", 123, "link", "https://blog.example.com/?p=123", "status", "draft", "title", "Hello"));
	}

	@Test
	void updatePageWhenIdGivenThenPostsToThePage() {
		connection("acme", "site");
		wordpress.answer(200, Map.of("Content-Type", "application/json"),
				"{\"id\": 77, \"link\": \"https://blog.example.com/about\", \"status\": \"publish\", \"title\": {\"rendered\": \"About\"}}");
		ZeebeProcesses.deployFor(new TenantId("acme"), step("wp-update-page", "update-page", "site", 77L), this.client,
				this.registry);

		ZeebeProcesses.run(this.client, "wp-update-page", Map.of());

		Recorded request = wordpress.take(Duration.ofSeconds(5));
		assertThat(request.uri().getPath()).isEqualTo("/wp-json/wp/v2/pages/77");
	}

	@Test
	void createPostWhenPasswordRejectedThenIncidentSaysSoInPlainWordsAndTheConnectionNeedsAttention() {
		UUID stale = connection("acme", "stale");
		wordpress.answer(401, Map.of("Content-Type", "application/json"),
				"{\"code\": \"rest_cannot_create\", \"message\": \"Sorry, you are not allowed to create posts as this user.\", \"data\": {\"status\": 401}}");
		ZeebeProcesses.deployFor(new TenantId("acme"), step("wp-rejected", "create-post", "stale", null), this.client,
				this.registry);

		long instance = ZeebeProcesses.start(this.client, "wp-rejected");

		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(ZeebeProcesses.incidents(this.engine, instance))
				.anySatisfy((incident) -> assertThat(incident.getErrorMessage())
					.contains("WordPress rejected the application password (401)")));
		assertThat(TenantContext.call("acme",
				() -> this.jdbc.sql("select status || ': ' || status_message from connector_connection where id = :id")
					.param("id", stale)
					.query(String.class)
					.single()))
			.isEqualTo("NEEDS_ATTENTION: WordPress rejected the application password (401)");
	}

	@Test
	void updatePostWhenPostMissingOrServerFailsThenIncidentSaysWhatWordPressSaid() {
		connection("acme", "flaky");
		wordpress.answer(404, Map.of("Content-Type", "application/json"),
				"{\"code\": \"rest_post_invalid_id\", \"message\": \"Invalid post ID.\", \"data\": {\"status\": 404}}");
		ZeebeProcesses.deployFor(new TenantId("acme"), step("wp-missing", "update-post", "flaky", 7L), this.client,
				this.registry);
		long missing = ZeebeProcesses.start(this.client, "wp-missing");
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(ZeebeProcesses.incidents(this.engine, missing)).anySatisfy(
					(incident) -> assertThat(incident.getErrorMessage()).contains("WordPress has no post 7 (404)")));

		wordpress.answer(503, Map.of(), "").answer(503, Map.of(), "").answer(503, Map.of(), "");
		ZeebeProcesses.deployFor(new TenantId("acme"), step("wp-down", "create-post", "flaky", null), this.client,
				this.registry);
		long down = ZeebeProcesses.start(this.client, "wp-down");
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(ZeebeProcesses.incidents(this.engine, down))
				.anySatisfy((incident) -> assertThat(incident.getErrorMessage()).contains("WordPress answered 503")));
	}

	@Test
	void createPostWhenConnectionBelongsToAnotherTenantThenIncidentAndNoCall() {
		connection("acme", "acme-only");
		ZeebeProcesses.deployFor(new TenantId("globex"), step("wp-foreign", "create-post", "acme-only", null),
				this.client, this.registry);

		long instance = ZeebeProcesses.start(this.client, "wp-foreign");

		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(ZeebeProcesses.incidents(this.engine, instance))
				.anySatisfy((incident) -> assertThat(incident.getErrorMessage())
					.contains("No wordpress connection named 'acme-only'")));
		assertThat(wordpress.received()).isZero();
	}

	@Test
	void testConnectionWhenCredentialsAcceptedOrRejectedThenSaysSoInPlainWords() {
		UUID connection = connection("acme", "checked");
		wordpress
			.answer(200, Map.of("Content-Type", "application/json"),
					"{\"id\": 1, \"name\": \"Erin Editor\", \"slug\": \"editor\", \"roles\": [\"editor\"]}")
			.answer(401, Map.of("Content-Type", "application/json"),
					"{\"code\": \"rest_not_logged_in\", \"message\": \"You are not currently logged in.\", \"data\": {\"status\": 401}}");
		BpmnModelInstance test = Bpmn.createExecutableProcess("wp-test-connection")
			.startEvent()
			.serviceTask("test",
					(task) -> task.zeebeJobType(WordPressConnector.TYPE)
						.zeebeJobRetries("1")
						.zeebeTaskHeader("operation", "test-connection")
						.zeebeTaskHeader("resultVariable", "check")
						.zeebeInputExpression("connectionId", "connectionId"))
			.endEvent()
			.done();
		ZeebeProcesses.deployFor(new TenantId("acme"), test, this.client, this.registry);

		Map<String, Object> accepted = ZeebeProcesses.run(this.client, "wp-test-connection",
				Map.of("connectionId", connection.toString()));
		Recorded request = wordpress.take(Duration.ofSeconds(5));
		assertThat(request.method()).isEqualTo("GET");
		assertThat(request.uri().toString()).isEqualTo("/wp-json/wp/v2/users/me?context=edit");
		assertThat(request.header("Authorization")).startsWith("Basic ");
		assertThat(accepted).containsEntry("check",
				Map.of("ok", true, "checked", true, "message", "Signed in as Erin Editor"));

		Map<String, Object> rejected = ZeebeProcesses.run(this.client, "wp-test-connection",
				Map.of("connectionId", connection.toString()));
		assertThat(rejected).containsEntry("check",
				Map.of("ok", false, "checked", true, "message", "WordPress rejected the application password (401)"));
	}

	@Test
	void syncWhenProviderPagesAndThrottlesThenStoresAllThenReadsChangesAndAFullReadRemovesWhatIsGone() {
		UUID connection = connection("acme", "synced");
		wordpress.answer(429, Map.of("Retry-After", "1"), "")
			.answer(200, Map.of("Content-Type", "application/json", "X-WP-Total", "5", "X-WP-TotalPages", "3"),
					posts(1, 2))
			.answer(200, Map.of("Content-Type", "application/json", "X-WP-Total", "5", "X-WP-TotalPages", "3"),
					posts(3, 4))
			.answer(200, Map.of("Content-Type", "application/json", "X-WP-Total", "5", "X-WP-TotalPages", "3"),
					posts(5, 5));
		BpmnModelInstance sync = Bpmn.createExecutableProcess("wp-sync")
			.startEvent()
			.serviceTask("sync",
					(task) -> task.zeebeJobType(WordPressConnector.TYPE)
						.zeebeJobRetries("1")
						.zeebeTaskHeader("operation", "sync")
						.zeebeTaskHeader("resultVariable", "sync")
						.zeebeInputExpression("connectionId", "connectionId")
						.zeebeInputExpression("\"posts\"", "resource")
						.zeebeInputExpression("full", "full"))
			.endEvent()
			.done();
		ZeebeProcesses.deployFor(new TenantId("acme"), sync, this.client, this.registry);

		Map<String, Object> first = ZeebeProcesses.run(this.client, "wp-sync",
				Map.of("connectionId", connection.toString()));

		assertThat(first).containsEntry("sync",
				Map.of("resource", "posts", "fetched", 5, "created", 5, "updated", 0, "removed", 0));
		assertThat(wordpress.take(Duration.ofSeconds(5)).uri().toString())
			.isEqualTo("/wp-json/wp/v2/posts?per_page=100&page=1&orderby=id&order=asc");
		assertThat(wordpress.take(Duration.ofSeconds(5)).uri().getQuery()).contains("page=1");
		assertThat(wordpress.take(Duration.ofSeconds(5)).uri().getQuery()).contains("page=2");
		assertThat(wordpress.take(Duration.ofSeconds(5)).uri().getQuery()).contains("page=3");
		assertThat(TenantContext.call("acme",
				() -> this.jdbc.sql("select title from synced_record where connection_id = :c order by external_id")
					.param("c", connection)
					.query(String.class)
					.list()))
			.containsExactly("Post 1", "Post 2", "Post 3", "Post 4", "Post 5");

		wordpress.answer(200, Map.of("Content-Type", "application/json", "X-WP-TotalPages", "1"), posts(2, 2));
		Map<String, Object> changes = ZeebeProcesses.run(this.client, "wp-sync",
				Map.of("connectionId", connection.toString()));
		// With an offset: WordPress reads a time without one in the site's zone.
		assertThat(wordpress.take(Duration.ofSeconds(5)).uri().getQuery()).matches(
				"per_page=100&page=1&orderby=id&order=asc&modified_after=\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
		assertThat(changes).containsEntry("sync",
				Map.of("resource", "posts", "fetched", 1, "created", 0, "updated", 1, "removed", 0));

		wordpress.answer(200, Map.of("Content-Type", "application/json", "X-WP-TotalPages", "1"), posts(1, 2));
		Map<String, Object> full = ZeebeProcesses.run(this.client, "wp-sync",
				Map.of("connectionId", connection.toString(), "full", true));
		assertThat(wordpress.take(Duration.ofSeconds(5)).uri().getQuery()).doesNotContain("modified_after");
		assertThat(full).containsEntry("sync",
				Map.of("resource", "posts", "fetched", 2, "created", 0, "updated", 2, "removed", 3));
		assertThat(TenantContext.call("globex",
				() -> this.jdbc.sql("select count(*) from synced_record").query(Long.class).single()))
			.isZero();
	}

	private static String posts(int from, int to) {
		StringBuilder json = new StringBuilder("[");
		for (int id = from; id <= to; id++) {
			json.append((id > from) ? "," : "")
				.append("{\"id\": ")
				.append(id)
				.append(", \"date_gmt\": \"2026-11-0")
				.append(id)
				.append("T10:00:00\", \"modified_gmt\": \"2026-11-2")
				.append(id)
				.append("T10:00:00\", \"slug\": \"post-")
				.append(id)
				.append("\", \"status\": \"publish\", \"type\": \"post\", \"link\": \"https://blog.example.com/post-")
				.append(id)
				.append("\", \"title\": {\"rendered\": \"Post ")
				.append(id)
				.append("\"}, \"excerpt\": {\"rendered\": \"<p>About ")
				.append(id)
				.append("</p>\", \"protected\": false}}");
		}
		return json.append("]").toString();
	}

	private UUID connection(String tenant, String name) {
		return ZeebeProcesses.createConnection(this.jdbc, this.secrets, tenant, "wordpress", name,
				"{\"siteUrl\": \"" + wordpress.url("") + "\", \"username\": \"editor\"}",
				Map.of("applicationPassword", APPLICATION_PASSWORD));
	}

	static BpmnModelInstance step(String processId, String operation, String connection, Long id) {
		return Bpmn.createExecutableProcess(processId).startEvent().serviceTask("write", (task) -> {
			task.zeebeJobType(WordPressConnector.TYPE)
				.zeebeJobRetries("1")
				.zeebeTaskHeader("operation", operation)
				.zeebeTaskHeader("resultVariable", "post")
				.zeebeInputExpression("\"" + connection + "\"", "connection")
				.zeebeInputExpression("\"Hello\"", "title")
				.zeebeInputExpression("\"<p>Hi</p>\"", "content")
				.zeebeInputExpression("\"draft\"", "status");
			if (id != null) {
				task.zeebeInputExpression(String.valueOf(id), "id");
			}
		}).endEvent().done();
	}

}
