package io.brain.api.run;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brain.api.ApiTestContext;
import io.brain.api.TestTokens;
import io.brain.api.TestWorker;
import io.brain.core.tenant.TenantId;
import io.brain.engine.Engine;
import io.brain.engine.TaskRunner;
import io.brain.engine.TaskSource;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The Runs page's API on the engine's own history: the open engine embedded in the api
 * runs the processes, a worker works their tasks through the engine port, and the api
 * reads the runs back.
 */
class RunTests extends ApiTestContext {

	static final ObjectMapper JSON = new ObjectMapper();

	static final String CREDENTIALS_REJECTED = "HubSpot rejected the access token (401)";

	@Autowired
	TaskSource tasks;

	@Autowired
	Engine engine;

	TaskRunner worker;

	@AfterEach
	void closeWorker() {
		if (this.worker != null) {
			this.worker.close();
		}
	}

	@Test
	void getWhenRunCompletesThenTimelineHasEachStepWithDurationAndTheRunsVariables() throws Exception {
		deploy("runs-a", Bpmn.createExecutableProcess("welcome")
			.startEvent("signed-up")
			.name("Signed up")
			.serviceTask("send-mail", (task) -> task.name("Send the welcome mail").zeebeJobType("runs-test-mail"))
			.endEvent("done")
			.done());
		complete("runs-test-mail", Map.of("sent", true));

		String id = start("runs-a", "welcome", Map.of("email", "ada@example.com"));

		JsonNode run = awaitState("runs-a", id, "COMPLETED");
		assertThat(run.get("automation").asText()).isEqualTo("welcome");
		assertThat(run.get("version").asInt()).isEqualTo(1);
		assertThat(run.at("/start/kind").asText()).isEqualTo("BRAIN");
		assertThat(run.at("/start/by").asText()).isEqualTo("runs-a-operator");
		assertThat(run.at("/input/email").asText()).isEqualTo("ada@example.com");
		assertThat(run.at("/variables/email").asText()).isEqualTo("ada@example.com");
		assertThat(run.at("/variables/sent").asBoolean()).isTrue();
		assertThat(run.get("endedAt").isNull()).isFalse();
		assertThat(run.get("durationMs").asLong()).isGreaterThanOrEqualTo(0);
		JsonNode steps = run.get("steps");
		assertThat(steps).extracting((step) -> step.get("elementId").asText())
			.containsExactly("signed-up", "send-mail", "done");
		assertThat(steps).allSatisfy((step) -> {
			assertThat(step.get("outcome").asText()).isEqualTo("COMPLETED");
			assertThat(step.get("durationMs").isNumber()).isTrue();
		});
		assertThat(steps.get(1).get("name").asText()).isEqualTo("Send the welcome mail");
		assertThat(steps.get(1).get("type").asText()).isEqualTo("SERVICE_TASK");
		assertThat(steps.get(1).at("/job/state").asText()).isEqualTo("COMPLETED");
		assertThat(steps.get(1).at("/job/type").asText()).isEqualTo("runs-test-mail");
		assertThat(run.get("incidents")).isEmpty();
	}

	@Test
	void retryWhenStepFailedThreeTimesThenIncidentIsShownAndRetryAfterFixingCredentialsCompletesRun() throws Exception {
		deploy("runs-b", Bpmn.createExecutableProcess("crm-sync")
			.startEvent()
			.serviceTask("upsert-contact",
					(task) -> task.name("Upsert the contact").zeebeJobType("runs-test-crm").zeebeJobRetries("3"))
			.endEvent()
			.done());
		AtomicBoolean credentialsFixed = new AtomicBoolean();
		AtomicInteger attempts = new AtomicInteger();
		this.worker = TestWorker.open(this.tasks, "runs-test-crm", (task) -> {
			attempts.incrementAndGet();
			if (credentialsFixed.get()) {
				return new TaskRunner.TaskOutcome.Completed(Map.of("contactId", 42));
			}
			return new TaskRunner.TaskOutcome.Failed(CREDENTIALS_REJECTED, task.retries() - 1, Duration.ZERO);
		});

		String id = start("runs-b", "crm-sync", Map.of());

		JsonNode failed = awaitState("runs-b", id, "INCIDENT");
		assertThat(attempts.get()).isEqualTo(3);
		JsonNode incident = failed.at("/incidents/0");
		assertThat(incident.get("message").asText()).isEqualTo(CREDENTIALS_REJECTED);
		assertThat(incident.get("errorType").asText()).isEqualTo("JOB_NO_RETRIES");
		assertThat(incident.get("state").asText()).isEqualTo("OPEN");
		assertThat(incident.get("elementId").asText()).isEqualTo("upsert-contact");
		JsonNode step = failed.at("/steps/1");
		assertThat(step.get("outcome").asText()).isEqualTo("INCIDENT");
		assertThat(step.get("id").asText()).isEqualTo(incident.get("stepId").asText());
		assertThat(step.at("/job/retriesLeft").asInt()).isZero();
		assertThat(step.at("/job/errorMessage").asText()).isEqualTo(CREDENTIALS_REJECTED);
		this.mvc.perform(get("/api/runs").param("state", "INCIDENT").with(operator("runs-b")))
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].id").value(id))
			.andExpect(jsonPath("$.items[0].openIncidents").value(1));

