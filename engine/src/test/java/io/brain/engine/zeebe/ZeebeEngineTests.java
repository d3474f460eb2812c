package io.brain.engine.zeebe;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import com.zaxxer.hikari.HikariDataSource;
import io.brain.core.deployment.DeploymentRegistry;
import io.brain.core.deployment.ProcessDeployment;
import io.brain.core.tenant.TenantContext;
import io.brain.core.tenant.TenantId;
import io.brain.core.tenant.TenantScopedDataSource;
import io.brain.core.testing.MigratedDatabase;
import io.brain.engine.Engine;
import io.brain.engine.EngineException;
import io.brain.engine.ModelRefusedException;
import io.brain.engine.RunHistory;
import io.brain.engine.RunHistory.State;
import io.brain.engine.operaton.OperatonConfiguration;
import io.brain.exporter.ExporterHarness;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.worker.JobHandler;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The Camunda 8 adapter through the engine port, on the in-process Zeebe engine: Brain's
 * broker exporter writes its records to a real PostgreSQL migrated as Brain migrates it,
 * and the adapter reads them as the application's role under row-level security, with the
 * tenant stated as a request states it.
 */
class ZeebeEngineTests {

	static final TenantId ACME = new TenantId("acme");

	static final TenantId GLOBEX = new TenantId("globex");

	static ZeebeTestEngine zeebe;

	static CamundaClient client;

	static HikariDataSource pool;

	static JdbcClient jdbc;

	static ExporterHarness exporter;

	static DeploymentRegistry registry;

	static ZeebeEngine engine;

	static RunHistory history;

	@BeforeAll
	static void start() {
		String url = MigratedDatabase.migrated("zeebe_engine_tests");
		pool = MigratedDatabase.applicationPool(url);
		jdbc = JdbcClient.create(new TenantScopedDataSource(pool));
		zeebe = EngineFactory.create();
		zeebe.start();
		client = newClient();
		exporter = new ExporterHarness(ExporterHarness.arguments(url, "brain_app")).follow(zeebe);
		registry = new DeploymentRegistry(jdbc);
		engine = new ZeebeEngine(client, registry, jdbc);
		history = engine.history();
	}

	@AfterAll
	static void stop() {
		exporter.close();
		client.close();
		zeebe.stop();
		pool.close();
	}

