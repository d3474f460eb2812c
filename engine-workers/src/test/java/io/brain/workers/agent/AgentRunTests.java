package io.brain.workers.agent;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brain.core.tenant.TenantContext;
import io.brain.core.tenant.TenantId;
import io.brain.core.testing.RecordingHttpServer;
import io.brain.core.testing.ScriptedModelServer;
import io.brain.core.testing.ScriptedModelServer.ToolCall;
import io.brain.core.testing.ScriptedModelServer.Usage;
import io.brain.workers.ZeebeProcesses;
import io.brain.workers.connector.ConnectorTestContext;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Agent runs on the engine, against a local OpenAI-compatible server that plays scripted
 * transcripts with LangChain4j's real OpenAI client ({@link ScriptedModelServer}), and a
 * local server that checks Slack's Web API calls: the model's tool calls run as steps of
 * the run through the connector actions the tenant toggled, a denial reaches the model,
 * each limit and the tenant's budget stop the run with an incident, and no secret ever
 * reaches the model.
 */
class AgentRunTests extends ConnectorTestContext {

	static final String API_KEY = "sk-agent-Rq7Tn2Vb9Lx4Kd8Hs1Pz";

	static final String BOT_TOKEN = "xoxb-1111-2222-agentsecretbottoken";

	static final TenantId ACME = new TenantId("acme");

	static final ScriptedModelServer model = ScriptedModelServer.start(API_KEY);

	static final RecordingHttpServer slack = RecordingHttpServer.start();

	static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	MeterRegistry meters;

	static boolean deployed;

	@DynamicPropertySource
	static void endpoints(DynamicPropertyRegistry properties) {
		properties.add("brain.connectors.endpoints.slack", () -> slack.url("/api"));
		properties.add("brain.agents.tenant-budgets.globex.tokens-per-day", () -> "100");
	}

	@BeforeEach
	void deployOnce() {
		model.reset();
		if (!deployed) {
			// One process per tenant: the in-process engine has no tenants of its own, so
			// a step's tenant is that of its process's deployment.
			ZeebeProcesses.deployFor(ACME, agentRun("brain-agent-acme"), this.client, this.registry);
			ZeebeProcesses.deployFor(new TenantId("globex"), agentRun("brain-agent-globex"), this.client,
					this.registry);
			deployed = true;
		}
	}

	@AfterAll
	static void stop() {
		model.close();
	}