		credentialsFixed.set(true);
		this.mvc.perform(post("/api/runs/{id}/retry", id).with(operator("runs-b")))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.action").value("RETRY"))
			.andExpect(jsonPath("$.resolvedIncidents[0]").value(incident.get("id").asText()));

		JsonNode completed = awaitState("runs-b", id, "COMPLETED");
		assertThat(attempts.get()).isEqualTo(4);
		assertThat(completed.at("/incidents/0/state").asText()).isEqualTo("RESOLVED");
		assertThat(completed.at("/incidents/0/resolvedAt").isNull()).isFalse();
		assertThat(completed.at("/steps/1/outcome").asText()).isEqualTo("COMPLETED");
		assertThat(completed.at("/variables/contactId").asInt()).isEqualTo(42);
		this.mvc.perform(post("/api/runs/{id}/retry", id).with(operator("runs-b")))
			.andExpect(status().isConflict())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void cancelWhenRunIsActiveThenCancelledAndItsStepTerminated() throws Exception {
		deploy("runs-c", waiting("approval"));
		String id = start("runs-c", "approval", Map.of());
		awaitStep("runs-c", id, "wait", "ACTIVE");

		this.mvc.perform(post("/api/runs/{id}/cancel", id).with(operator("runs-c")))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.action").value("CANCEL"));

		JsonNode cancelled = awaitState("runs-c", id, "CANCELLED");
		assertThat(cancelled.at("/steps/1/outcome").asText()).isEqualTo("TERMINATED");
		assertThat(cancelled.at("/steps/1/job/state").asText()).isEqualTo("CANCELED");
		this.mvc.perform(post("/api/runs/{id}/cancel", id).with(operator("runs-c")))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value("The run has ended (CANCELLED)."));
	}

	@Test
	void listWhenRunsStartedOnTheEngineOrByATimerThenTheyAreListedWithHowTheyStarted() throws Exception {
		deploy("runs-d", waiting("sync-orders"));
		deploy("runs-d",
				Bpmn.createExecutableProcess("nightly")
					.startEvent("every-night")
					.timerWithCycle("R1/PT1S")
					.endEvent()
					.done());
		String direct = this.engine.start(new TenantId("runs-d"), "sync-orders", Map.of(), null).runId();

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			JsonNode page = list("runs-d", Map.of());
			assertThat(page.get("total").asInt()).isEqualTo(2);
			assertThat(page.get("items")).extracting((run) -> run.at("/start/kind").asText())
				.containsExactlyInAnyOrder("ENGINE", "TIMER");
		});
		JsonNode timers = list("runs-d", Map.of("automation", "nightly"));
		assertThat(timers.get("total").asInt()).isEqualTo(1);
		assertThat(timers.at("/items/0/state").asText()).isEqualTo("COMPLETED");
		JsonNode active = list("runs-d", Map.of("state", "ACTIVE"));
		assertThat(active.get("items")).extracting((run) -> run.get("id").asText()).containsExactly(direct);
		assertThat(list("runs-d", Map.of("state", "cancelled", "size", "1")).get("total").asInt()).isZero();
		this.mvc.perform(get("/api/runs").param("state", "FAILED").with(operator("runs-d")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("state"));
		this.mvc.perform(get("/api/runs").param("size", "500").with(operator("runs-d")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("size"));
	}

	@Test
	void runWhenOfAnotherTenantThenNotFoundAndNotListed() throws Exception {
		deploy("runs-e", waiting("private"));
		String id = start("runs-e", "private", Map.of("secret", "plans"));
		awaitStep("runs-e", id, "wait", "ACTIVE");

		this.mvc.perform(get("/api/runs/{id}", id).with(operator("runs-f")))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(post("/api/runs/{id}/cancel", id).with(operator("runs-f"))).andExpect(status().isNotFound());
		this.mvc.perform(post("/api/runs/{id}/retry", id).with(operator("runs-f"))).andExpect(status().isNotFound());
		assertThat(list("runs-f", Map.of()).get("total").asInt()).isZero();
		this.mvc.perform(get("/api/runs/{id}", "not-a-run").with(operator("runs-e"))).andExpect(status().isNotFound());
		this.mvc
			.perform(post("/api/runs/{id}/retry", id).with(operator("runs-e"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"retries\": 0}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("retries"));
		this.mvc.perform(post("/api/runs/{id}/retry", id).with(operator("runs-e")))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value("The run has no failed step to retry."));
		this.mvc.perform(post("/api/runs/{id}/cancel", id).with(TestTokens.user("runs-e", "viewer")))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/api/runs/{id}/cancel", id).with(operator("runs-e"))).andExpect(status().isAccepted());
	}

	/** One service task nobody works on: the run waits there. */
	static BpmnModelInstance waiting(String processId) {
		return Bpmn.createExecutableProcess(processId)
			.startEvent()
			.serviceTask("wait", (task) -> task.zeebeJobType("runs-test-nobody"))
			.endEvent()
			.done();
	}

	String deploy(String tenant, BpmnModelInstance model) throws Exception {
		String body = JSON
			.writeValueAsString(Map.of("resourceName", "runs.bpmn", "bpmnXml", Bpmn.convertToString(model)));
		JsonNode deployment = JSON.readTree(
				this.mvc
					.perform(post("/api/deployments").with(TestTokens.user(tenant, "editor"))
						.contentType(MediaType.APPLICATION_JSON)
						.content(body))
					.andExpect(status().isCreated())
					.andReturn()
					.getResponse()
					.getContentAsString());
		return deployment.at("/processes/0/definitionId").asText();
	}

	void complete(String jobType, Map<String, Object> variables) {
		this.worker = TestWorker.completing(this.tasks, jobType, variables);
	}

	String start(String tenant, String processId, Map<String, Object> variables) throws Exception {
		JsonNode run = JSON.readTree(this.mvc
			.perform(post("/api/runs").with(operator(tenant))
				.contentType(MediaType.APPLICATION_JSON)
				.content(JSON.writeValueAsString(Map.of("processId", processId, "variables", variables))))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.state").value("ACTIVE"))
			.andExpect(jsonPath("$.start.kind").value("BRAIN"))
			.andReturn()
			.getResponse()
			.getContentAsString());
		return run.get("id").asText();
	}

	JsonNode awaitState(String tenant, String id, String state) {
		return await().atMost(Duration.ofSeconds(30))
			.until(() -> run(tenant, id), (run) -> run.get("state").asText().equals(state));
	}

	void awaitStep(String tenant, String id, String elementId, String outcome) {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> run(tenant, id),
					(run) -> List.copyOf(run.findParents("elementId"))
						.stream()
						.anyMatch((step) -> step.get("elementId").asText().equals(elementId)
								&& step.path("outcome").asText().equals(outcome)));
	}

	JsonNode run(String tenant, String id) throws Exception {
		return JSON.readTree(this.mvc.perform(get("/api/runs/{id}", id).with(operator(tenant)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	JsonNode list(String tenant, Map<String, String> params) throws Exception {
		var request = get("/api/runs").with(operator(tenant));
		params.forEach((name, value) -> request.param(name, value));
		return JSON.readTree(
				this.mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
	}

	static RequestPostProcessor operator(String tenant) {
		return TestTokens.user(tenant, "operator");
	}

}
