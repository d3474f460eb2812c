package io.brain.workers.journal;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.brain.core.tenant.TenantContext;
import io.brain.core.tenant.TenantId;
import io.brain.core.testing.RecordingHttpServer;
import io.brain.engine.EngineTask;
import io.brain.engine.TaskRunner.TaskOutcome;
import io.brain.workers.ZeebeProcesses;
import io.brain.workers.connector.ConnectorTestContext;
import io.brain.workers.connector.http.HttpRequestConnector;
import io.brain.workers.connector.http.HttpRequestConnectorTests;
import io.brain.workers.task.ConnectorTasks;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The journal of connector calls against real PostgreSQL and a local provider: a task
 * handled again with its id (as the engine delivers it again after its worker died) makes
 * no second call, on either engine's path.
 */
@TestPropertySource(properties = "brain.outbound.max-attempts=1")
class ConnectorCallJournalTests extends ConnectorTestContext {

	static final RecordingHttpServer provider = RecordingHttpServer.start();

	static final TenantId GLOBEX = new TenantId("globex");

	static final TenantId ACME = new TenantId("acme");

	static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

	@Autowired
	ConnectorTasks tasks;

	@Autowired
	ConnectorCallJournal journal;

	@Autowired
	JournalConfiguration.JournalPurge purge;

	@Test
	void handleWhenCallRecordedThenCompletesWithoutCalling() {
		provider.answer(201, JSON, "{\"id\":42}");
		EngineTask task = httpTask(GLOBEX, "task-" + UUID.randomUUID(), Map.of("resultVariable", "response"));

		TaskOutcome first = this.tasks.handle(task);
		TaskOutcome redelivered = this.tasks.handle(task);

		assertThat(provider.received()).isEqualTo(1);
		assertThat(first).isInstanceOf(TaskOutcome.Completed.class);
		assertThat(((TaskOutcome.Completed) first).outputs()).extractingByKey("response", InstanceOfAssertFactories.MAP)
			.containsEntry("status", 201)
			.containsEntry("body", Map.of("id", 42));
		assertThat(redelivered).isEqualTo(first);
		assertThat(auditRows(GLOBEX, task.runId())).as("one call, one audit row").hasSize(1);
	}

	@Test
	void handleWhenCallRecordedAndTheStepMapsItsResultThenTheRedeliveryMapsTheRecordedResponseAlike() {
		provider.answer(201, JSON, "{\"id\":42,\"lines\":[{\"sku\":\"A-1\"}]}");
		EngineTask task = httpTask(GLOBEX, "task-" + UUID.randomUUID(),
				Map.of("resultExpression", "={status: status, order: body.id, firstSku: body.lines[1].sku}"));

		TaskOutcome first = this.tasks.handle(task);
		TaskOutcome redelivered = this.tasks.handle(task);

		assertThat(provider.received()).isEqualTo(1);
		assertThat(first).isEqualTo(new TaskOutcome.Completed(Map.of("status", 201, "order", 42, "firstSku", "A-1")));
		assertThat(redelivered).isEqualTo(first);
	}

	@Test
	void handleWhenTheProviderFailsThenRecordsNothingAndTheNextTryCallsAgain() {
		provider.answer(500, JSON, "{\"error\":\"down\"}").answer(201, JSON, "{\"id\":43}");
		String taskId = "task-" + UUID.randomUUID();

		TaskOutcome failed = this.tasks.handle(httpTask(GLOBEX, taskId, Map.of("resultVariable", "response")));

		assertThat(failed).isInstanceOf(TaskOutcome.Failed.class);
		assertThat(recorded(GLOBEX, taskId)).isEmpty();

		TaskOutcome retried = this.tasks.handle(httpTask(GLOBEX, taskId, Map.of("resultVariable", "response"), 2));

		assertThat(provider.received()).isEqualTo(2);
		assertThat(retried).isInstanceOf(TaskOutcome.Completed.class);
		assertThat(recorded(GLOBEX, taskId)).singleElement().asString().contains("\"id\":43");
	}