	@Test
	void runWhenTheModelCallsAToolThenItRunsAsAStepAndTheAnswerEndsTheRunAndNoSecretReachesTheModel() {
		UUID agent = agent(ACME, "Campaign analyst", false, Map.of());
		slack.answer(200, Map.of("Content-Type", "application/json"),
				"{\"ok\":true,\"channel\":\"C1\",\"ts\":\"1.2\"}");
		model.callTools(List.of(new ToolCall("call_1", "slack_post_message",
				"{\"channel\":\"#marketing\",\"text\":\"Campaign 42 is paused.\",\"connection\":\"someone-elses\"}")),
				new Usage(300, 20))
			.answer("Done: I told #marketing that campaign 42 is paused.", new Usage(350, 15));

		Map<String, Object> variables = ZeebeProcesses.run(this.client, "brain-agent-acme",
				Map.of("agentId", agent.toString(), "agentVersion", 1, "sessionId", UUID.randomUUID().toString(),
						"prompt", "Tell the team about campaign 42."));

		assertThat(JSON.valueToTree(variables).at("/agentTurn/answer").asText())
			.isEqualTo("Done: I told #marketing that campaign 42 is paused.");
		assertThat(JSON.valueToTree(variables).at("/agentCounters/modelCalls").asInt()).isEqualTo(2);
		RecordingHttpServer.Recorded posted = slack.take(Duration.ofSeconds(5));
		assertThat(posted.uri().getPath()).isEqualTo("/api/chat.postMessage");
		assertThat(posted.header("Authorization")).isEqualTo("Bearer " + BOT_TOKEN);
		assertThat(posted.body()).contains("Campaign 42 is paused.");
		// The model saw the role, the prompt, the tool, and the tool's result as
		// delimited data.
		JsonNode first = model.request(0);
		// Streamed, so a chat shows the answer as it is generated.
		assertThat(first.at("/stream").asBoolean()).isTrue();
		assertThat(first.at("/messages/0/content").asText()).contains("witty marketing expert");
		assertThat(first.at("/messages/1/content").asText()).isEqualTo("Tell the team about campaign 42.");
		assertThat(first.at("/tools/0/function/name").asText()).isEqualTo("slack_post_message");
		assertThat(first.at("/tools/0/function/parameters/properties").has("connection")).isFalse();
		JsonNode second = model.request(1);
		JsonNode toolMessage = second.at("/messages/3");
		assertThat(toolMessage.at("/role").asText()).isEqualTo("tool");
		assertThat(toolMessage.at("/tool_call_id").asText()).isEqualTo("call_1");
		assertThat(toolMessage.at("/content").asText()).startsWith("The tool answered:\n<tool-result>");
		assertThat(String.join("\n", model.requests())).doesNotContain(API_KEY).doesNotContain(BOT_TOKEN);
		assertThat(tokens(ACME, agent)).isEqualTo(300 + 20 + 350 + 15);
		assertThat(this.meters.get("brain.agent.tool.calls")
			.tag("tool", "slack_post_message")
			.tag("outcome", "done")
			.counter()
			.count()).isGreaterThanOrEqualTo(1);
		assertThat(this.meters.get("brain.agent.tokens").tag("tenant", "acme").tag("kind", "input").counters())
			.isNotEmpty();
	}

	@Test
	void runWhenAWriteNeedsApprovalAndIsDeniedThenTheDenialReachesTheModelAndNothingIsCalled() {
		UUID agent = agent(ACME, "Careful poster", true, Map.of());
		model
			.callTools(List.of(new ToolCall("call_7", "slack_post_message",
					"{\"channel\":\"#general\",\"text\":\"Everything is 90% off!\"}")), new Usage(100, 10))
			.answer("Understood, I will not post it.", new Usage(120, 8));
		long run = startRun(agent, "Announce the sale.");
		// The run waits for a person at the call.
		await().atMost(Duration.ofSeconds(10)).until(() -> model.turnsLeft() == 1);
		this.client.newPublishMessageCommand()
			.messageName("agent-approval")
			.correlationKey("call_7")
			.variables(
					Map.of("approval", Map.of("decision", "DENIED", "by", "acme-admin", "reason", "not before Friday")))
			.send()
			.join();
		await().atMost(Duration.ofSeconds(15)).until(() -> model.turnsLeft() == 0);
		JsonNode second = model.request(1);
		assertThat(second.at("/messages/3/content").asText())
			.isEqualTo("Denied by acme-admin: not before Friday. The call was not made.");
		assertThat(slack.received()).isZero();
		assertThat(run).isPositive();
	}

	@Test
	void runWhenTheAgentDeliversToSlackThenItsAnswerIsPostedThere() {
		UUID agent = agent(ACME, "Reporter", false, Map.of(), true);
		slack.answer(200, Map.of("Content-Type", "application/json"),
				"{\"ok\":true,\"channel\":\"C9\",\"ts\":\"2.1\"}");
		model.answer("Leads are up 12% this week.", new Usage(40, 8));
		Map<String, Object> variables = ZeebeProcesses.run(this.client, "brain-agent-acme", Map.of("agentId",
				agent.toString(), "agentVersion", 1, "sessionId", UUID.randomUUID().toString(), "prompt", "Report."));
		RecordingHttpServer.Recorded posted = slack.take(Duration.ofSeconds(5));
		assertThat(posted.uri().getPath()).isEqualTo("/api/chat.postMessage");
		assertThat(posted.body()).contains("#reports").contains("Leads are up 12% this week.");
		assertThat(JSON.valueToTree(variables).at("/delivered/kind").asText()).isEqualTo("SLACK");
	}

