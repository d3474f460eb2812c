package io.brain.api.deployment;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brain.api.ApiTestContext;
import io.brain.api.TestTokens;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A tenant's BPMN cannot reach another tenant's processes, signals, errors or
 * escalations, whether it names them literally or computes them with an expression; each
 * case also runs inside one tenant, so a test passing because nothing runs at all would
 * show.
 */
class TenantReachTests extends ApiTestContext {

	static final ObjectMapper JSON = new ObjectMapper();

	private static final AtomicInteger tenants = new AtomicInteger();

	@ParameterizedTest
	@ValueSource(strings = { "secret-flow", "=\"secret-flow\"", "=\"secret\" + \"-flow\"", "reach-b__secret-flow",
			"=\"reach-b\" + \"__secret-flow\"", "=\"reach-b__secret-flow\" // comment" })
	void callActivityWhenItNamesAnotherTenantsProcessThenThatProcessDoesNotRun(String processId) throws Exception {
		String victim = tenant();
		String caller = tenant();
		deploy(victim, secretFlow("secret-flow"));
		deploy(caller, caller("caller", processId.replace("reach-b", victim)));

		String run = start(caller, "caller");

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(run(caller, run).get("incidents").size()).isEqualTo(1));
		assertThat(run(caller, run).at("/variables/plans").isMissingNode()).isTrue();
		assertThat(runs(victim)).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "child", "=\"child\"", "=childId" })
	void callActivityWhenItNamesItsOwnTenantsProcessThenItRunsAndHandsBackItsOutput(String processId) throws Exception {
		String tenant = tenant();
		deploy(tenant, secretFlow("child"));
		deploy(tenant, caller("own-caller", processId));

		String run = start(tenant, "own-caller", Map.of("childId", "child"));

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(run(tenant, run).get("state").asText()).isEqualTo("COMPLETED"));
		assertThat(run(tenant, run).at("/variables/plans").asText()).isEqualTo("the plans of " + tenant);
	}

	@Test
	void signalWhenThrownThenOnlyTheThrowingTenantsProcessesStart() throws Exception {
		// A signal name computed by an expression is refused when saved (see below).
		String signalName = "campaign-launched";
		String thrower = tenant();
		String listener = tenant();
		BpmnModelInstance listening = Bpmn.createExecutableProcess("on-launch")
			.startEvent()
			.signal("campaign-launched")
			.endEvent()
			.done();
		deploy(listener, listening);
		deploy(thrower, listening);
		deploy(thrower, Bpmn.createExecutableProcess("launch").startEvent().endEvent().signal(signalName).done());

		String run = start(thrower, "launch");

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(run(thrower, run).get("state").asText()).isEqualTo("COMPLETED"));
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(runs(thrower)).isEqualTo(2));
		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> runs(listener) == 0);
	}

	@Test
	void errorAndEscalationWhenThrownThenAnotherTenantsRunWaitingForThemIsNotReached() throws Exception {
		String thrower = tenant();
		String waiter = tenant();
		BpmnModelInstance waiting = Bpmn.createExecutableProcess("waiting")
			.eventSubProcess("on-error",
					(sub) -> sub.startEvent().error("order-failed").endEvent("caught-error").done())
			.eventSubProcess("on-escalation",
					(sub) -> sub.startEvent().escalation("order-late").endEvent("caught-escalation").done())
			.startEvent()
			.serviceTask("wait", (task) -> task.zeebeJobType("reach-tests-nobody"))
			.endEvent()
			.done();
		deploy(waiter, waiting);
		String waitingRun = start(waiter, "waiting");
		deploy(thrower,
				Bpmn.createExecutableProcess("escalate").startEvent().endEvent().escalation("order-late").done());
		deploy(thrower, Bpmn.createExecutableProcess("fail").startEvent().endEvent().error("order-failed").done());

		String escalated = start(thrower, "escalate");
		String failed = start(thrower, "fail");

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(run(thrower, escalated).get("state").asText()).isEqualTo("COMPLETED");
			// An error nothing catches ends the run on the open engine (as an error end
			// event does in BPMN), and stops it with an incident on Camunda 8.
			JsonNode thrown = run(thrower, failed);
			assertThat(thrown.get("state").asText().equals("COMPLETED") || thrown.get("incidents").size() == 1)
				.isTrue();
		});
		JsonNode untouched = run(waiter, waitingRun);
		assertThat(untouched.get("state").asText()).isEqualTo("ACTIVE");
		assertThat(untouched.toString()).doesNotContain("caught-error").doesNotContain("caught-escalation");
	}

	@ParameterizedTest
	@ValueSource(strings = { "=\"x\") + (\"y\"", "=\"unclosed", "='reach-b__secret-flow'", "=" })
	void saveWhenCalledProcessExpressionIsNoFeelThenRefusedOnTheElement(String processId) throws Exception {
		String diagram = Bpmn.convertToString(caller("escape", processId));
		this.mvc
			.perform(post("/api/automations").with(editor("reach-h"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(JSON.writeValueAsString(Map.of("key", "escape", "name", "Escape", "bpmnXml", diagram))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.problems[?(@.elementId == 'call')].message",
					hasItem(containsString("is not valid FEEL"))));
		this.mvc
			.perform(post("/api/deployments").with(editor("reach-h"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(JSON.writeValueAsString(Map.of("resourceName", "escape.bpmn", "bpmnXml", diagram))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("bpmnXml"))
			.andExpect(jsonPath("$.problems[0].elementId").value("call"));
	}

	@Test
	void saveWhenSignalNameIsAnExpressionThenRefusedOnTheElement() throws Exception {
		String diagram = Bpmn.convertToString(Bpmn.createExecutableProcess("shout")
			.startEvent()
			.endEvent("shout-end")
			.signal("=name /* x */")
			.done());
		this.mvc
			.perform(post("/api/deployments").with(editor("reach-h"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(JSON.writeValueAsString(Map.of("resourceName", "shout.bpmn", "bpmnXml", diagram))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.problems[0].elementId").value("shout-end"))
			.andExpect(jsonPath("$.problems[0].message", containsString("signal name")));
	}

	/**
	 * A tenant of its own for each case, so runs of one case cannot pass or fail another.
	 */
	private static String tenant() {
		return "reach-t" + tenants.incrementAndGet();
	}

	/** Sets "plans" to a text naming the tenant that ran it. */
	static BpmnModelInstance secretFlow(String processId) {
		return Bpmn.createExecutableProcess(processId)
			.startEvent()
			.scriptTask("plans",
					(task) -> task.zeebeExpression("\"the plans of \" + tenantName").zeebeResultVariable("plans"))
			.endEvent()
			.done();
	}

	static BpmnModelInstance caller(String processId, String calledProcessId) {
		return Bpmn.createExecutableProcess(processId)
			.startEvent()
			.callActivity("call", (call) -> call.zeebeProcessId(calledProcessId))
			.endEvent()
			.done();
	}

	private void deploy(String tenant, BpmnModelInstance model) throws Exception {
		String body = JSON
			.writeValueAsString(Map.of("resourceName", "reach.bpmn", "bpmnXml", Bpmn.convertToString(model)));
		this.mvc
			.perform(
					post("/api/deployments").with(editor(tenant)).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isCreated());
	}

	private String start(String tenant, String processId) throws Exception {
		return start(tenant, processId, Map.of());
	}

	private String start(String tenant, String processId, Map<String, Object> variables) throws Exception {
		Map<String, Object> all = new HashMap<>(variables);
		all.put("tenantName", tenant);
		return JSON.readTree(this.mvc
			.perform(post("/api/runs").with(operator(tenant))
				.contentType(MediaType.APPLICATION_JSON)
				.content(JSON.writeValueAsString(Map.of("processId", processId, "variables", all))))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString()).get("id").asText();
	}

	private JsonNode run(String tenant, String id) throws Exception {
		return JSON.readTree(this.mvc.perform(get("/api/runs/{id}", id).with(operator(tenant)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private int runs(String tenant) throws Exception {
		return JSON
			.readTree(this.mvc.perform(get("/api/runs").with(operator(tenant)))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString())
			.get("total")
			.asInt();
	}

	private static RequestPostProcessor editor(String tenant) {
		return TestTokens.user(tenant, "editor");
	}

	private static RequestPostProcessor operator(String tenant) {
		return TestTokens.user(tenant, "operator");
	}

}