	@Test
	void handleWhenAnotherTenantRecordedTheSameStepThenItsResponseIsNeverUsed() {
		provider.answer(201, JSON, "{\"id\":1}").answer(201, JSON, "{\"id\":2}");
		String taskId = "task-" + UUID.randomUUID();

		TaskOutcome globex = this.tasks.handle(httpTask(GLOBEX, taskId, Map.of("resultExpression", "={id: body.id}")));
		TaskOutcome acme = this.tasks.handle(httpTask(ACME, taskId, Map.of("resultExpression", "={id: body.id}")));

		assertThat(provider.received()).isEqualTo(2);
		assertThat(globex).isEqualTo(new TaskOutcome.Completed(Map.of("id", 1)));
		assertThat(acme).isEqualTo(new TaskOutcome.Completed(Map.of("id", 2)));
		assertThat(recorded(GLOBEX, taskId)).singleElement().asString().contains("\"id\":1");
		assertThat(recorded(ACME, taskId)).singleElement().asString().contains("\"id\":2");
	}

	@Test
	void handleWhenTheErrorExpressionAsksForAnotherTryThenTheNextTryCallsAgain() {
		provider.answer(200, JSON, "{\"state\":\"pending\"}").answer(200, JSON, "{\"state\":\"ready\"}");
		String taskId = "task-" + UUID.randomUUID();
		Map<String, String> polling = Map.of("resultExpression", "={state: body.state}", "errorExpression",
				"=if state = \"pending\" then jobError(\"not ready yet\", {}, job.retries - 1, duration(\"PT0S\")) else null");

		TaskOutcome pending = this.tasks.handle(httpTask(GLOBEX, taskId, polling));

		assertThat(pending).isInstanceOf(TaskOutcome.Failed.class);
		assertThat(recorded(GLOBEX, taskId)).isEmpty();

		TaskOutcome ready = this.tasks.handle(httpTask(GLOBEX, taskId, polling, 2));

		assertThat(ready).isEqualTo(new TaskOutcome.Completed(Map.of("state", "ready")));
		assertThat(provider.received()).isEqualTo(2);
	}

	@Test
	void handleWhenTheErrorExpressionThrowsABpmnErrorThenTheRedeliveryThrowsItAgainWithoutCalling() {
		provider.answer(200, JSON, "{\"state\":\"refused\"}");
		EngineTask task = httpTask(GLOBEX, "task-" + UUID.randomUUID(), Map.of("errorExpression",
				"=if body.state = \"refused\" then bpmnError(\"REFUSED\", \"The provider refused\") else null"));

		TaskOutcome first = this.tasks.handle(task);
		TaskOutcome redelivered = this.tasks.handle(task);

		assertThat(first).isInstanceOf(TaskOutcome.BpmnError.class)
			.extracting((outcome) -> ((TaskOutcome.BpmnError) outcome).code())
			.isEqualTo("REFUSED");
		assertThat(redelivered).isEqualTo(first);
		assertThat(provider.received()).isEqualTo(1);
	}

	@Test
	void handleWhenTheJournalCannotBeWrittenThenTheTaskCompletesAnyway() {
		provider.answer(201, JSON, "{\"id\":44}");
		String taskId = "task-" + UUID.randomUUID();
		asDatabaseOwner("revoke insert on connector_call_journal from brain_app");
		TaskOutcome outcome;
		try {
			outcome = this.tasks.handle(httpTask(GLOBEX, taskId, Map.of("resultExpression", "={id: body.id}")));
		}
		finally {
			asDatabaseOwner("grant insert on connector_call_journal to brain_app");
		}

		assertThat(outcome).isEqualTo(new TaskOutcome.Completed(Map.of("id", 44)));
		assertThat(recorded(GLOBEX, taskId)).isEmpty();
	}

	@Test
	void handleWhenTheJournalCannotBeReadThenTheAttemptFailsWithoutCalling() {
		asDatabaseOwner("revoke select on connector_call_journal from brain_app");
		TaskOutcome outcome;
		try {
			outcome = this.tasks.handle(httpTask(GLOBEX, "task-" + UUID.randomUUID(), Map.of()));
		}
		finally {
			asDatabaseOwner("grant select on connector_call_journal to brain_app");
		}

		assertThat(outcome).isInstanceOfSatisfying(TaskOutcome.Failed.class, (failed) -> {
			assertThat(failed.message()).contains("Cannot tell whether this step has called its provider already");
			assertThat(failed.retriesLeft()).isEqualTo(2);
		});
		assertThat(provider.received()).isZero();
	}