	@Test
	void startedWithWhenAStartsAnswerWasLostThenTheExportedRunIsFoundByItsStartKeyInItsTenantOnly() {
		deploy(ACME, Bpmn.createExecutableProcess("keyed").startEvent().userTask("wait").endEvent().done());
		Engine.RunStarted started = as(ACME,
				() -> engine.start(ACME, "keyed", Map.of("n", 1), "webhook:7c9e6679-7425-40de-944b-e07fc1f90ae7"));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(
					as(ACME, () -> engine.startedWith(ACME, "webhook:7c9e6679-7425-40de-944b-e07fc1f90ae7")))
				.contains(started));
		assertThat(as(GLOBEX, () -> engine.startedWith(GLOBEX, "webhook:7c9e6679-7425-40de-944b-e07fc1f90ae7")))
			.isEmpty();
		assertThat(as(ACME, () -> engine.startedWith(ACME, "webhook:another"))).isEmpty();
		// The key is Brain's own: the run's page does not show it.
		assertThat(awaitRun(ACME, started.runId(), State.ACTIVE).variables()).containsOnlyKeys("n");
		assertThat(engine.joinsTransactions()).isFalse();
	}

	@Test
	void startWhenDeployedThenRunCompletesAndReadsWithItsStepsVariablesAndHowItBegan() {
		Engine.Definition definition = deploy(ACME,
				Bpmn.createExecutableProcess("welcome")
					.startEvent("signed-up")
					.serviceTask("send-mail", (task) -> task.name("Send the welcome mail").zeebeJobType("zeebe-mail"))
					.endEvent("done")
					.done());
		assertThat(definition.processId()).isEqualTo("welcome");
		assertThat(definition.engineProcessId()).isEqualTo("acme__welcome");
		assertThat(definition.definitionId()).matches("[1-9][0-9]*");

		try (JobWorker worker = worker("zeebe-mail",
				(jobs, job) -> jobs.newCompleteCommand(job).variables(Map.of("sent", true)).send().join())) {
			Engine.RunStarted started = as(ACME,
					() -> engine.start(ACME, "welcome", Map.of("email", "ada@example.com"), null));
			assertThat(started.definitionId()).isEqualTo(definition.definitionId());

			RunHistory.Run run = awaitRun(ACME, started.runId(), State.COMPLETED);
			assertThat(run.summary().processId()).isEqualTo("welcome");
			assertThat(run.summary().version()).isEqualTo(1);
			assertThat(run.summary().startKind()).isEqualTo(RunHistory.StartKind.COMMAND);
			assertThat(run.summary().endedAt()).isNotNull();
			assertThat(run.steps()).extracting(RunHistory.Step::elementId)
				.containsExactly("signed-up", "send-mail", "done");
			assertThat(run.steps())
				.allSatisfy((step) -> assertThat(step.outcome()).isEqualTo(RunHistory.Outcome.COMPLETED));
			RunHistory.Step mail = run.steps().get(1);
			assertThat(mail.name()).isEqualTo("Send the welcome mail");
			assertThat(mail.type()).isEqualTo("SERVICE_TASK");
			assertThat(mail.task().type()).isEqualTo("zeebe-mail");
			assertThat(mail.task().state()).isEqualTo("COMPLETED");
			assertThat(run.variables()).containsEntry("email", "ada@example.com").containsEntry("sent", true);
			assertThat(run.omittedVariables()).isEmpty();
			assertThat(run.incidents()).isEmpty();
			RunHistory.Page completed = as(ACME, () -> history.runs(ACME,
					new RunHistory.Query(Optional.of("welcome"), Optional.of(State.COMPLETED), 0, 10)));
			assertThat(completed.items()).extracting(RunHistory.Summary::id).containsExactly(started.runId());
			assertThat(completed.total()).isEqualTo(1);
			assertThat(as(ACME,
					() -> history.runs(ACME,
							new RunHistory.Query(Optional.of("welcome"), Optional.of(State.ACTIVE), 0, 10)))
				.total()).isZero();
		}
	}

	@Test
	void runWhenAnotherTenantAsksThenItIsNotThereAndCannotBeCancelledButItsOwnTenantCancelsIt() {
		deploy(ACME, awaiting("approval", "approved"));
		String run = as(ACME, () -> engine.start(ACME, "approval", Map.of("orderId", "A-7"), null)).runId();
		awaitRun(ACME, run, State.ACTIVE);

		assertThat(as(GLOBEX, () -> history.run(GLOBEX, run))).isEmpty();
		assertThat(
				as(GLOBEX, () -> history.runs(GLOBEX, new RunHistory.Query(Optional.empty(), Optional.empty(), 0, 100)))
					.items())
			.extracting(RunHistory.Summary::id)
			.doesNotContain(run);
		assertThat(as(GLOBEX, () -> engine.cancel(GLOBEX, run))).isFalse();
		assertThat(as(GLOBEX, () -> engine.retry(GLOBEX, run, 3))).isZero();
		assertThat(as(ACME, () -> history.run(ACME, run))).isPresent();

		assertThat(as(ACME, () -> engine.cancel(ACME, run))).isTrue();
		RunHistory.Run cancelled = awaitRun(ACME, run, State.CANCELLED);
		assertThat(cancelled.steps()).filteredOn((step) -> step.elementId().equals("wait"))
			.extracting(RunHistory.Step::outcome)
			.containsExactly(RunHistory.Outcome.TERMINATED);
		assertThat(as(ACME, () -> engine.cancel(ACME, run))).isFalse();
	}

	@Test
	void publishWhenAMessageWithATimeToLiveComesBeforeTheRunWaitsThenTheRunReceivesIt() {
		deploy(ACME, awaiting("payment", "order-paid"));
		Engine.Message paid = new Engine.Message("order-paid", "A-1", Map.of("paid", true), Duration.ofMinutes(5),
				Optional.of("delivery-1"));

		Engine.MessagePublished published = as(ACME, () -> engine.publish(ACME, paid));
		assertThat(published.buffered()).isTrue();
		assertThat(published.duplicate()).isFalse();
		assertThat(as(ACME, () -> engine.publish(ACME, paid)).duplicate()).isTrue();

		String run = as(ACME, () -> engine.start(ACME, "payment", Map.of("orderId", "A-1"), null)).runId();
		assertThat(awaitRun(ACME, run, State.COMPLETED).variables()).containsEntry("paid", true);
	}

	@Test
	void broadcastWhenOneTenantSignalsThenOnlyItsOwnRunsReceiveIt() {
		BpmnModelInstance listening = Bpmn.createExecutableProcess("on-launch")
			.startEvent()
			.intermediateCatchEvent("wait")
			.signal("campaign-launched")
			.endEvent()
			.done();
		deploy(ACME, listening);
		deploy(GLOBEX, listening);
		String acme = as(ACME, () -> engine.start(ACME, "on-launch", Map.of(), null)).runId();
		String globex = as(GLOBEX, () -> engine.start(GLOBEX, "on-launch", Map.of(), null)).runId();
		awaitStep(ACME, acme, "wait");
		awaitStep(GLOBEX, globex, "wait");

		as(GLOBEX, () -> {
			engine.broadcast(GLOBEX, "campaign-launched", Map.of());
			return null;
		});

		awaitRun(GLOBEX, globex, State.COMPLETED);
		assertThat(as(ACME, () -> history.run(ACME, acme)).orElseThrow().summary().state()).isEqualTo(State.ACTIVE);
		as(ACME, () -> {
			engine.broadcast(ACME, "campaign-launched", Map.of());
			return null;
		});
		awaitRun(ACME, acme, State.COMPLETED);
	}

	@Test
	void retryWhenAStepFailedWithNoRetriesLeftThenItsIncidentIsResolvedAndTheRunCompletes() {
		deploy(ACME,
				Bpmn.createExecutableProcess("crm-sync")
					.startEvent()
					.serviceTask("upsert-contact", (task) -> task.zeebeJobType("zeebe-crm"))
					.endEvent()
					.done());
		AtomicBoolean fixed = new AtomicBoolean();
		try (JobWorker worker = worker("zeebe-crm", (jobs, job) -> {
			if (fixed.get()) {
				jobs.newCompleteCommand(job).variables(Map.of("contactId", 42)).send().join();
			}
			else {
				jobs.newFailCommand(job).retries(0).errorMessage("The CRM refused the token").send().join();
			}
		})) {
			String run = as(ACME, () -> engine.start(ACME, "crm-sync", Map.of(), null)).runId();

			RunHistory.Run failed = awaitRun(ACME, run, State.INCIDENT);
			assertThat(failed.summary().openIncidents()).isEqualTo(1);
			RunHistory.Incident incident = failed.incidents().get(0);
			assertThat(incident.open()).isTrue();
			assertThat(incident.type()).isEqualTo("JOB_NO_RETRIES");
			assertThat(incident.message()).isEqualTo("The CRM refused the token");
			assertThat(incident.elementId()).isEqualTo("upsert-contact");
			RunHistory.Step step = failed.steps().get(1);
			assertThat(step.id()).isEqualTo(incident.stepId());
			assertThat(step.outcome()).isEqualTo(RunHistory.Outcome.INCIDENT);
			assertThat(step.task().id()).isEqualTo(incident.taskId());
			assertThat(step.task().retriesLeft()).isZero();

			fixed.set(true);
			assertThat(as(ACME, () -> engine.retry(ACME, run, 1))).isEqualTo(1);

			RunHistory.Run completed = awaitRun(ACME, run, State.COMPLETED);
			assertThat(completed.incidents()).singleElement().satisfies((resolved) -> {
				assertThat(resolved.open()).isFalse();
				assertThat(resolved.resolvedAt()).isNotNull();
			});
			assertThat(completed.variables()).containsEntry("contactId", 42);
			assertThat(as(ACME, () -> engine.retry(ACME, run, 1))).isZero();
		}
	}

	@Test
	void startWhenTheTenantHasNoSuchProcessThenNotFound() {
		deploy(GLOBEX, awaiting("globex-only", "never"));

		for (String processId : List.of("no-such-process", "globex-only")) {
			assertThatThrownBy(() -> as(ACME, () -> engine.start(ACME, processId, Map.of(), null)))
				.isInstanceOfSatisfying(EngineException.class,
						(ex) -> assertThat(ex.kind()).isEqualTo(EngineException.Kind.NOT_FOUND));
		}
	}

	@Test
	void runWhenBrainStartedItAndTheExporterHasNotWrittenItYetThenItIsActive() {
		Engine.Definition definition = deploy(ACME, awaiting("not-exported", "later"));
		String instance = "4503599627370497";
		as(ACME, () -> jdbc.sql("""
				insert into run (id, tenant_id, process_id, definition_id, instance_id, started_by, started_at, input)
				values (:id, 'acme', 'not-exported', :definition, :instance, 'ada', now(), '{}')
				""")
			.param("id", UUID.randomUUID())
			.param("definition", definition.definitionId())
			.param("instance", instance)
			.update());

		RunHistory.Summary run = as(ACME, () -> history.run(ACME, instance)).orElseThrow().summary();
		assertThat(run.state()).isEqualTo(State.ACTIVE);
		assertThat(run.processId()).isEqualTo("not-exported");
		assertThat(run.version()).isEqualTo(1);
		assertThat(run.startedAt()).isNotNull();
		assertThat(as(GLOBEX, () -> history.run(GLOBEX, instance))).isEmpty();
	}

	@Test
	void checkWhenAMessageIsNamedByAnExpressionThenAProblemOnItsElementAndTheModelIsNotDeployed() {
		String model = Bpmn.convertToString(Bpmn.createExecutableProcess("computed")
			.startEvent()
			.intermediateCatchEvent("wait")
			.message((message) -> message.name("=kind").zeebeCorrelationKeyExpression("orderId"))
			.endEvent()
			.done());

		assertThat(engine.check(ACME, model)).singleElement()
			.satisfies((problem) -> assertThat(problem.elementId()).isEqualTo("wait"));
		assertThatThrownBy(() -> engine.deploy(ACME, "computed.bpmn", model, "ada")).isInstanceOfSatisfying(
				ModelRefusedException.class,
				(ex) -> assertThat(ex.problems()).extracting((problem) -> problem.elementId()).containsExactly("wait"));
		assertThat(engine.check(ACME, "<not-bpmn")).singleElement()
			.satisfies((problem) -> assertThat(problem.elementId()).isNull());
	}

	@Test
	void configurationWhenTheEngineTypeIsZeebeThenItsEngineHistoryAndHealthInsteadOfTheOpenEngine() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(OperatonConfiguration.class, ZeebeConfiguration.class))
			.withPropertyValues("brain.engine.type=zeebe")
			.withBean(CamundaClient.class, ZeebeEngineTests::newClient)
			.withBean(DeploymentRegistry.class, () -> registry)
			.withBean(JdbcClient.class, () -> jdbc)
			.run((context) -> {
				assertThat(context).hasSingleBean(Engine.class).getBean(Engine.class).isInstanceOf(ZeebeEngine.class);
				assertThat(context).hasSingleBean(RunHistory.class);
				assertThat(context.getBean("zeebeHealthIndicator", HealthIndicator.class).health().getStatus())
					.isEqualTo(Status.UP);
			});
	}

	/** A client of the in-process engine, over gRPC as the api's is. */
	static CamundaClient newClient() {
		return CamundaClient.newClientBuilder()
			.grpcAddress(URI.create("http://" + zeebe.getGatewayAddress()))
			.preferRestOverGrpc(false)
			.build();
	}

	/**
	 * Deploys a model for a tenant and records its definitions in the registry, as the
	 * api does.
	 */
	static Engine.Definition deploy(TenantId tenant, BpmnModelInstance model) {
		Engine.Deployed deployed = engine.deploy(tenant, "model.bpmn", Bpmn.convertToString(model), "ada");
		for (Engine.Definition definition : deployed.processes()) {
			registry.record(new ProcessDeployment(definition.definitionId(), tenant, definition.processId(),
					definition.engineProcessId(), definition.version(), deployed.deploymentId(), "model.bpmn", "ada",
					Instant.now()));
		}
		return deployed.processes().get(0);
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

	static JobWorker worker(String type, JobHandler handler) {
		return client.newWorker().jobType(type).handler(handler).pollInterval(Duration.ofMillis(50)).open();
	}

	/** A run once the exporter has written it in a state. */
	static RunHistory.Run awaitRun(TenantId tenant, String runId, State state) {
		return await().atMost(Duration.ofSeconds(30))
			.until(() -> as(tenant, () -> history.run(tenant, runId)).orElse(null),
					(run) -> run != null && run.summary().state() == state);
	}

	/** A run once the exporter has written that it waits at a step. */
	static void awaitStep(TenantId tenant, String runId, String elementId) {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> as(tenant, () -> history.run(tenant, runId)).orElse(null), (run) -> run != null && run.steps()
				.stream()
				.anyMatch((step) -> step.elementId().equals(elementId) && step.outcome() == RunHistory.Outcome.ACTIVE));
	}

	/** Works for a tenant, as a request of it does. */
	static <T> T as(TenantId tenant, Supplier<T> work) {
		return TenantContext.call(tenant.value(), work);
	}

}
