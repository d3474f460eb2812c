package io.brain.engine.operaton;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import io.brain.core.tenant.TenantScopedDataSource;
import io.brain.core.tenant.TenantId;
import io.brain.core.testing.MigratedDatabase;
import io.brain.engine.Engine;
import io.brain.engine.EngineTask;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.operaton.bpm.engine.ManagementService;
import org.operaton.bpm.engine.ProcessEngineException;
import org.operaton.bpm.engine.history.HistoricActivityInstance;
import org.operaton.bpm.engine.history.HistoricProcessInstance;
import org.operaton.bpm.engine.runtime.Job;

import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The open engine as the tests run it: on an embedded PostgreSQL migrated as Brain
 * migrates it, connected as the application's role, with the ways the tests look into a
 * run.
 */
abstract class OperatonTestEngine {

	static final TenantId ACME = new TenantId("acme");

	static final TenantId GLOBEX = new TenantId("globex");

	static HikariDataSource pool;

	static OperatonEngine engine;

	/** The transactions of the engine's database, which the engine's commands join. */
	static PlatformTransactionManager transactions;

	/**
	 * The engine on a database migrated as Brain migrates it (its own tables and the
	 * engine's), connected as the application's role under row-level security.
	 */
	@BeforeAll
	static void startEngine() {
		pool = MigratedDatabase.applicationPool(MigratedDatabase.migrated("engine_tests"));
		TenantScopedDataSource dataSource = new TenantScopedDataSource(pool);
		transactions = new DataSourceTransactionManager(dataSource);
		engine = OperatonEngine.start(dataSource, transactions,
				new OperatonSettings(BrainHistoryLevel.NAME, "P30D", false));
	}

	@AfterAll
	static void stopEngine() {
		engine.close();
		pool.close();
	}

	/**
	 * Starts a run and works what follows its start (which runs after the start commits)
	 * at once, as the job executor would.
	 */
	static Engine.RunStarted start(TenantId tenant, String processId, Map<String, Object> variables,
			String businessKey) {
		Engine.RunStarted run = engine.start(tenant, processId, variables, businessKey);
		settle();
		return run;
	}

	/**
	 * Works every due continuation of every run (not timers) until none is left, as the
	 * job executor would: a failing one loses a retry each time, and an incident stops it
	 * at none.
	 */
	static void settle() {
		ManagementService jobs = engine.processEngine().getManagementService();
		for (int round = 0; round < 100; round++) {
			List<Job> due = jobs.createJobQuery().messages().executable().list();
			if (due.isEmpty()) {
				return;
			}
			for (Job job : due) {
				try {
					jobs.executeJob(job.getId());
				}
				catch (ProcessEngineException ex) {
					// The step failed: the engine took a retry, as under the job
					// executor.
				}
			}
		}
	}

	static EngineTask fetchOne(String type) {
		List<EngineTask> tasks = engine.fetch("w", List.of(type), 1, Duration.ofMinutes(1));
		assertThat(tasks).as("a task of type " + type).hasSize(1);
		return tasks.get(0);
	}

	static boolean ended(Engine.RunStarted run) {
		HistoricProcessInstance instance = engine.processEngine()
			.getHistoryService()
			.createHistoricProcessInstanceQuery()
			.processInstanceId(run.runId())
			.singleResult();
		return instance.getEndTime() != null;
	}

	static List<String> visited(Engine.RunStarted run) {
		return engine.processEngine()
			.getHistoryService()
			.createHistoricActivityInstanceQuery()
			.processInstanceId(run.runId())
			.list()
			.stream()
			.map(HistoricActivityInstance::getActivityId)
			.toList();
	}

	/** A variable of the run's own scope (not one local to a step). */
	static Object variable(Engine.RunStarted run, String name) {
		var found = engine.processEngine()
			.getHistoryService()
			.createHistoricVariableInstanceQuery()
			.processInstanceId(run.runId())
			.variableName(name)
			.list()
			.stream()
			.filter((variable) -> run.runId().equals(variable.getActivityInstanceId()))
			.toList();
		return found.isEmpty() ? null : found.get(0).getValue();
	}

	static List<String> incidents(Engine.RunStarted run) {
		return engine.processEngine()
			.getRuntimeService()
			.createIncidentQuery()
			.processInstanceId(run.runId())
			.list()
			.stream()
			.map((incident) -> incident.getIncidentMessage())
			.toList();
	}

	static long runsOf(TenantId tenant, String processId) {
		return engine.processEngine()
			.getHistoryService()
			.createHistoricProcessInstanceQuery()
			.processDefinitionKey(processId)
			.tenantIdIn(tenant.value())
			.count();
	}

	static String xml(BpmnModelInstance model) {
		return Bpmn.convertToString(model);
	}

	/** Waits for a message with the run's orderId as its correlation key. */
	static BpmnModelInstance awaiting(String processId, String messageName) {
		return Bpmn.createExecutableProcess(processId)
			.startEvent()
			.intermediateCatchEvent("wait")
			.message((message) -> message.name(messageName).zeebeCorrelationKeyExpression("orderId"))
			.endEvent()
			.done();
	}

	/** How long until the run's one timer is due. */
	static Duration timerDueIn(Engine.RunStarted run) {
		Job timer = engine.processEngine()
			.getManagementService()
			.createJobQuery()
			.processInstanceId(run.runId())
			.singleResult();
		return Duration.between(Instant.now(), timer.getDuedate().toInstant());
	}

}
