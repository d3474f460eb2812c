package io.brain.workers.connector.http;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.brain.core.tenant.TenantContext;
import io.brain.core.tenant.TenantId;
import io.brain.core.testing.RecordingHttpServer;
import io.brain.core.testing.RecordingHttpServer.Recorded;
import io.brain.engine.Engine;
import io.brain.engine.RunHistory;
import io.brain.engine.TaskRunner;
import io.brain.engine.operaton.OperatonEngine;
import io.brain.engine.operaton.OperatonSettings;
import io.brain.workers.connector.ConnectorTestContext;
import io.brain.workers.task.ConnectorTasks;
import io.camunda.zeebe.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The HTTP connector worked through the engine port on the open engine (Operaton on the
 * workers' database), against a local server: the same step, inputs, result expression,
 * tenant from the deployment, audit row and retries as on Zeebe.
 */
class HttpRequestConnectorOnTheOpenEngineTests extends ConnectorTestContext {

	static final RecordingHttpServer server = RecordingHttpServer.start();

	static final TenantId GLOBEX = new TenantId("globex");

	@Autowired
	ConnectorTasks connectors;

	@Autowired
	DataSource dataSource;

	OperatonEngine openEngine;

	TaskRunner runner;

	@BeforeEach
	void startOpenEngine() {
		// Stands in for the api's engine, which works the jobs (a run's start continues
		// on one).
		this.openEngine = OperatonEngine.start(this.dataSource, new OperatonSettings("brain", "P30D", true));
		this.runner = new TaskRunner(this.openEngine, this.connectors.handlers(),
				new TaskRunner.Settings("workers-tests", 8, 4, 10, Duration.ofSeconds(30), Duration.ofMillis(100),
						Duration.ZERO, Duration.ofSeconds(5)));
	}

	@AfterEach
	void stopOpenEngine() {
		this.runner.close();
		this.openEngine.close();
	}

	@Test
	void sendWhenTheStepRunsOnTheOpenEngineThenPostsForTheDeployingTenantAndMapsTheResult() {
		server.answer(201, Map.of("Content-Type", "application/json"), "{\"id\":42}");
		this.openEngine.deploy(GLOBEX, "http.bpmn",
				Bpmn.convertToString(HttpRequestConnectorTests.httpStep("http-open")), "editor");

		Engine.RunStarted run = this.openEngine.start(GLOBEX, "http-open", Map.of("targetUrl",
				server.url("/orders?src=brain"), "payload", Map.of("order", 7), "tenant_id", "acme"), null);

		RunHistory.Run done = await().atMost(Duration.ofSeconds(30))
			.until(() -> this.openEngine.history().run(GLOBEX, run.runId()).orElseThrow(),
					(seen) -> seen.summary().state() == RunHistory.State.COMPLETED);
		Recorded request = server.take(Duration.ofSeconds(5));
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.uri().toString()).isEqualTo("/orders?src=brain");
		assertThat(request.header("X-Brain")).isEqualTo("yes");
		assertThat(request.body()).isEqualTo("{\"order\":7}");
		assertThat(done.variables()).containsEntry("status", 201).containsEntry("responseBody", Map.of("id", 42));
		assertThat(auditRows("globex", run.runId())).singleElement()
			.satisfies(
					(row) -> assertThat(row).containsEntry("actor_kind", "WORKER").containsEntry("outcome", "SUCCESS"));
		assertThat(auditRows("acme", run.runId())).isEmpty();
	}

	@Test
	void sendWhenTheProviderKeepsFailingThenTheStepIsRetriedAndStopsAtAnIncident() {
		server.answer(503, Map.of(), "down").answer(503, Map.of(), "down").answer(503, Map.of(), "down");
		this.openEngine.deploy(GLOBEX, "http.bpmn",
				Bpmn.convertToString(HttpRequestConnectorTests.httpStep("http-open-down")), "editor");

		Engine.RunStarted run = this.openEngine.start(GLOBEX, "http-open-down",
				Map.of("targetUrl", server.url("/down"), "payload", Map.of()), null);

		RunHistory.Run stopped = await().atMost(Duration.ofSeconds(60))
			.until(() -> this.openEngine.history().run(GLOBEX, run.runId()).orElseThrow(),
					(seen) -> seen.summary().state() == RunHistory.State.INCIDENT);
		assertThat(stopped.incidents()).singleElement()
			.satisfies((incident) -> assertThat(incident.message()).contains("503"));
	}

	private List<Map<String, Object>> auditRows(String tenant, String runId) {
		return TenantContext.call(tenant,
				() -> this.jdbc.sql("select * from audit_log where metadata->>'processInstanceKey' = :run")
					.param("run", runId)
					.query()
					.listOfRows());
	}

}