	@Test
	void runWhenTheModelCallsAToolNotToggledThenRefusedAndTheModelIsTold() {
		UUID agent = agent(ACME, "Limited poster", false, Map.of());
		model
			.callTools(List.of(new ToolCall("call_2", "wordpress_create_post", "{\"title\":\"Hi\"}")), new Usage(50, 5))
			.answer("I cannot post to WordPress.", new Usage(60, 5));
		ZeebeProcesses.run(this.client, "brain-agent-acme", Map.of("agentId", agent.toString(), "agentVersion", 1,
				"sessionId", UUID.randomUUID().toString(), "prompt", "Post to the blog."));
		assertThat(model.request(1).at("/messages/3/content").asText())
			.isEqualTo("Refused: 'wordpress_create_post' is not one of this agent's tools.");
	}

	@Test
	void runWhenItReachesItsModelCallLimitThenAnIncidentSaysSo() {
		UUID agent = agent(ACME, "Short-winded", false, Map.of("maxModelCalls", 1));
		slack.answer(200, Map.of("Content-Type", "application/json"),
				"{\"ok\":true,\"channel\":\"C1\",\"ts\":\"1.3\"}");
		model.callTools(List.of(new ToolCall("call_3", "slack_post_message", "{\"channel\":\"#a\",\"text\":\"x\"}")),
				new Usage(10, 5));
		long run = startRun(agent, "Go.");
		ZeebeProcesses.awaitIncident(this.engine, run, "limit of 1 model calls");
	}

	@Test
	void runWhenTheModelAsksForMoreToolCallsThanItsLimitThenAnIncidentAndNoToolRuns() {
		UUID agent = agent(ACME, "No tools", false, Map.of("maxToolCalls", 0));
		model.callTools(List.of(new ToolCall("call_4", "slack_post_message", "{\"channel\":\"#a\",\"text\":\"x\"}")),
				new Usage(10, 5));
		long run = startRun(agent, "Go.");
		ZeebeProcesses.awaitIncident(this.engine, run, "limit of 0 tool calls");
		assertThat(slack.received()).isZero();
	}

	@Test
	void runWhenItReachesItsTokenLimitThenAnIncidentAndNoFurtherModelCall() {
		UUID agent = agent(ACME, "Token-light", false, Map.of("maxTokens", 1000));
		slack.answer(200, Map.of("Content-Type", "application/json"),
				"{\"ok\":true,\"channel\":\"C1\",\"ts\":\"1.4\"}");
		model
			.callTools(List.of(new ToolCall("call_5", "slack_post_message", "{\"channel\":\"#a\",\"text\":\"y\"}")),
					new Usage(900, 200))
			.answer("never asked", new Usage(1, 1));
		long run = startRun(agent, "Go.");
		ZeebeProcesses.awaitIncident(this.engine, run, "limit of 1000 tokens");
		assertThat(model.turnsLeft()).isOne();
	}

	@Test
	void runWhenTheTenantIsOverItsBudgetThenAnIncidentAndNoRequestToTheModel() {
		TenantId globex = new TenantId("globex");
		UUID agent = agent(globex, "Globex analyst", false, Map.of());
		TenantContext.run("globex", () -> this.jdbc.sql("""
				insert into agent_token_usage (tenant_id, day, agent_id, model, input_tokens, output_tokens)
				values ('globex', (now() at time zone 'utc')::date, :agent, 'gpt-test', 90, 10)
				""").param("agent", agent).update());
		model.answer("never", new Usage(1, 1));
		long globexRun = this.client.newCreateInstanceCommand()
			.bpmnProcessId("brain-agent-globex")
			.latestVersion()
			.variables(Map.of("agentId", agent.toString(), "agentVersion", 1, "sessionId", UUID.randomUUID().toString(),
					"prompt", "Anything."))
			.send()
			.join()
			.getProcessInstanceKey();
		ZeebeProcesses.awaitIncident(this.engine, globexRun, "spent their budget of 100 tokens for today");
		assertThat(model.requests()).isEmpty();
	}

