package io.brain.api.health;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brain.api.ApiTestContext;
import io.brain.api.TestTokens;
import io.brain.api.TestWorker;
import io.brain.core.audit.AuditEvent;
import io.brain.core.audit.AuditEvent.ActorKind;
import io.brain.core.audit.AuditEvent.Outcome;
import io.brain.core.audit.AuditLog;
import io.brain.core.tenant.TenantContext;
import io.brain.core.tenant.TenantId;
import io.brain.engine.Engine;
import io.brain.engine.TaskRunner;
import io.brain.engine.TaskSource;
import io.camunda.zeebe.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * System Health on real PostgreSQL and the open engine embedded in the api: each figure
 * moves with what it counts, across tenants, for a platform admin who has no tenant.
 */
class SystemHealthTests extends ApiTestContext {

	static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	Engine engine;

	@Autowired
	TaskSource tasks;

	@Autowired
	AuditLog auditLog;

	TaskRunner worker;

	@AfterEach
	void closeWorker() {
		if (this.worker != null) {
			this.worker.close();
		}
	}

	@Test
	void getWhenPlatformIsUpThenDatabaseAndEngineAreUpWithTheirVersions() throws Exception {
		JsonNode health = health();

		assertThat(health.at("/database/up").asBoolean()).isTrue();
		assertThat(health.at("/database/version").asText()).matches("\\d+(\\.\\d+)?.*");
		assertThat(health.at("/engine/name").asText()).isEqualTo("Operaton");
		assertThat(health.at("/engine/version").asText()).isEqualTo("1.0.3");
		assertThat(health.at("/engine/up").asBoolean()).isTrue();
		assertThat(health.at("/engine/jobExecutor").asBoolean()).isTrue();
		assertThat(health.at("/keycloak/up").asBoolean()).as("no Keycloak runs in these tests").isFalse();
		assertThat(health.at("/keycloak/problem").asText()).isNotBlank();
		assertThat(health.get("runsPerHour")).hasSize(48);
	}

	@Test
	void getWhenADeliveryWaitsThenTheInboxShowsItAndItsAge() throws Exception {
		String tenant = tenant("inbox");
		long before = stableInboxDepth();
		TenantContext.run(tenant, () -> {
			UUID listener = UUID.randomUUID();
			this.jdbc.sql("""
					insert into webhook_listener (id, tenant_id, public_id, name, provider, automation_key, created_by)
					values (:id, :tenant, :publicId, 'health', 'GITHUB', 'health', 'test')
					""")
				.param("id", listener)
				.param("tenant", tenant)
				.param("publicId", UUID.randomUUID().toString())
				.update();
			// Waiting for its next attempt in an hour, so the dispatcher leaves it be.
			this.jdbc
				.sql("""
						insert into webhook_delivery (id, tenant_id, listener_id, status, provider_event_id, headers, payload,
						    received_at, next_attempt_at)
						values (gen_random_uuid(), :tenant, :listener, 'RECEIVED', 'evt-1', '{}', '{}',
						    now() - interval '90 seconds', now() + interval '1 hour')
						""")
				.param("tenant", tenant)
				.param("listener", listener)
				.update();
		});

		JsonNode inbox = health().get("inbox");

		assertThat(inbox.get("depth").asLong()).isEqualTo(before + 1);
		assertThat(inbox.get("lagSeconds").asLong()).isGreaterThanOrEqualTo(90);
		assertThat(inbox.get("oldestReceivedAt").isNull()).isFalse();
	}

