package io.brain.api.run;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brain.api.TestTokens;
import io.brain.api.rule.RuleFixtures;
import io.brain.api.webhook.internal.Signatures;
import io.brain.core.database.EmbeddedDatabase;
import io.brain.core.tenant.TenantContext;
import io.brain.core.testing.BpmnFixtures;
import io.brain.core.testing.RecordingHttpServer;
import io.brain.core.testing.ScriptedModelServer;
import io.brain.core.testing.RecordingHttpServer.Recorded;
import io.brain.workers.WorkersApplication;
import io.camunda.zeebe.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The first end-to-end flow on the open engine embedded in the api: the api deploys the
 * shipped model for a tenant and starts a run, the real workers app performs the HTTP
 * action against a local server, and the run reads completed; likewise for an automation
 * made with the rule list and started by a webhook.
 */
@SpringBootTest(properties = { "camunda.connector.polling.enabled=false", "camunda.connector.webhook.enabled=false",
		"BRAIN_MASTER_KEY=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=" })
@AutoConfigureMockMvc
class FlowIntegrationTests {

	static final String TEMPLATE = "webhook-payload-to-http-request";

	static final String WEBHOOK_SECRET = "gh_rules_secret_0123456789abcdef";

	static final RecordingHttpServer target = RecordingHttpServer.start();

	static ConfigurableApplicationContext workers;

	static final String MODEL_KEY = "sk-flow-6Yh2Qe9Wc4Rn7Tb1";

	static final ScriptedModelServer model = ScriptedModelServer.start(MODEL_KEY);

	@Autowired
	MockMvc mvc;

	@Autowired
	ObjectMapper json;

	@Autowired
	JdbcClient jdbc;

	@DynamicPropertySource
	static void platform(DynamicPropertyRegistry properties) {
		properties.add("spring.datasource.url", FlowIntegrationTests::database);
		properties.add("spring.datasource.username", () -> "brain_app");
	}

	/**
	 * After the api's context, whose migrations create the database role the workers use.
	 */
	@BeforeEach
	void startWorkers() {
		if (workers != null) {
			return;
		}
		// Arguments, not default properties: the api's application.yml shadows the
		// workers' own here.
		workers = new SpringApplicationBuilder(WorkersApplication.class).run("--spring.datasource.url=" + database(),
				"--spring.datasource.username=brain_app", "--spring.flyway.enabled=false",
				"--BRAIN_MASTER_KEY=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=", "--server.port=0",
				"--brain.outbound.allowed-networks=127.0.0.1/32", "--camunda.connector.polling.enabled=false",
				"--brain.connectors.endpoints.slack=" + target.url("/slack"),
				"--camunda.connector.webhook.enabled=false", "--brain.engine.job-executor=false",
				// The api's test properties leave the connector runtime out of the api,
				// not
				// out of the workers.
				"--spring.autoconfigure.exclude=");
	}

	@AfterAll
	static void stop() {
		if (workers != null) {
			workers.close();
		}
		target.close();
		model.close();
	}