	/** The run of an agent as the api deploys it, under a process id of its own. */
	private static BpmnModelInstance agentRun(String processId) {
		BpmnModelInstance model = Bpmn
			.readModelFromStream(AgentRunTests.class.getResourceAsStream("/agents/agent-run.bpmn"));
		model.getModelElementsByType(Process.class).forEach((process) -> process.setId(processId));
		return model;
	}

	private long startRun(UUID agent, String prompt) {
		return this.client.newCreateInstanceCommand()
			.bpmnProcessId("brain-agent-acme")
			.latestVersion()
			.variables(Map.of("agentId", agent.toString(), "agentVersion", 1, "sessionId", UUID.randomUUID().toString(),
					"prompt", prompt))
			.send()
			.join()
			.getProcessInstanceKey();
	}

	/** An agent as the api stores it, with a model connection and a Slack tool. */
	private UUID agent(TenantId tenant, String name, boolean approval, Map<String, Object> limits) {
		return agent(tenant, name, approval, limits, false);
	}

	private UUID agent(TenantId tenant, String name, boolean approval, Map<String, Object> limits,
			boolean deliverToSlack) {
		UUID openai = ZeebeProcesses.createConnection(this.jdbc, this.secrets, tenant.value(), "openai",
				"model-" + UUID.randomUUID(),
				"{\"baseUrl\": \"" + model.baseUrl() + "\", \"defaultModel\": \"gpt-test\"}",
				Map.of("apiKey", API_KEY));
		UUID slackConnection = ZeebeProcesses.createConnection(this.jdbc, this.secrets, tenant.value(), "slack",
				"slack-" + UUID.randomUUID(), "{}", Map.of("botToken", BOT_TOKEN));
		UUID id = UUID.randomUUID();
		Map<String, Object> config = new java.util.HashMap<>(Map
			.of("name", name, "role", "You are a witty marketing expert.", "model", Map
				.of("connectionId", openai.toString(), "model", "gpt-test", "temperature", 0.3, "maxOutputTokens", 500),
					"tools",
					List.of(Map.of("connector", "slack", "action", "post-message", "connectionId",
							slackConnection.toString(), "access", "WRITE", "requiresApproval", approval, "name",
							"slack_post_message")),
					"limits", limits));
		if (deliverToSlack) {
			config.put("delivery",
					Map.of("kind", "SLACK", "connectionId", slackConnection.toString(), "channel", "#reports"));
		}
		TenantContext.run(tenant.value(), () -> {
			this.jdbc.sql("""
					insert into agent (id, tenant_id, key, name, current_version, created_by, updated_by)
					values (:id, :tenant, :key, :name, 1, 'test', 'test')
					""")
				.param("id", id)
				.param("tenant", tenant.value())
				.param("key", "agent-" + id.toString().substring(0, 8))
				.param("name", name)
				.update();
			this.jdbc.sql("""
					insert into agent_version (agent_id, tenant_id, version, config, created_by)
					values (:id, :tenant, 1, cast(:config as jsonb), 'test')
					""").param("id", id).param("tenant", tenant.value()).param("config", write(config)).update();
		});
		return id;
	}

	/** The tokens an agent of a tenant spent. */
	private long tokens(TenantId tenant, UUID agent) {
		return TenantContext.call(tenant.value(), () -> this.jdbc
			.sql("select coalesce(sum(input_tokens + output_tokens), 0) from agent_token_usage where agent_id = :agent")
			.param("agent", agent)
			.query(Long.class)
			.single());
	}

	private static String write(Object value) {
		try {
			return JSON.writeValueAsString(value);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