	@Test
	void getWhenARunHasAnIncidentThenItShowsUnderItsTenantAndTheRunCountsInThisHour() throws Exception {
		String tenant = tenant("incident");
		String jobType = "health-" + tenant;
		this.engine.deploy(new TenantId(tenant), "failing.bpmn",
				Bpmn.convertToString(Bpmn.createExecutableProcess("failing")
					.startEvent()
					.serviceTask("call", (task) -> task.zeebeJobType(jobType).zeebeJobRetries("1"))
					.endEvent()
					.done()),
				"test");
		long runsThisHourBefore = lastHourRuns(health());
		this.worker = TestWorker.open(this.tasks, jobType,
				(task) -> new TaskRunner.TaskOutcome.Failed("The provider refused", 0, Duration.ZERO));

		this.engine.start(new TenantId(tenant), "failing", Map.of(), null);

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			JsonNode health = health();
			assertThat(health.get("openIncidents"))
				.anySatisfy((incidents) -> assertThat(incidents.get("tenantId").asText()).isEqualTo(tenant))
				.filteredOn((incidents) -> incidents.get("tenantId").asText().equals(tenant))
				.singleElement()
				.satisfies((incidents) -> assertThat(incidents.get("openIncidents").asLong()).isEqualTo(1));
			assertThat(lastHourRuns(health)).isGreaterThan(runsThisHourBefore);
		});
	}

	@Test
	void getWhenAWorkersHeartbeatIsOlderThanThirtySecondsThenItIsNotAlive() throws Exception {
		String fresh = "workers-fresh-" + UUID.randomUUID() + "@test";
		String silent = "workers-silent-" + UUID.randomUUID() + "@test";
		this.jdbc.sql("""
				insert into worker_process (id, host, version, started_at, last_seen_at)
				values (:fresh, 'node-1', '1.2.3', now() - interval '1 hour', now()),
				       (:silent, 'node-2', null, now() - interval '1 hour', now() - interval '45 seconds')
				""").param("fresh", fresh).param("silent", silent).update();

		JsonNode workers = health().get("workers");

		JsonNode seen = worker(workers, fresh);
		assertThat(seen.get("alive").asBoolean()).isTrue();
		assertThat(seen.get("host").asText()).isEqualTo("node-1");
		assertThat(seen.get("version").asText()).isEqualTo("1.2.3");
		JsonNode gone = worker(workers, silent);
		assertThat(gone.get("alive").asBoolean()).isFalse();
		assertThat(gone.get("secondsSinceSeen").asLong()).isGreaterThanOrEqualTo(45);
		this.jdbc.sql("delete from worker_process where id in (:fresh, :silent)")
			.param("fresh", fresh)
			.param("silent", silent)
			.update();
	}

	@Test
	void getWhenATenantCalledConnectorsAndSpentTokensThenItsUsageShowsBoth() throws Exception {
		String tenant = tenant("usage");
		for (int i = 0; i < 2; i++) {
			this.auditLog.record(new AuditEvent(tenant, "engine-workers", "engine-workers", ActorKind.WORKER,
					"ran http request", "run", "run-" + i, "job:" + i, null, null, Outcome.SUCCESS,
					Map.of("operation", "connector.http.request")));
		}
		this.auditLog.record(new AuditEvent(tenant, "someone", "Someone", ActorKind.USER, "changed a connector",
				"connector", "c", null, null, null, Outcome.SUCCESS, Map.of()));
		TenantContext.run(tenant, () -> this.jdbc.sql("""
				insert into agent_token_usage (tenant_id, day, agent_id, model, input_tokens, output_tokens)
				values (:tenant, current_date, gen_random_uuid(), 'gpt-test', 120, 30),
				       (:tenant, current_date - 40, gen_random_uuid(), 'gpt-test', 1000, 1000)
				""").param("tenant", tenant).update());

		JsonNode usage = health().get("usage");

		assertThat(usage).filteredOn((row) -> row.get("tenantId").asText().equals(tenant))
			.singleElement()
			.satisfies((row) -> {
				assertThat(row.get("connectorCalls").asLong()).isEqualTo(2);
				assertThat(row.get("inputTokens").asLong()).isEqualTo(120);
				assertThat(row.get("outputTokens").asLong()).isEqualTo(30);
			});
	}

	/**
	 * The counts Camunda 8's adapter reads from the exporter's tables, across tenants,
	 * for a caller with no tenant (row-level security shows such a caller no row).
	 */
	@Test
	void exportedRunFiguresWhenReadWithoutATenantThenCountEveryTenant() {
		String tenant = tenant("exported");
		long key = System.nanoTime();
		TenantContext.run(tenant, () -> {
			this.jdbc.sql("""
					insert into run_instance (tenant_id, process_instance_key, process_definition_key, bpmn_process_id,
					    version, state, started_at)
					values (:tenant, :key, 1, 'exported', 1, 'ACTIVE', now()), (:tenant, :key + 1, 1, 'exported', 1,
					    'ACTIVE', now())
					""").param("tenant", tenant).param("key", key).update();
			this.jdbc.sql("""
					insert into run_incident (tenant_id, incident_key, process_instance_key, element_instance_key,
					    element_id, error_type, state, created_at)
					values (:tenant, :key, :key, :key, 'call', 'JOB_NO_RETRIES', 'OPEN', now()),
					       (:tenant, :key + 1, :key + 1, :key + 1, 'call', 'JOB_NO_RETRIES', 'RESOLVED', now())
					""").param("tenant", tenant).param("key", key).update();
		});

		assertThat(this.jdbc.sql("select count(*) from run_incident").query(Long.class).single()).isZero();
		assertThat(
				this.jdbc.sql("select open_incidents from brain_system_exported_incidents() where tenant_id = :tenant")
					.param("tenant", tenant)
					.query(Long.class)
					.single())
			.isEqualTo(1);
		assertThat(this.jdbc
			.sql("select coalesce(sum(runs), 0) from brain_system_exported_runs_per_hour(now() - interval '1 hour')")
			.query(Long.class)
			.single()).isGreaterThanOrEqualTo(2);
	}

	@Test
	void getWhenCallerIsATenantAdminThenForbidden() throws Exception {
		this.mvc.perform(get("/api/system/health").with(TestTokens.user("acme", "tenant-admin")))
			.andExpect(status().isForbidden());
	}

	private JsonNode health() throws Exception {
		return JSON.readTree(this.mvc.perform(get("/api/system/health").with(TestTokens.user(null, "platform-admin")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	/** The inbox's depth once the dispatcher has taken what was due. */
	private long stableInboxDepth() throws Exception {
		long[] depth = { -1 };
		await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(300)).until(() -> {
			long now = health().at("/inbox/depth").asLong();
			boolean stable = now == depth[0];
			depth[0] = now;
			return stable;
		});
		return depth[0];
	}

	private static long lastHourRuns(JsonNode health) {
		JsonNode hours = health.get("runsPerHour");
		return hours.get(hours.size() - 1).get("runs").asLong();
	}

	private static JsonNode worker(JsonNode workers, String id) {
		for (JsonNode worker : workers) {
			if (worker.get("id").asText().equals(id)) {
				return worker;
			}
		}
		throw new AssertionError("No worker " + id + " in " + workers);
	}

	private static String tenant(String what) {
		return "health-" + what + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

}