	@Test
	void executeWhenAZeebeJobCallsItsProviderThenTheCallIsRecordedForTheDeployingTenant() {
		provider.answer(201, JSON, "{\"id\":45}");
		ZeebeProcesses.deployFor(ACME, HttpRequestConnectorTests.httpStep("journal-on-zeebe"), this.client,
				this.registry);

		long instance = this.client.newCreateInstanceCommand()
			.bpmnProcessId("journal-on-zeebe")
			.latestVersion()
			.variables(Map.of("targetUrl", provider.url("/orders"), "payload", Map.of("order", 8)))
			.withResult()
			.requestTimeout(Duration.ofSeconds(30))
			.send()
			.join()
			.getProcessInstanceKey();

		assertThat(instance).isPositive();
		List<Map<String, Object>> rows = TenantContext.call(ACME.value(), () -> this.jdbc.sql("""
				select step_id, response::text as response from connector_call_journal
				where job_type = :type and response::text like '%"id":45%'
				""").param("type", HttpRequestConnector.TYPE).query().listOfRows());
		assertThat(rows).singleElement()
			.satisfies((row) -> assertThat(row.get("step_id").toString()).as("Zeebe's element instance key")
				.matches("\\d+"));
		assertThat(TenantContext.call(GLOBEX.value(),
				() -> this.jdbc
					.sql("select count(*) from connector_call_journal where response::text like '%\"id\":45%'")
					.query(Long.class)
					.single()))
			.isZero();
	}

	@Test
	void purgeWhenRowsOutliveTheRetentionThenDeletesThemOnly() {
		String old = "old-" + UUID.randomUUID();
		String recent = "recent-" + UUID.randomUUID();
		for (TenantId tenant : List.of(GLOBEX, ACME)) {
			insert(tenant, old, "now() - interval '25 hours'");
			insert(tenant, recent, "now() - interval '23 hours'");
		}

		int deleted = this.purge.purge();

		assertThat(deleted).isEqualTo(2);
		for (TenantId tenant : List.of(GLOBEX, ACME)) {
			assertThat(recorded(tenant, old)).as("%s's row older than a day", tenant).isEmpty();
			assertThat(recorded(tenant, recent)).as("%s's row of less than a day", tenant).hasSize(1);
		}
	}

	private void insert(TenantId tenant, String stepId, String recordedAt) {
		TenantContext.run(tenant.value(),
				() -> this.jdbc.sql("""
						insert into connector_call_journal (tenant_id, step_id, job_type, response, recorded_at)
						values (:tenant, :step, :type, cast('{}' as json), %s)
						""".formatted(recordedAt))
					.param("tenant", tenant.value())
					.param("step", stepId)
					.param("type", HttpRequestConnector.TYPE)
					.update());
	}

	private List<String> recorded(TenantId tenant, String stepId) {
		return TenantContext.call(tenant.value(),
				() -> this.jdbc.sql("select response::text from connector_call_journal where step_id = :step")
					.param("step", stepId)
					.query(String.class)
					.list());
	}

	private List<Map<String, Object>> auditRows(TenantId tenant, String runId) {
		return TenantContext.call(tenant.value(),
				() -> this.jdbc.sql("select * from audit_log where metadata->>'processInstanceKey' = :run")
					.param("run", runId)
					.query()
					.listOfRows());
	}

	private static EngineTask httpTask(TenantId tenant, String taskId, Map<String, String> headers) {
		return httpTask(tenant, taskId, headers, 3);
	}

	/**
	 * A task of an HTTP step as the open engine hands it over: its inputs mapped, its
	 * headers, the attempts left.
	 */
	private static EngineTask httpTask(TenantId tenant, String taskId, Map<String, String> headers, int retries) {
		Map<String, String> allHeaders = new HashMap<>(headers);
		allHeaders.put("operation", "send");
		return new EngineTask(taskId, "journal-tests", HttpRequestConnector.TYPE, tenant, "run-" + taskId,
				"journal-process", "call", Map.of("method", "POST", "url", provider.url("/orders"), "headers", Map.of(),
						"body", Map.of("order", 7)),
				allHeaders, retries, null);
	}

}