	@Test
	void agentWhenStartedByHandThenAWriteWaitsForApprovalThenRunsAndTheAnswerEndsTheRun() throws Exception {
		model.reset();
		String openai = modelConnection("Flow model");
		String slack = slackConnection("Flow Slack", "xoxb-1-2-flowagentbottoken");
		String agent = created(post("/api/agents"),
				Map.of("config",
						Map.of("name", "Flow announcer", "role", "You are a witty marketing expert.", "model",
								Map.of("connectionId", openai), "tools", List.of(Map.of("connector", "slack", "action",
										"post-message", "connectionId", slack, "access", "WRITE")))));
		model
			.callTools(
					List.of(new ScriptedModelServer.ToolCall("call_flow_1", "slack_post_message",
							"{\"channel\":\"#marketing\",\"text\":\"Spring sale starts Monday.\"}")),
					new ScriptedModelServer.Usage(200, 20))
			.answer("Posted the announcement to #marketing.", new ScriptedModelServer.Usage(240, 10));
		String started = this.mvc
			.perform(post("/api/agents/{id}/runs", agent).with(TestTokens.user("acme", "editor"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"prompt\":\"Announce the spring sale.\"}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String runId = this.json.readTree(started).get("runId").asText();

		// The person decides as soon as the model has asked, before the run may wait at
		// the call: the decision is kept until it does. Nothing reaches Slack before it.
		await().atMost(Duration.ofSeconds(30)).until(() -> model.turnsLeft() == 1);
		assertThat(target.received()).isZero();
		// The call is listed as waiting for a decision once the model's ask is kept.
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			JsonNode pending = this.json.readTree(
					this.mvc.perform(get("/api/agents/{id}/approvals", agent).with(TestTokens.user("acme", "viewer")))
						.andExpect(status().isOk())
						.andReturn()
						.getResponse()
						.getContentAsString());
			assertThat(pending).hasSize(1);
			assertThat(pending.at("/0/toolCallId").asText()).isEqualTo("call_flow_1");
			assertThat(pending.at("/0/tool").asText()).isEqualTo("slack_post_message");
			assertThat(pending.at("/0/runId").asText()).isEqualTo(runId);
			assertThat(this.json.readTree(pending.at("/0/arguments").asText()).path("channel").asText())
				.isEqualTo("#marketing");
		});
		target.answer(200, Map.of("Content-Type", "application/json"),
				"{\"ok\":true,\"channel\":\"C1\",\"ts\":\"9.1\"}");
		this.mvc
			.perform(post("/api/agents/{id}/approvals", agent).with(TestTokens.user("acme", "editor"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"toolCallId\":\"call_flow_1\",\"decision\":\"APPROVED\"}"))
			.andExpect(status().isAccepted());

		Recorded posted = target.take(Duration.ofSeconds(30));
		assertThat(posted.uri().getPath()).isEqualTo("/slack/chat.postMessage");
		assertThat(posted.body()).contains("Spring sale starts Monday.");
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			JsonNode run = run(runId);
			assertThat(run.get("state").asText()).as(() -> "run " + run).isEqualTo("COMPLETED");
			assertThat(run.at("/variables/agentTurn/answer").asText())
				.isEqualTo("Posted the announcement to #marketing.");
		});
		assertThat(String.join("\n", model.requests())).doesNotContain(MODEL_KEY).doesNotContain("flowagentbottoken");
		// Nothing waits any more; a second decision on the call, or one on a call no run
		// asked for, is refused at the call's id.
		this.mvc.perform(get("/api/agents/{id}/approvals", agent).with(TestTokens.user("acme", "viewer")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(0));
		this.mvc
			.perform(post("/api/agents/{id}/approvals", agent).with(TestTokens.user("acme", "editor"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"toolCallId\":\"call_flow_1\",\"decision\":\"DENIED\",\"reason\":\"Too late\"}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.field").value("toolCallId"));
		this.mvc
			.perform(post("/api/agents/{id}/approvals", agent).with(TestTokens.user("acme", "editor"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"toolCallId\":\"call_nobody_asked\",\"decision\":\"APPROVED\"}"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.field").value("toolCallId"));
		this.mvc
			.perform(post("/api/agents/{id}/runs", agent).with(TestTokens.user("globex", "editor"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{}"))
			.andExpect(status().isNotFound());
	}

	@Test
	void agentWhenItsScheduleFiresAtNineInBerlinThenItsRunCallsTwoToolsAndEndsWithItsAnswer() throws Exception {
		model.reset();
		String openai = modelConnection("Weekly model");
		String slack = slackConnection("Weekly Slack", "xoxb-3-4-weeklybottoken");
		String agent = created(post("/api/agents"), Map.of("config",
				Map.of("name", "Weekly reporter", "role", "You are a witty marketing expert.", "taskPrompt",
						"Post the weekly numbers to #marketing and #sales.", "model", Map.of("connectionId", openai),
						"schedule", Map.of("cron", "0 9 * * MON", "timeZone", "Europe/Berlin"), "tools",
						List.of(Map.of("connector", "slack", "action", "read", "connectionId", slack),
								Map.of("connector", "slack", "action", "post-message", "connectionId", slack,
										"requiresApproval", false)))));
		java.sql.Timestamp next = TenantContext.call("acme",
				() -> this.jdbc.sql("select next_fire_at from automation_schedule where agent_id = :agent")
					.param("agent", java.util.UUID.fromString(agent))
					.query(java.sql.Timestamp.class)
					.single());
		java.time.ZonedDateTime berlin = next.toInstant().atZone(java.time.ZoneId.of("Europe/Berlin"));
		assertThat(berlin.getDayOfWeek()).isEqualTo(java.time.DayOfWeek.MONDAY);
		assertThat(berlin.toLocalTime()).isEqualTo(java.time.LocalTime.of(9, 0));

		// Two tools: it reads the channels first, then posts to two of them.
		model
			.callTools(List.of(new ScriptedModelServer.ToolCall("call_week_0", "slack_read",
					"{\"resource\":\"channels\",\"limit\":10}")), new ScriptedModelServer.Usage(250, 15))
			.callTools(
					List.of(new ScriptedModelServer.ToolCall("call_week_1", "slack_post_message",
							"{\"channel\":\"#marketing\",\"text\":\"Leads up 12%.\"}"),
							new ScriptedModelServer.ToolCall("call_week_2", "slack_post_message",
									"{\"channel\":\"#sales\",\"text\":\"Leads up 12%.\"}")),
					new ScriptedModelServer.Usage(300, 30))
			.answer("Posted the weekly numbers to #marketing and #sales.", new ScriptedModelServer.Usage(350, 12));
		target
			.answer(200, Map.of("Content-Type", "application/json"),
					"{\"ok\":true,\"url\":\"https://acme.slack.com/\"}")
			.answer(200, Map.of("Content-Type", "application/json"),
					"{\"ok\":true,\"channels\":[{\"id\":\"C1\",\"name\":\"marketing\",\"num_members\":12},"
							+ "{\"id\":\"C2\",\"name\":\"sales\",\"num_members\":7}],"
							+ "\"response_metadata\":{\"next_cursor\":\"\"}}")
			.answer(200, Map.of("Content-Type", "application/json"), "{\"ok\":true,\"channel\":\"C1\",\"ts\":\"1.1\"}")
			.answer(200, Map.of("Content-Type", "application/json"), "{\"ok\":true,\"channel\":\"C2\",\"ts\":\"1.2\"}");
		// Monday, 09:00 in Berlin: the fire is due.
		TenantContext.run("acme", () -> this.jdbc
			.sql("update automation_schedule set next_fire_at = now() - interval '1 second' where agent_id = :agent")
			.param("agent", java.util.UUID.fromString(agent))
			.update());

		assertThat(target.take(Duration.ofSeconds(30)).uri().getPath()).isEqualTo("/slack/auth.test");
		assertThat(target.take(Duration.ofSeconds(30)).uri().getPath()).isEqualTo("/slack/conversations.list");
		assertThat(target.take(Duration.ofSeconds(30)).body()).contains("#marketing");
		assertThat(target.take(Duration.ofSeconds(30)).body()).contains("#sales");
		String runId = await().atMost(Duration.ofSeconds(30))
			.until(() -> TenantContext.call("acme",
					() -> this.jdbc.sql("select last_run_id from automation_schedule where agent_id = :agent")
						.param("agent", java.util.UUID.fromString(agent))
						.query(String.class)
						.single()),
					java.util.Objects::nonNull);
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			JsonNode run = run(runId);
			assertThat(run.get("state").asText()).as(() -> "run " + run).isEqualTo("COMPLETED");
			assertThat(run.at("/variables/agentTurn/answer").asText())
				.isEqualTo("Posted the weekly numbers to #marketing and #sales.");
			assertThat(run.at("/variables/agentCounters/toolCalls").asInt()).isEqualTo(3);
		});
		// What the read tool found reached the model as delimited data.
		assertThat(model.request(1).toString()).contains("<tool-result>").contains("marketing").contains("sales");
		// The model was asked the agent's task, as a scheduled run asks it.
		assertThat(model.request(0).at("/messages/1/content").asText())
			.isEqualTo("Post the weekly numbers to #marketing and #sales.");
	}

	@Test
	void agentWhenAWebhookArrivesThenItsRunAsksTheTaskWithTheEventAsDataAndEndsWithTheAnswer() throws Exception {
		model.reset();
		String agent = created(post("/api/agents"),
				Map.of("config",
						Map.of("name", "Order greeter", "role", "You are a warm shop assistant.", "taskPrompt",
								"Write a thank-you note for the order.", "model",
								Map.of("connectionId", modelConnection("Greeter model")))));
		JsonNode listener = this.json.readTree(this.mvc
			.perform(post("/api/webhooks").with(user("acme"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.json.writeValueAsString(Map.of("name", "Orders to the greeter", "provider", "GITHUB",
						"agentId", agent, "secret", WEBHOOK_SECRET))))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.listener.agentId").value(agent))
			.andExpect(jsonPath("$.listener.agentName").value("Order greeter"))
			.andExpect(jsonPath("$.listener.live").value(true))
			.andReturn()
			.getResponse()
			.getContentAsString());
		model.answer("Thank you, Ada, for order A-7!", new ScriptedModelServer.Usage(120, 12));

		String runId = deliver(listener, "{\"order\":\"A-7\",\"customer\":\"Ada\"}", "agent-order-7");

		JsonNode run = awaitCompleted(runId);
		assertThat(run.at("/variables/agentTurn/answer").asText()).isEqualTo("Thank you, Ada, for order A-7!");
		// The model was asked the agent's task, the event following it as delimited data.
		String asked = model.request(0).at("/messages/1/content").asText();
		assertThat(asked).startsWith("Write a thank-you note for the order.")
			.contains("<webhook-event>")
			.contains("\"customer\":\"Ada\"")
			.endsWith("</webhook-event>");
	}

	@Test
	void webhookListenerWhenItNamesNoTargetBothOrAnotherTenantsAgentThenRefusedAtTheField() throws Exception {
		String agent = created(post("/api/agents"), Map.of("config", Map.of("name", "Listener target", "role",
				"You are a warm shop assistant.", "model", Map.of("connectionId", modelConnection("Target model")))));
		Map<String, Map<String, Object>> refused = Map.of("automationKey",
				Map.of("name", "No target", "provider", "GITHUB"), "automationKey ",
				Map.of("name", "Both targets", "provider", "GITHUB", "automationKey", "x", "agentId", agent), "mode",
				Map.of("name", "Agent correlating", "provider", "GITHUB", "agentId", agent, "mode", "CORRELATE",
						"messageName", "order-paid", "correlationKeyPointer", "/id"));
		for (Map.Entry<String, Map<String, Object>> bad : refused.entrySet()) {
			this.mvc
				.perform(post("/api/webhooks").with(user("acme"))
					.contentType(MediaType.APPLICATION_JSON)
					.content(this.json.writeValueAsString(bad.getValue())))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.field").value(bad.getKey().strip()));
		}
		this.mvc
			.perform(post("/api/webhooks").with(user("globex"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.json.writeValueAsString(
						Map.of("name", "Someone else's agent", "provider", "GITHUB", "agentId", agent))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("agentId"));
	}

	@Test
	void agentChatWhenASessionIsFollowedThenTheAnswerStreamsPieceByPieceAndItsMessagesArrive() throws Exception {
		model.reset();
		String agent = created(post("/api/agents"), Map.of("config", Map.of("name", "Chatty", "role",
				"You are a witty marketing expert.", "model", Map.of("connectionId", modelConnection("Chat model")))));
		String session = java.util.UUID.randomUUID().toString();
		org.springframework.test.web.servlet.MvcResult following = this.mvc
			.perform(get("/api/agents/{id}/sessions/{session}/events", agent, session)
				.with(TestTokens.user("acme", "viewer")))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.request().asyncStarted())
			.andReturn();
		model.answer("Hello there, marketer! Your campaigns look sharp.", new ScriptedModelServer.Usage(50, 12));
		this.mvc
			.perform(post("/api/agents/{id}/runs", agent).with(TestTokens.user("acme", "editor"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.json.writeValueAsString(Map.of("prompt", "Hi!", "sessionId", session))))
			.andExpect(status().isCreated());
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			String events = following.getResponse().getContentAsString();
			// The question, then the answer as it is generated, then the answer whole.
			assertThat(events).contains("event:message").contains("\"role\":\"USER\"").contains("Hi!");
			assertThat(events.split("event:token", -1).length - 1).isGreaterThan(3);
			assertThat(events).contains("\"role\":\"ASSISTANT\"")
				.contains("Hello there, marketer! Your campaigns look sharp.");
		});
		// Another tenant cannot follow it.
		this.mvc
			.perform(get("/api/agents/{id}/sessions/{session}/events", agent, session)
				.with(TestTokens.user("globex", "viewer")))
			.andExpect(status().isNotFound());
	}

	/** A connection of the tenant to the scripted model server. */
	private String modelConnection(String name) throws Exception {
		return created(post("/api/connectors"), Map.of("type", "openai", "name", name, "config",
				Map.of("baseUrl", model.baseUrl(), "defaultModel", "gpt-test", "apiKey", MODEL_KEY)));
	}

	/** A Slack connection, its calls reaching the local server. */
	private String slackConnection(String name, String botToken) throws Exception {
		return created(post("/api/connectors"),
				Map.of("type", "slack", "name", name, "config", Map.of("botToken", botToken)));
	}

	private String created(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
			Object body) throws Exception {
		String answer = this.mvc
			.perform(request.with(TestTokens.user("acme", "editor"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.json.writeValueAsString(body)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return this.json.readTree(answer).get("id").asText();
	}

	private JsonNode run(String runId) throws Exception {
		return this.json.readTree(this.mvc.perform(get("/api/runs/{id}", runId).with(user("acme")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	@Test
	void runWhenTemplateDeployedThenWorkerCallsTargetAndRunCompletes() throws Exception {
		this.mvc.perform(post("/api/process-templates/{id}/deployments", TEMPLATE).with(user("acme")))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.processes[0].processId").value(TEMPLATE))
			.andExpect(jsonPath("$.processes[0].deployedBy").value("acme-editor"));
		assertThat(TenantContext.call("acme",
				() -> this.jdbc.sql("select engine_process_id from process_deployment").query(String.class).list()))
			.contains(TEMPLATE);

		String body = this.mvc
			.perform(post("/api/runs").with(user("acme"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.json.writeValueAsString(Map.of("processId", TEMPLATE, "variables",
						Map.of("payload", Map.of("event", "order.paid", "amount", 42), "targetUrl",
								target.url("/inbox"))))))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.state").value("ACTIVE"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String runId = this.json.readTree(body).get("id").asText();

		Recorded request = target.take(Duration.ofSeconds(30));
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.uri().getPath()).isEqualTo("/inbox");
		assertThat(this.json.readTree(request.body()))
			.isEqualTo(this.json.readTree("{\"event\":\"order.paid\",\"amount\":42}"));
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			JsonNode run = this.json.readTree(this.mvc.perform(get("/api/runs/{id}", runId).with(user("acme")))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString());
			assertThat(run.get("state").asText()).as(() -> "run " + run).isEqualTo("COMPLETED");
			assertThat(run.at("/variables/response/status").asInt()).isEqualTo(200);
			assertThat(run.at("/start/kind").asText()).isEqualTo("BRAIN");
		});

		this.mvc.perform(get("/api/runs/{id}", runId).with(user("globex")))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void testConnectionWhenProviderAcceptsOrRejectsThenStatusFollowsThroughTheEngine() throws Exception {
		String created = this.mvc
			.perform(post("/api/connectors").with(TestTokens.user("acme", "editor"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.json.writeValueAsString(Map.of("type", "wordpress", "name", "Local blog", "config",
						Map.of("siteUrl", target.url(""), "username", "editor", "applicationPassword",
								"abcd efgh ijkl mnop")))))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String id = this.json.readTree(created).get("id").asText();

		target.answer(200, Map.of("Content-Type", "application/json"), "{\"id\": 1, \"name\": \"Erin Editor\"}");
		this.mvc.perform(post("/api/connectors/{id}/test", id).with(TestTokens.user("acme", "editor")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("OK"))
			.andExpect(jsonPath("$.statusMessage").value("Signed in as Erin Editor"));
		assertThat(target.take(Duration.ofSeconds(5)).uri().getPath()).isEqualTo("/wp-json/wp/v2/users/me");

		target.answer(401, Map.of("Content-Type", "application/json"), "{\"code\": \"rest_not_logged_in\"}");
		this.mvc.perform(post("/api/connectors/{id}/test", id).with(TestTokens.user("acme", "editor")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("NEEDS_ATTENTION"))
			.andExpect(jsonPath("$.statusMessage").value("WordPress rejected the application password (401)"));
		target.take(Duration.ofSeconds(5));
	}

	@Test
	void syncWhenConnectionSyncsPostsThenRecordsAreSearchableAndInTheClientPortal() throws Exception {
		String created = this.mvc
			.perform(post("/api/connectors").with(TestTokens.user("acme", "editor"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.json.writeValueAsString(Map.of("type", "wordpress", "name", "Synced blog", "config",
						Map.of("siteUrl", target.url(""), "username", "editor", "applicationPassword", "pw pw pw")))))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String id = this.json.readTree(created).get("id").asText();
		target.answer(200, Map.of("Content-Type", "application/json", "X-WP-TotalPages", "1"),
				"""
						[{"id": 11, "status": "publish", "link": "https://blog.example.com/hello", "modified_gmt": "2026-11-20T10:00:00",
						  "title": {"rendered": "Hello portal"}, "excerpt": {"rendered": "<p>Hi</p>"}},
						 {"id": 12, "status": "publish", "link": "https://blog.example.com/news", "modified_gmt": "2026-11-21T10:00:00",
						  "title": {"rendered": "News"}, "excerpt": {"rendered": "<p>New</p>"}}]
						""");

		this.mvc
			.perform(post("/api/connectors/{id}/sync/{resource}", id, "posts").with(TestTokens.user("acme", "editor")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.fetched").value(2))
			.andExpect(jsonPath("$.created").value(2));
		target.take(Duration.ofSeconds(5));

		this.mvc
			.perform(get("/api/connectors/{id}/records/{resource}", id, "posts").param("q", "portal")
				.with(TestTokens.user("acme", "viewer")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].url").value("https://blog.example.com/hello"));
		this.mvc.perform(get("/api/portal/cms").with(TestTokens.user("acme", "portal-client")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(2))
			.andExpect(jsonPath("$.items[0].title").value("News"));
		this.mvc.perform(get("/api/portal/cms").with(TestTokens.user("globex", "portal-client")))
			.andExpect(jsonPath("$.total").value(0));
		this.mvc
			.perform(post("/api/connectors/{id}/sync/{resource}", id, "comments")
				.with(TestTokens.user("acme", "editor")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("resource"));
	}

	@Test
	void syncWhenRunFailsThenAnswersAtOnceWithTheProblemAndTheRunId() throws Exception {
		// An address the SSRF rules refuse (only 127.0.0.1/32 is allowed here): the
		// worker's job fails without retries, and the run stops at an incident.
		String id = connection("Blog on a private network", "http://10.255.255.1");

		long started = System.nanoTime();
		String body = this.mvc
			.perform(post("/api/connectors/{id}/sync/{resource}", id, "posts").with(TestTokens.user("acme", "editor")))
			.andExpect(status().isBadGateway())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("The WordPress sync failed: ")))
			.andExpect(
					jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("BRAIN_OUTBOUND_ALLOWED_NETWORKS")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
		String runId = this.json.readTree(body).get("runId").asText();
		assertThat(this.json.readTree(body).get("detail").asText()).endsWith("(run " + runId + ")");

		this.mvc.perform(get("/api/runs/{id}", runId).with(user("acme")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("INCIDENT"));
	}

	@Test
	void testConnectionWhenAddressRefusedThenNotTestedWithTheReasonInWords() throws Exception {
		String id = connection("Intranet blog", "http://10.255.255.2");

		this.mvc.perform(post("/api/connectors/{id}/test", id).with(TestTokens.user("acme", "editor")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UNTESTED"))
			.andExpect(jsonPath("$.statusMessage").value(org.hamcrest.Matchers
				.containsString("10.255.255.2 is an address inside a private network, which connectors may not reach")))
			.andExpect(jsonPath("$.statusMessage")
				.value(org.hamcrest.Matchers.containsString("BRAIN_OUTBOUND_ALLOWED_NETWORKS")))
			.andExpect(jsonPath("$.statusMessage")
				.value(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("brain.outbound"))));

		// Answered 200, but the user saw a failed test: so says its audit row.
		Map<String, Object> row = TenantContext.call("acme",
				() -> this.jdbc
					.sql("select * from audit_log where target_id = :id and metadata ->> 'request' like '%/test'")
					.param("id", id)
					.query()
					.singleRow());
		assertThat(row).containsEntry("outcome", "FAILURE")
			.containsEntry("action", "tried to test connection 'Intranet blog'")
			.containsEntry("target_type", "connection")
			.containsEntry("target_name", "Intranet blog");
		assertThat(row.get("metadata").toString()).contains("BRAIN_OUTBOUND_ALLOWED_NETWORKS");
	}

	private String connection(String name, String siteUrl) throws Exception {
		String created = this.mvc
			.perform(post("/api/connectors").with(TestTokens.user("acme", "editor"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.json.writeValueAsString(Map.of("type", "wordpress", "name", name, "config",
						Map.of("siteUrl", siteUrl, "username", "editor", "applicationPassword", "pw pw pw")))))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return this.json.readTree(created).get("id").asText();
	}

	@Test
	void deployWhenEngineRejectsBpmnThenProblemNamesTheComplaint() throws Exception {
		String noTaskType = BpmnFixtures.missingTaskType();
		this.mvc
			.perform(post("/api/deployments").with(user("acme"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.json.writeValueAsString(Map.of("resourceName", "broken.bpmn", "bpmnXml", noTaskType))))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.field").value("bpmnXml"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("no job type")))
			.andExpect(jsonPath("$.detail")
				.value(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("acme__"))));
		assertThat(TenantContext.call("acme",
				() -> this.jdbc.sql("select count(*) from process_deployment where process_id = 'broken'")
					.query(Integer.class)
					.single()))
			.isZero();
	}

	@Test
	void deployWhenXmlIsNotBpmnThenProblemNamesField() throws Exception {
		this.mvc
			.perform(post("/api/deployments").with(user("acme"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"resourceName\":\"x.bpmn\",\"bpmnXml\":\"<not-bpmn\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("bpmnXml"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("The BPMN is not valid")));
	}

	@Test
	void deployWhenResourceNameMissingThenProblemNamesField() throws Exception {
		this.mvc
			.perform(post("/api/deployments").with(user("acme"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"bpmnXml\":\"<x/>\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("resourceName"));
	}

	@Test
	void startWhenProcessNotDeployedThenNotFoundNamingProcessId() throws Exception {
		this.mvc
			.perform(post("/api/runs").with(user("globex"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"processId\":\"" + TEMPLATE + "\"}"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.field").value("processId"));
	}

	@Test
	void requestWithoutTokenThenUnauthorizedProblem() throws Exception {
		this.mvc.perform(get("/api/runs"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(401));
	}

	@Test
	void deployWhenUserHasNoTenantThenForbidden() throws Exception {
		this.mvc
			.perform(post("/api/process-templates/{id}/deployments", TEMPLATE).with(TestTokens.user(null, "editor")))
			.andExpect(status().isForbidden())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void ruleWhenWebhookAmountIsOver100ThenTheWorkerSendsTheRequestElseTheRunEndsAtConditionNotMet() throws Exception {
		target.reset();
		Map<String, Object> placeholder = Map.of("key", "rule-placeholder", "name", "Placeholder", "bpmnXml",
				Bpmn.convertToString(Bpmn.createExecutableProcess("p").startEvent().endEvent().done()));
		this.mvc
			.perform(post("/api/automations").with(user("acme"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.json.writeValueAsString(placeholder)))
			.andExpect(status().isCreated());
		JsonNode listener = this.json.readTree(this.mvc
			.perform(post("/api/webhooks").with(user("acme"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.json.writeValueAsString(Map.of("name", "Rule orders", "provider", "GITHUB",
						"automationKey", "rule-placeholder", "secret", WEBHOOK_SECRET))))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString());
		String listenerId = listener.at("/listener/id").asText();

		this.mvc
			.perform(post("/api/automation-rules").with(user("acme"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(RuleFixtures.save("big-orders", "Big orders",
						RuleFixtures.rule(RuleFixtures.webhook(listenerId),
								RuleFixtures.conditions("ALL",
										RuleFixtures.condition("webhook.payload.amount", "GREATER_THAN", 100)),
								RuleFixtures.http("POST", target.url("/big-orders"), "=webhook.payload")))))
			.andExpect(status().isCreated());
		this.mvc.perform(get("/api/webhooks/{id}", listenerId).with(user("acme")))
			.andExpect(jsonPath("$.automationKey").value("big-orders"));
		this.mvc.perform(post("/api/automations/big-orders/versions/1/deployment").with(user("acme")))
			.andExpect(status().isOk());

		String big = deliver(listener, "{\"amount\":150,\"order\":\"A-1\"}", "rule-big");
		Recorded request = target.take(Duration.ofSeconds(30));
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.uri().getPath()).isEqualTo("/big-orders");
		assertThat(this.json.readTree(request.body()))
			.isEqualTo(this.json.readTree("{\"amount\":150,\"order\":\"A-1\"}"));
		assertThat(steps(awaitCompleted(big))).contains("Trigger", "Condition", "Action_1", "Done")
			.doesNotContain("ConditionNotMet");

		String small = deliver(listener, "{\"amount\":50,\"order\":\"A-2\"}", "rule-small");
		assertThat(steps(awaitCompleted(small))).contains("Trigger", "Condition", "ConditionNotMet")
			.doesNotContain("Action_1", "Done");
		assertThat(target.received()).isZero();
	}

	/** Posts a webhook signed as GitHub signs it; answers the run it started. */
	private String deliver(JsonNode created, String body, String eventId) throws Exception {
		String url = created.at("/listener/url").asText();
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		this.mvc
			.perform(post(url.substring(url.indexOf("/hooks/"))).contentType(MediaType.APPLICATION_JSON)
				.content(bytes)
				.header("X-Hub-Signature-256",
						"sha256=" + HexFormat.of().formatHex(Signatures.hmac(WEBHOOK_SECRET, bytes)))
				.header("X-GitHub-Event", "order")
				.header("X-GitHub-Delivery", eventId))
			.andExpect(status().isAccepted());
		String listenerId = created.at("/listener/id").asText();
		return await().atMost(Duration.ofSeconds(30)).until(() -> {
			JsonNode deliveries = this.json
				.readTree(this.mvc.perform(get("/api/webhooks/{id}/deliveries", listenerId).with(user("acme")))
					.andReturn()
					.getResponse()
					.getContentAsString());
			for (JsonNode delivery : deliveries.get("items")) {
				if (delivery.get("providerEventId").asText().equals(eventId) && delivery.hasNonNull("runId")) {
					return delivery.get("runId").asText();
				}
			}
			return null;
		}, (runId) -> runId != null);
	}

	private JsonNode awaitCompleted(String runId) {
		AtomicReference<JsonNode> completed = new AtomicReference<>();
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			JsonNode run = this.json.readTree(this.mvc.perform(get("/api/runs/{id}", runId).with(user("acme")))
				.andReturn()
				.getResponse()
				.getContentAsString());
			assertThat(run.path("state").asText()).as(() -> "run " + run).isEqualTo("COMPLETED");
			completed.set(run);
		});
		return completed.get();
	}

	private static List<String> steps(JsonNode run) {
		List<String> ids = new ArrayList<>();
		run.get("steps").forEach((step) -> ids.add(step.get("elementId").asText()));
		return ids;
	}

	static RequestPostProcessor user(String tenant) {
		return TestTokens.user(tenant, "editor");
	}

	static String database() {
		return EmbeddedDatabase.forTests().ensureDatabase("api_flow");
	}

}
