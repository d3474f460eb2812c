package io.brain.api.message;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brain.api.ApiTestContext;
import io.brain.api.TestTokens;
import io.brain.core.tenant.TenantContext;
import io.camunda.zeebe.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The public message API and the message names Brain deploys: a message resumes the run
 * of its own tenant waiting for it, never another tenant's.
 */
class MessageTests extends ApiTestContext {

	static final ObjectMapper JSON = new ObjectMapper();

	@Test
	void publishWhenTwoTenantsWaitForTheSameMessageAndKeyThenOnlyTheCallersRunResumes() throws Exception {
		deployAwaitingPayment("messages-a");
		deployAwaitingPayment("messages-b");
		String runOfA = startRun("messages-a", "X-1");
		String runOfB = startRun("messages-b", "X-1");
		String key = apiKey("messages-a");

		this.mvc
			.perform(post("/api/v1/messages").header("X-API-Key", key)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"order-paid\",\"correlationKey\":\"X-1\",\"variables\":{\"paid\":1999}}"))
			.andExpect(status().isCreated())
			.andExpect(header().string("Idempotent-Replayed", "false"))
			.andExpect(jsonPath("$.name").value("order-paid"))
			.andExpect(jsonPath("$.correlationKey").value("X-1"))
			.andExpect(jsonPath("$.alreadyPublished").value(false));

		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> this.mvc.perform(get("/api/runs/{id}", runOfA).header("X-API-Key", key))
				.andExpect(jsonPath("$.state").value("COMPLETED"))
				.andExpect(jsonPath("$.variables.paid").value(1999)));
		await().during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(3))
			.untilAsserted(() -> this.mvc.perform(get("/api/runs/{id}", runOfB).with(editor("messages-b")))
				.andExpect(jsonPath("$.state").value("ACTIVE")));
		assertThat(TenantContext.call("messages-a", () -> this.jdbc.sql(
				"select count(*) from audit_log where metadata ->> 'request' = 'POST /api/v1/messages' and outcome = 'SUCCESS'"
						+ " and actor_kind = 'API_KEY'")
			.query(Long.class)
			.single())).isEqualTo(1);

		// Tenant B's own message resumes its run.
		this.mvc
			.perform(post("/api/v1/messages").with(editor("messages-b"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"order-paid\",\"correlationKey\":\"X-1\"}"))
			.andExpect(status().isCreated());
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> this.mvc.perform(get("/api/runs/{id}", runOfB).with(editor("messages-b")))
				.andExpect(jsonPath("$.state").value("COMPLETED")));
	}

	@Test
	void publishWhenMessageIdWasPublishedBeforeThenNotPublishedAgain() throws Exception {
		String body = "{\"name\":\"invoice-sent\",\"correlationKey\":\"I-1\",\"messageId\":\"invoice-1\","
				+ "\"timeToLive\":60000}";
		this.mvc
			.perform(post("/api/v1/messages").with(editor("messages-c"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.messageId").value("invoice-1"))
			.andExpect(jsonPath("$.messageKey").isNotEmpty());
		this.mvc
			.perform(post("/api/v1/messages").with(editor("messages-c"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isOk())
			.andExpect(header().string("Idempotent-Replayed", "true"))
			.andExpect(jsonPath("$.alreadyPublished").value(true))
			.andExpect(jsonPath("$.messageKey").doesNotExist());
		// Message ids are kept apart per tenant too.
		this.mvc
			.perform(post("/api/v1/messages").with(editor("messages-d"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isCreated());
	}

	@Test
	void publishWhenInputIsBadThenProblemNamingTheField() throws Exception {
		refused("{\"correlationKey\":\"X-1\"}", "name");
		refused("{\"name\":\"=orderEvent\",\"correlationKey\":\"X-1\"}", "name");
		refused("{\"name\":\" order-paid\",\"correlationKey\":\"X-1\"}", "name");
		refused("{\"name\":\"order-paid\"}", "correlationKey");
		refused("{\"name\":\"order-paid\",\"correlationKey\":\"X-1\",\"timeToLive\":-1}", "timeToLive");
		refused("{\"name\":\"order-paid\",\"correlationKey\":\"X-1\",\"variables\":[1,2]}", "variables");
		refused("{\"name\":\"order-paid\",\"correlationKey\":\"X-1\",\"messageId\":\"\"}", "messageId");
		this.mvc
			.perform(post("/api/v1/messages").with(TestTokens.user("messages-e", "viewer"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"order-paid\",\"correlationKey\":\"X-1\"}"))
			.andExpect(status().isForbidden());
	}

	@Test
	void deployWhenMessageNameIsAnExpressionThenRefusedNamingTheElement() throws Exception {
		String diagram = Bpmn.convertToString(Bpmn.createExecutableProcess("p")
			.startEvent()
			.intermediateCatchEvent("wait-for-event")
			.message((message) -> message.name("=eventName").zeebeCorrelationKeyExpression("orderId"))
			.endEvent()
			.done());
		this.mvc
			.perform(post("/api/automations").with(editor("messages-f"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(JSON.writeValueAsString(Map.of("key", "dynamic", "name", "Dynamic", "bpmnXml", diagram))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.problems[0].elementId").value("wait-for-event"))
			.andExpect(jsonPath("$.problems[0].message", containsString("plain text")));
		this.mvc
			.perform(post("/api/deployments").with(editor("messages-f"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(JSON.writeValueAsString(Map.of("resourceName", "dynamic.bpmn", "bpmnXml", diagram))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("bpmnXml"))
			.andExpect(jsonPath("$.problems[0].elementId").value("wait-for-event"));
	}

	private void refused(String body, String field) throws Exception {
		this.mvc
			.perform(post("/api/v1/messages").with(editor("messages-e"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.field").value(field));
	}

	/**
	 * Deploys "await-payment": waits for "order-paid" with the run's orderId, then ends.
	 */
	private void deployAwaitingPayment(String tenant) throws Exception {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("key", "await-payment");
		body.put("name", "Await payment");
		body.put("bpmnXml",
				Bpmn.convertToString(Bpmn.createExecutableProcess("p")
					.startEvent()
					.intermediateCatchEvent("wait-for-payment")
					.message((message) -> message.name("order-paid").zeebeCorrelationKeyExpression("orderId"))
					.endEvent()
					.done()));
		this.mvc
			.perform(post("/api/automations").with(editor(tenant))
				.contentType(MediaType.APPLICATION_JSON)
				.content(JSON.writeValueAsString(body)))
			.andExpect(status().isCreated());
		this.mvc.perform(post("/api/automations/await-payment/versions/1/deployment").with(editor(tenant)))
			.andExpect(status().isOk());
	}

	private String startRun(String tenant, String orderId) throws Exception {
		JsonNode run = JSON.readTree(this.mvc
			.perform(post("/api/v1/automations/await-payment/runs").with(editor(tenant))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"orderId\":\"" + orderId + "\"}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString());
		return run.get("id").asText();
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

	private static RequestPostProcessor editor(String tenant) {
		return TestTokens.user(tenant, "editor");
	}

}
