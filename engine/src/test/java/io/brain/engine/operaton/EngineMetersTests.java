package io.brain.engine.operaton;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import io.brain.core.tenant.TenantId;
import io.brain.core.tenant.TenantScopedDataSource;
import io.brain.core.testing.MigratedDatabase;
import io.brain.engine.EngineTask;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The open engine's metrics, on a node that works the engine's jobs: runs started,
 * completed and failed per tenant once their transaction commits, the incidents open per
 * tenant, and the job executor's figures.
 */
class EngineMetersTests {

	static final TenantId ACME = new TenantId("acme");

	static final TenantId GLOBEX = new TenantId("globex");

	static final String TYPE = "io.brain:metered:1";

	static HikariDataSource pool;

	static PlatformTransactionManager transactions;

	static SimpleMeterRegistry meters = new SimpleMeterRegistry();

	static OperatonEngine engine;

	@BeforeAll
	static void startEngine() {
		pool = MigratedDatabase.applicationPool(MigratedDatabase.migrated("engine_meters_tests"));
		TenantScopedDataSource dataSource = new TenantScopedDataSource(pool);
		transactions = new DataSourceTransactionManager(dataSource);
		engine = OperatonEngine.start(dataSource, transactions,
				new OperatonSettings(BrainHistoryLevel.NAME, "P30D", true), new EngineMeters(meters));
		for (TenantId tenant : List.of(ACME, GLOBEX)) {
			engine.deploy(tenant, "metered.bpmn",
					OperatonTestEngine.xml(Bpmn.createExecutableProcess("metered")
						.startEvent()
						.serviceTask("step", (task) -> task.zeebeJobType(TYPE).zeebeJobRetries("1"))
						.endEvent()
						.done()),
					"tests");
		}
	}

	@AfterAll
	static void stopEngine() {
		engine.close();
		pool.close();
	}

	@Test
	void runsWhenStartedCompletedOrFailedThenCountedPerTenantOnCommit() {
		new TransactionTemplate(transactions).executeWithoutResult((tx) -> {
			engine.start(ACME, "metered", Map.of(), null);
			tx.setRollbackOnly();
		});
		engine.start(ACME, "metered", Map.of(), null);
		engine.start(ACME, "metered", Map.of(), null);
		engine.start(GLOBEX, "metered", Map.of(), null);

		List<EngineTask> tasks = fetch(3);
		EngineTask acmeFirst = tasks.stream().filter((task) -> task.tenant().equals(ACME)).findFirst().orElseThrow();
		assertThat(acmeFirst.createdAt()).isNotNull();
		engine.complete(acmeFirst, Map.of());
		tasks.stream()
			.filter((task) -> task != acmeFirst)
			.forEach((task) -> engine.fail(task, "the provider refused", 0, Duration.ZERO));

		assertThat(count("brain.runs.started", ACME)).isEqualTo(2);
		assertThat(count("brain.runs.started", GLOBEX)).isEqualTo(1);
		assertThat(count("brain.runs.completed", ACME)).isEqualTo(1);
		assertThat(count("brain.runs.failed", ACME)).isEqualTo(1);
		assertThat(count("brain.runs.failed", GLOBEX)).isEqualTo(1);
		await().atMost(Duration.ofSeconds(40)).ignoreExceptions().untilAsserted(() -> {
			assertThat(meters.get("brain.incidents.open").tag("tenant", "acme").gauge().value()).isEqualTo(1);
			assertThat(meters.get("brain.incidents.open").tag("tenant", "globex").gauge().value()).isEqualTo(1);
		});
		assertThat(meters.get("brain.engine.jobs.due").gauge().value()).isGreaterThanOrEqualTo(0);
		assertThat(meters.get("brain.engine.jobs.executed").tag("outcome", "successful").functionCounter().count())
			.isGreaterThanOrEqualTo(0);
		assertThat(meters.get("brain.engine.jobs.acquisitions").functionCounter().count()).isPositive();
	}

	/** Fetches tasks as the job executor creates them, until there are {@code count}. */
	private static List<EngineTask> fetch(int count) {
		List<EngineTask> fetched = new ArrayList<>();
		await().atMost(Duration.ofSeconds(20)).until(() -> {
			fetched.addAll(engine.fetch("meters", List.of(TYPE), 10, Duration.ofMinutes(1)));
			return fetched.size() == count;
		});
		return fetched;
	}

	private static double count(String name, TenantId tenant) {
		var counter = meters.find(name).tag("tenant", tenant.value()).counter();
		return (counter != null) ? counter.count() : 0;
	}

}
