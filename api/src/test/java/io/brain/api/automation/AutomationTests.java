package io.brain.api.automation;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brain.api.ApiTestContext;
import io.brain.api.TestTokens;
import io.brain.core.tenant.TenantContext;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Automations: saved as checked, versioned drafts, deployed under their key, and started
 * through the public API once per idempotency key.
 */
class AutomationTests extends ApiTestContext {

	static final ObjectMapper JSON = new ObjectMapper();

	@Test
	void automationWhenCreatedSavedAndDeployedThenVersionsMoveFromDraftToDeployedToArchived() throws Exception {
		this.mvc
			.perform(post("/api/automations").with(editor("auto-a"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(save(null, "Welcome new leads!", plain("Process_0abc"), "first draft")))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.key").value("welcome-new-leads"))
			.andExpect(jsonPath("$.latestVersion").value(1))
			.andExpect(jsonPath("$.deployedVersion").doesNotExist());

		this.mvc.perform(post("/api/automations/welcome-new-leads/versions/1/deployment").with(editor("auto-a")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("DEPLOYED"))
			.andExpect(jsonPath("$.deployedBy").isNotEmpty());
		this.mvc
			.perform(put("/api/automations/welcome-new-leads").with(editor("auto-a"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(save(null, "Welcome new leads", plain("Process_0abc"), "second")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value(2))
			.andExpect(jsonPath("$.status").value("DRAFT"));
		this.mvc.perform(post("/api/automations/welcome-new-leads/versions/2/deployment").with(editor("auto-a")))
			.andExpect(jsonPath("$.status").value("DEPLOYED"));

		this.mvc.perform(get("/api/automations/welcome-new-leads/versions").with(editor("auto-a")))
			.andExpect(jsonPath("$[0].version").value(2))
			.andExpect(jsonPath("$[0].status").value("DEPLOYED"))
			.andExpect(jsonPath("$[1].status").value("ARCHIVED"))
			.andExpect(jsonPath("$[1].note").value("first draft"))
			.andExpect(jsonPath("$[1].bpmnXml").doesNotExist());
		this.mvc.perform(get("/api/automations/welcome-new-leads/versions/1").with(editor("auto-a")))
			.andExpect(jsonPath("$.bpmnXml", containsString("Process_0abc")));
		this.mvc.perform(get("/api/deployments").with(editor("auto-a")))
			.andExpect(jsonPath("$[?(@.processId == 'welcome-new-leads')].version", containsInAnyOrder(1, 2)));
		this.mvc.perform(get("/api/automations/welcome-new-leads").with(editor("auto-b")))
			.andExpect(status().isNotFound());
	}

	@Test
	void saveWhenDiagramHasProblemsThenEachIsNamedOnItsElementAndNothingIsStored() throws Exception {
		BpmnModelInstance broken = Bpmn.createExecutableProcess("broken")
			.startEvent("start")
			.serviceTask("unknown-connector", (task) -> task.zeebeJobType("io.brain:fax:1"))
			.serviceTask("no-connection",
					(task) -> task.zeebeJobType("io.brain:wordpress:1").zeebeTaskHeader("operation", "create-post"))
			.serviceTask("foreign-connection",
					(task) -> task.zeebeJobType("io.brain:wordpress:1")
						.zeebeTaskHeader("operation", "create-post")
						.zeebeInput("other-tenants-blog", "connection"))
			.endEvent()
			.done();
		connection("auto-other", "wordpress", "other-tenants-blog");

		this.mvc
			.perform(post("/api/automations").with(editor("auto-c"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(save("broken", "Broken", Bpmn.convertToString(broken), null)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("bpmnXml"))
			.andExpect(jsonPath("$.problems[*].elementId",
					containsInAnyOrder("unknown-connector", "no-connection", "foreign-connection")))
			.andExpect(jsonPath("$.problems[?(@.elementId == 'unknown-connector')].message")
				.value("Brain has no connector with the job type 'io.brain:fax:1'."))
			.andExpect(jsonPath("$.problems[?(@.elementId == 'no-connection')].message")
				.value("WordPress: Connection is required (input 'connection')."))
			.andExpect(jsonPath("$.problems[?(@.elementId == 'foreign-connection')].message").value(
					"This tenant has no WordPress connection named 'other-tenants-blog'. Create it on the Connectors page."));
		this.mvc.perform(get("/api/automations").with(editor("auto-c"))).andExpect(jsonPath("$.total").value(0));

		this.mvc
			.perform(post("/api/automations").with(editor("auto-c"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(save("not-bpmn", "Not BPMN", "<definitions>nope", null)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.problems[0].message", containsString("not BPMN XML")));
		this.mvc
			.perform(post("/api/automations").with(editor("auto-c"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(save("Bad Key!", "Bad key", plain("p"), null)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("key"));
		this.mvc.perform(get("/api/automations").with(editor("auto-c"))).andExpect(jsonPath("$.total").value(0));
	}

	@Test
	void startRunWhenSameIdempotencyKeyTwiceThenOneRunAndUnknownOrUndeployedAutomationsAreRefused() throws Exception {
		this.mvc
			.perform(post("/api/automations").with(editor("auto-d"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(save("order-paid", "Order paid", plain("p"), null)))
			.andExpect(status().isCreated());
		this.mvc
			.perform(post("/api/v1/automations/order-paid/runs").with(editor("auto-d"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("no deployed version")));
		this.mvc.perform(post("/api/automations/order-paid/versions/1/deployment").with(editor("auto-d")))
			.andExpect(status().isOk());
		String key = apiKey("auto-d");

		String first = this.mvc
			.perform(post("/api/v1/automations/order-paid/runs").header("X-API-Key", key)
				.header("Idempotency-Key", "order-1001")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"orderId\": 1001}"))
			.andExpect(status().isCreated())
			.andExpect(header().string("Idempotent-Replayed", "false"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String runId = JSON.readTree(first).get("id").asText();
		this.mvc
			.perform(post("/api/v1/automations/order-paid/runs").header("X-API-Key", key)
				.header("Idempotency-Key", "order-1001")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"orderId\": 1001}"))
			.andExpect(status().isOk())
			.andExpect(header().string("Idempotent-Replayed", "true"))
			.andExpect(jsonPath("$.id").value(runId));
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> this.mvc.perform(get("/api/runs/{id}", runId).header("X-API-Key", key))
				.andExpect(jsonPath("$.state").value("COMPLETED")));
		assertThat(TenantContext.call("auto-d",
				() -> this.jdbc.sql("select count(*) from run where process_id = 'order-paid'")
					.query(Long.class)
					.single()))
			.isEqualTo(1);

		this.mvc
			.perform(post("/api/v1/automations/no-such-flow/runs").header("X-API-Key", key)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{}"))
			.andExpect(status().isNotFound());
		this.mvc.perform(delete("/api/automations/order-paid").with(editor("auto-d")))
			.andExpect(status().isNoContent());
		this.mvc.perform(get("/api/automations/order-paid").with(editor("auto-d"))).andExpect(status().isNotFound());
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor editor(String tenant) {
		return TestTokens.user(tenant, "editor");
	}

	private String apiKey(String tenant) throws Exception {
		JsonNode created = JSON.readTree(this.mvc
			.perform(post("/api/api-keys").with(TestTokens.user(tenant, "tenant-admin"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"Shop\",\"permissions\":[\"runs:start\",\"runs:read\"]}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString());
		return created.get("key").asText();
	}

	private void connection(String tenant, String type, String name) {
		TenantContext.run(tenant,
				() -> this.jdbc.sql("""
						insert into connector_connection (id, tenant_id, type, name, config, created_by)
						values (:id, :tenant, :type, :name, '{}'::jsonb, 'test')
						""")
					.param("id", UUID.randomUUID())
					.param("tenant", tenant)
					.param("type", type)
					.param("name", name)
					.update());
	}

	/** A flow with no connector step: start, end. */
	static String plain(String processId) {
		return Bpmn.convertToString(Bpmn.createExecutableProcess(processId).startEvent().endEvent().done());
	}

	static String save(String key, String name, String bpmnXml, String note) throws Exception {
		Map<String, Object> body = new java.util.LinkedHashMap<>();
		body.put("key", key);
		body.put("name", name);
		body.put("bpmnXml", bpmnXml);
		body.put("note", note);
		return JSON.writeValueAsString(body);
	}

}
