package io.brain.workers.connector.http;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.brain.core.tenant.TenantContext;
import io.brain.core.tenant.TenantId;
import io.brain.core.testing.RecordingHttpServer;
import io.brain.core.testing.RecordingHttpServer.Recorded;
import io.brain.engine.TaskSource;
import io.brain.workers.ZeebeProcesses;
import io.brain.workers.connector.ConnectorTestContext;
import io.camunda.client.api.response.ProcessInstanceResult;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

public class HttpRequestConnectorTests extends ConnectorTestContext {

	static final RecordingHttpServer server = RecordingHttpServer.start();

	@Autowired
	MeterRegistry meters;

	@Autowired
	ObjectProvider<TaskSource> openEngine;

	@Test
	void contextWhenOnZeebeThenNoOpenEngineRunsBesideTheJobWorkers() {
		assertThat(this.openEngine.getIfAvailable()).isNull();
	}

	@Test
	void sendWhenTargetAllowedThenPostsBodyAndReturnsResponse() {
		server.answer(201, Map.of("Content-Type", "application/json"), "{\"id\":42}");
		ZeebeProcesses.deployFor(new TenantId("acme"), HttpRequestConnectorTests.httpStep("http-ok"), this.client,
				this.registry);

		ProcessInstanceResult result = this.client.newCreateInstanceCommand()
			.bpmnProcessId("http-ok")
			.latestVersion()
			.variables(Map.of("targetUrl", server.url("/orders?src=brain"), "payload", Map.of("order", 7)))
			.withResult()
			.requestTimeout(Duration.ofSeconds(30))
			.send()
			.join();

		Recorded request = server.take(Duration.ofSeconds(5));
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.uri().toString()).isEqualTo("/orders?src=brain");
		assertThat(request.header("Content-Type")).isEqualTo("application/json");
		assertThat(request.header("X-Brain")).isEqualTo("yes");
		assertThat(request.body()).isEqualTo("{\"order\":7}");
		assertThat(result.getVariablesAsMap()).containsEntry("status", 201)
			.containsEntry("responseBody", Map.of("id", 42));
	}

	@Test
	void sendWhenVariablesClaimAnotherTenantThenRunsForTheDeployingTenant() {
		ZeebeProcesses.deployFor(new TenantId("globex"), HttpRequestConnectorTests.httpStep("http-claims-acme"),
				this.client, this.registry);

		ProcessInstanceResult result = this.client.newCreateInstanceCommand()
			.bpmnProcessId("http-claims-acme")
			.latestVersion()
			.variables(
					Map.of("targetUrl", server.url("/"), "payload", Map.of(), "tenant_id", "acme", "tenantId", "acme"))
			.withResult()
			.requestTimeout(Duration.ofSeconds(30))
			.send()
			.join();

		server.take(Duration.ofSeconds(5));
		String instance = String.valueOf(result.getProcessInstanceKey());
		assertThat(auditRows("globex", instance)).singleElement()
			.satisfies((row) -> assertThat(row)
				.hasEntrySatisfying("action",
						(action) -> assertThat(action.toString()).startsWith("ran http send with '127.0.0.1"))
				.containsEntry("target_type", "run")
				.containsEntry("actor_kind", "WORKER")
				.containsEntry("outcome", "SUCCESS"));
		assertThat(auditRows("acme", instance)).isEmpty();
		assertThat(this.meters.get("brain.connector.calls")
			.tags("tenant", "globex", "connector", "http", "action", "send", "outcome", "success")
			.counter()
			.count()).isEqualTo(1);
		assertThat(this.meters.get("brain.connector.call.duration")
			.tags("tenant", "globex", "connector", "http", "action", "send")
			.timer()
			.count()).isEqualTo(1);
	}

	@Test
	void sendWhenProcessWasNotDeployedThroughBrainThenRaisesIncident() {
		long definition = this.client.newDeployResourceCommand()
			.addProcessModel(httpStep("http-stranger"), "stranger.bpmn")
			.send()
			.join()
			.getProcesses()
			.get(0)
			.getProcessDefinitionKey();
		long instance = this.client.newCreateInstanceCommand()
			.processDefinitionKey(definition)
			.variables(Map.of("targetUrl", server.url("/"), "payload", Map.of(), "tenant_id", "acme"))
			.send()
			.join()
			.getProcessInstanceKey();

		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(ZeebeProcesses.incidents(this.engine, instance)).anySatisfy(
					(incident) -> assertThat(incident.getErrorMessage()).contains("not deployed through Brain")));
		assertThat(server.received()).isZero();
	}

	@Test
	void sendWhenTheStepIsTriedAgainThenTheProviderSeesTheSameIdempotencyKeyAndAnotherStepAnother() {
		server.answer(409, Map.of("Content-Type", "application/json"), "{\"error\":\"busy\"}")
			.answer(201, Map.of("Content-Type", "application/json"), "{\"id\":1}")
			.answer(201, Map.of("Content-Type", "application/json"), "{\"id\":2}");
		ZeebeProcesses.deployFor(new TenantId("acme"), keyedStep("http-keyed", "POST", "{}"), this.client,
				this.registry);

		runWithResult("http-keyed");
		Recorded refused = server.take(Duration.ofSeconds(5));
		Recorded retried = server.take(Duration.ofSeconds(5));
		runWithResult("http-keyed");
		Recorded anotherStep = server.take(Duration.ofSeconds(5));

		assertThat(refused.header("Idempotency-Key")).as("a structured-field string, as the IETF draft has it")
			.matches("\"[0-9a-f-]{36}\"");
		assertThat(retried.header("Idempotency-Key")).isEqualTo(refused.header("Idempotency-Key"));
		assertThat(anotherStep.header("Idempotency-Key")).isNotEqualTo(refused.header("Idempotency-Key"));
	}

	@Test
	void sendWhenTheStepSetsItsOwnIdempotencyKeyThenOnlyThatOneIsSent() {
		ZeebeProcesses.deployFor(new TenantId("acme"),
				keyedStep("http-own-key", "PATCH", "{\"idempotency-key\": \"order-7-paid\"}"), this.client,
				this.registry);

		runWithResult("http-own-key");

		Recorded request = server.take(Duration.ofSeconds(5));
		assertThat(request.method()).isEqualTo("PATCH");
		assertThat(request.headers()
			.entrySet()
			.stream()
			.filter((header) -> header.getKey().equalsIgnoreCase("Idempotency-Key"))
			.flatMap((header) -> header.getValue().stream())).containsExactly("order-7-paid");
	}

	@Test
	void sendWhenTheMethodIsIdempotentThenNoKeyIsAdded() {
		ZeebeProcesses.deployFor(new TenantId("acme"), keyedStep("http-put", "PUT", "{}"), this.client, this.registry);

		runWithResult("http-put");

		assertThat(server.take(Duration.ofSeconds(5)).header("Idempotency-Key")).isNull();
	}

	private void runWithResult(String processId) {
		this.client.newCreateInstanceCommand()
			.bpmnProcessId(processId)
			.latestVersion()
			.variables(Map.of("targetUrl", server.url("/orders"), "payload", Map.of("order", 7)))
			.withResult()
			.requestTimeout(Duration.ofSeconds(30))
			.send()
			.join();
	}

	/** An HTTP step with two tries, a method and headers of its own. */
	private static BpmnModelInstance keyedStep(String processId, String method, String headers) {
		return Bpmn.createExecutableProcess(processId)
			.startEvent()
			.serviceTask("call",
					(task) -> task.zeebeJobType(HttpRequestConnector.TYPE)
						.zeebeJobRetries("2")
						.zeebeTaskHeader("operation", "send")
						.zeebeTaskHeader("resultExpression", "={status: status}")
						.zeebeInputExpression("\"" + method + "\"", "method")
						.zeebeInputExpression("targetUrl", "url")
						.zeebeInputExpression(headers, "headers")
						.zeebeInputExpression("payload", "body"))
			.endEvent()
			.done();
	}

	private List<Map<String, Object>> auditRows(String tenant, String processInstance) {
		return TenantContext.call(tenant,
				() -> this.jdbc.sql("select * from audit_log where target_id = :instance")
					.param("instance", processInstance)
					.query()
					.listOfRows());
	}

	public static BpmnModelInstance httpStep(String processId) {
		return Bpmn.createExecutableProcess(processId)
			.startEvent()
			.serviceTask("call",
					(task) -> task.zeebeJobType(HttpRequestConnector.TYPE)
						.zeebeJobRetries("1")
						.zeebeTaskHeader("operation", "send")
						.zeebeTaskHeader("resultExpression", "={status: status, responseBody: body}")
						.zeebeInputExpression("\"POST\"", "method")
						.zeebeInputExpression("targetUrl", "url")
						.zeebeInputExpression("{\"X-Brain\": \"yes\"}", "headers")
						.zeebeInputExpression("payload", "body"))
			.endEvent()
			.done();
	}

}
