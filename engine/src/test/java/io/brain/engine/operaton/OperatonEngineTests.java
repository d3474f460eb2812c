package io.brain.engine.operaton;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.brain.engine.Engine;
import io.brain.engine.EngineTask;
import io.brain.engine.ModelRefusedException;
import io.brain.engine.RunHistory;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The open engine runs models as users draw them for Camunda 8: each element kind the
 * translator carries, on Operaton over real PostgreSQL, observed through the port (tasks,
 * messages, signals, retries) and the engine's history; and each tenant stays inside its
 * own deployments.
 */
class OperatonEngineTests extends OperatonTestEngine {

	@Test
	void serviceTaskWhenFetchedThenCarriesTypeTenantHeadersRetriesAndMappedInputs() {
		engine.deploy(ACME, "order.bpmn",
				xml(Bpmn.createExecutableProcess("order-http")
					.startEvent()
					.serviceTask("call",
							(task) -> task.zeebeJobType("io.brain:http-order")
								.zeebeJobRetries("5")
								.zeebeTaskHeader("operation", "get")
								.zeebeInputExpression("\"https://shop.example/orders/\" + string(orderId)", "url")
								.zeebeInput("plain \"quoted\" text", "note"))
					.endEvent()
					.done()),
				"editor");
		Engine.RunStarted run = start(ACME, "order-http", Map.of("orderId", 42, "tenant", "globex"), "b-1");

		EngineTask task = fetchOne("io.brain:http-order");

		assertThat(task.tenant()).isEqualTo(ACME);
		assertThat(task.runId()).isEqualTo(run.runId());
		assertThat(task.elementId()).isEqualTo("call");
		assertThat(task.headers()).containsEntry("operation", "get");
		assertThat(task.retries()).isEqualTo(5);
		assertThat(task.variables()).containsEntry("url", "https://shop.example/orders/42")
			.containsEntry("note", "plain \"quoted\" text")
			.containsEntry("orderId", 42);
		engine.complete(task, Map.of("status", 200));
		assertThat(ended(run)).isTrue();
		assertThat(variable(run, "status")).isEqualTo(200);
	}

	@Test
	void outputMappingsWhenPresentThenOnlyTheMappedVariablesReachTheRun() {
		engine.deploy(ACME, "mapped.bpmn", xml(Bpmn.createExecutableProcess("mapped")
			.startEvent()
			.serviceTask("call",
					(task) -> task.zeebeJobType("io.brain:mapped").zeebeOutputExpression("statusCode * 10", "status"))
			.endEvent()
			.done()), "editor");
		Engine.RunStarted run = start(ACME, "mapped", Map.of(), null);

		engine.complete(fetchOne("io.brain:mapped"), Map.of("statusCode", 20, "body", "large"));

		assertThat(ended(run)).isTrue();
		assertThat(variable(run, "status")).isEqualTo(200L);
		assertThat(variable(run, "body")).isNull();
	}

	@Test
	void exclusiveGatewayWhenFeelConditionsThenTheMatchingPathIsTaken() {
		engine.deploy(ACME, "gateway.bpmn",
				xml(Bpmn.createExecutableProcess("gateway")
					.startEvent()
					.exclusiveGateway("amount")
					.conditionExpression("amount > 100")
					.endEvent("large")
					.moveToLastGateway()
					.conditionExpression("amount <= 100")
					.endEvent("small")
					.done()),
				"editor");

		Engine.RunStarted large = start(ACME, "gateway", Map.of("amount", 150), null);
		Engine.RunStarted small = start(ACME, "gateway", Map.of("amount", 50), null);

		assertThat(visited(large)).contains("large").doesNotContain("small");
		assertThat(visited(small)).contains("small").doesNotContain("large");
	}

	@Test
	void parallelGatewayAndScriptTaskWhenRunThenBothBranchesJoinWithTheScriptsResult() {
		engine.deploy(ACME, "parallel.bpmn", xml(Bpmn.createExecutableProcess("parallel")
			.startEvent()
			.parallelGateway("fork")
			.scriptTask("sum", (task) -> task.zeebeExpression("a + b").zeebeResultVariable("sum"))
			.parallelGateway("join")
			.endEvent("done")
			.moveToNode("fork")
			.scriptTask("greet", (task) -> task.zeebeExpression("\"hello \" + name").zeebeResultVariable("greeting"))
			.connectTo("join")
			.done()), "editor");

		Engine.RunStarted run = start(ACME, "parallel", Map.of("a", 2, "b", 3, "name", "Ada"), null);

		assertThat(ended(run)).isTrue();
		assertThat(variable(run, "sum")).isEqualTo(5L);
		assertThat(variable(run, "greeting")).isEqualTo("hello Ada");
	}

	@Test
	void failWhenRetriesRunOutThenIncidentAndRetryLetsTheStepRunAgain() {
		engine.deploy(ACME, "flaky.bpmn",
				xml(Bpmn.createExecutableProcess("flaky")
					.startEvent()
					.serviceTask("call", (task) -> task.zeebeJobType("io.brain:flaky").zeebeJobRetries("2"))
					.endEvent()
					.done()),
				"editor");
		Engine.RunStarted run = start(ACME, "flaky", Map.of(), null);

		EngineTask first = fetchOne("io.brain:flaky");
		assertThat(first.retries()).isEqualTo(2);
		engine.fail(first, "provider down", first.retries() - 1, Duration.ZERO);
		EngineTask second = fetchOne("io.brain:flaky");
		assertThat(second.retries()).isEqualTo(1);
		engine.fail(second, "provider still down", second.retries() - 1, Duration.ZERO);

		assertThat(engine.fetch("w", List.of("io.brain:flaky"), 10, Duration.ofMinutes(1))).isEmpty();
		assertThat(incidents(run)).containsExactly("provider still down");
		assertThat(engine.retry(GLOBEX, run.runId(), 1)).as("another tenant's retry").isZero();
		assertThat(engine.retry(ACME, run.runId(), 1)).isEqualTo(1);
		assertThat(incidents(run)).isEmpty();
		engine.complete(fetchOne("io.brain:flaky"), Map.of());
		assertThat(ended(run)).isTrue();
	}

	@Test
	void historyWhenAStepFailsAndIsRetriedThenTheRunReadsAsTheRunsPageShowsIt() {
		engine.deploy(ACME, "history.bpmn",
				xml(Bpmn.createExecutableProcess("history")
					.startEvent("start")
					.serviceTask("call", (task) -> task.zeebeJobType("io.brain:history").zeebeJobRetries("1"))
					.endEvent("end")
					.done()),
				"editor");
		Engine.RunStarted run = start(ACME, "history", Map.of("order", Map.of("id", 7)), "order-7");
		EngineTask task = fetchOne("io.brain:history");
		engine.fail(task, "Shop answered 503", 0, Duration.ZERO);

		RunHistory.Run failed = engine.history().run(ACME, run.runId()).orElseThrow();

		assertThat(failed.summary().state()).isEqualTo(RunHistory.State.INCIDENT);
		assertThat(failed.summary().processId()).isEqualTo("history");
		assertThat(failed.summary().businessKey()).isEqualTo("order-7");
		assertThat(failed.summary().openIncidents()).isEqualTo(1);
		assertThat(failed.steps()).extracting(RunHistory.Step::elementId).containsExactly("start", "call");
		RunHistory.Step call = failed.steps().get(1);
		assertThat(call.type()).isEqualTo("SERVICE_TASK");
		assertThat(call.outcome()).isEqualTo(RunHistory.Outcome.INCIDENT);
		assertThat(call.task().state()).isEqualTo("FAILED");
		assertThat(call.task().errorMessage()).isEqualTo("Shop answered 503");
		assertThat(call.task().retriesLeft()).isZero();
		assertThat(failed.incidents()).singleElement().satisfies((incident) -> {
			assertThat(incident.open()).isTrue();
			assertThat(incident.stepId()).isEqualTo(call.id());
			assertThat(incident.message()).isEqualTo("Shop answered 503");
		});
		assertThat(failed.variables()).containsEntry("order", Map.of("id", 7));
		assertThat(engine.history().run(GLOBEX, run.runId())).isEmpty();
		assertThat(engine.history()
			.runs(ACME, new RunHistory.Query(Optional.of("history"), Optional.of(RunHistory.State.INCIDENT), 0, 10))
			.items()).extracting(RunHistory.Summary::id).contains(run.runId());
		assertThat(engine.history()
			.runs(GLOBEX, new RunHistory.Query(Optional.of("history"), Optional.empty(), 0, 10))
			.total()).isZero();

		engine.retry(ACME, run.runId(), 1);
		engine.complete(fetchOne("io.brain:history"), Map.of("shipped", true));

		RunHistory.Run completed = engine.history().run(ACME, run.runId()).orElseThrow();
		assertThat(completed.summary().state()).isEqualTo(RunHistory.State.COMPLETED);
		assertThat(completed.summary().endedAt()).isNotNull();
		assertThat(completed.incidents()).singleElement()
			.satisfies((incident) -> assertThat(incident.open()).isFalse());
		assertThat(completed.steps()).extracting(RunHistory.Step::outcome)
			.containsExactly(RunHistory.Outcome.COMPLETED, RunHistory.Outcome.COMPLETED, RunHistory.Outcome.COMPLETED);
		assertThat(completed.steps().get(1).task().state()).isEqualTo("COMPLETED");
		assertThat(completed.variables()).containsEntry("shipped", true);
	}

	@Test
	void historyWhenACallActivityComputesItsProcessThenTheRunShowsNoneOfBrainsOwnVariables() {
		engine.deploy(ACME, "own-vars.bpmn",
				xml(Bpmn.createExecutableProcess("own-vars")
					.startEvent()
					.serviceTask("wait",
							(task) -> task.zeebeJobType("io.brain:own-vars").zeebeInputExpression("\"x\"", "local"))
					.endEvent()
					.done()),
				"editor");
		Engine.RunStarted run = start(ACME, "own-vars", Map.of("visible", 1), null);

		assertThat(engine.history().run(ACME, run.runId()).orElseThrow().variables()).containsOnlyKeys("visible");
	}

	@Test
	void throwErrorWhenABoundaryEventCatchesItsCodeThenTheRunTakesThatPath() {
		engine.deploy(ACME, "caught.bpmn",
				xml(Bpmn.createExecutableProcess("caught")
					.startEvent()
					.serviceTask("call", (task) -> task.zeebeJobType("io.brain:caught"))
					.boundaryEvent("not-found", (event) -> event.error("404"))
					.endEvent("handled")
					.moveToActivity("call")
					.endEvent("ok")
					.done()),
				"editor");
		Engine.RunStarted run = start(ACME, "caught", Map.of(), null);

		engine.throwError(fetchOne("io.brain:caught"), "404", "no such post", Map.of("reason", "gone"));

		assertThat(visited(run)).contains("handled").doesNotContain("ok");
		assertThat(variable(run, "reason")).isEqualTo("gone");
	}

	@Test
	void publishWhenRunsWaitWithCorrelationKeysThenOnlyTheTenantsRunWithThatKeyResumes() {
		BpmnModelInstance waiting = Bpmn.createExecutableProcess("await-payment")
			.startEvent()
			.intermediateCatchEvent("paid")
			.message((message) -> message.name("order-paid").zeebeCorrelationKeyExpression("orderId"))
			.endEvent()
			.done();
		engine.deploy(ACME, "await.bpmn", xml(waiting), "editor");
		engine.deploy(GLOBEX, "await.bpmn", xml(waiting), "editor");
		Engine.RunStarted first = start(ACME, "await-payment", Map.of("orderId", "A-1"), null);
		Engine.RunStarted second = start(ACME, "await-payment", Map.of("orderId", "A-2"), null);
		Engine.RunStarted globex = start(GLOBEX, "await-payment", Map.of("orderId", "A-2"), null);

		Engine.MessagePublished published = engine.publish(ACME,
				new Engine.Message("order-paid", "A-2", Map.of("paid", 1999), Duration.ZERO, Optional.empty()));

		assertThat(published.delivered()).isTrue();
		assertThat(ended(second)).isTrue();
		assertThat(variable(second, "paid")).isEqualTo(1999);
		assertThat(ended(first)).isFalse();
		assertThat(ended(globex)).isFalse();
	}

	@Test
	void publishWhenNoRunWaitsYetThenKeptForItsTimeToLiveAndHandedToTheFirstThatWaits() {
		engine.deploy(ACME, "await-later.bpmn", xml(awaiting("await-later", "invoice-sent")), "editor");

		Engine.MessagePublished published = engine.publish(ACME, new Engine.Message("invoice-sent", "I-1",
				Map.of("invoice", "I-1"), Duration.ofMinutes(1), Optional.of("invoice-1")));
		Engine.MessagePublished again = engine.publish(ACME,
				new Engine.Message("invoice-sent", "I-1", Map.of(), Duration.ofMinutes(1), Optional.of("invoice-1")));
		Engine.MessagePublished otherTenant = engine.publish(GLOBEX,
				new Engine.Message("invoice-sent", "I-1", Map.of(), Duration.ofMinutes(1), Optional.of("invoice-1")));
		Engine.RunStarted first = start(ACME, "await-later", Map.of("orderId", "I-1"), null);
		Engine.RunStarted second = start(ACME, "await-later", Map.of("orderId", "I-1"), null);

		assertThat(published.buffered()).isTrue();
		assertThat(published.delivered()).isFalse();
		assertThat(published.messageKey()).isNotBlank();
		assertThat(again.duplicate()).isTrue();
		assertThat(otherTenant.duplicate()).isFalse();
		await().atMost(Duration.ofSeconds(10)).until(() -> ended(first) || ended(second));
		await().during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(3))
			.until(() -> !(ended(first) && ended(second)));
		Engine.RunStarted resumed = ended(first) ? first : second;
		assertThat(variable(resumed, "invoice")).isEqualTo("I-1");
	}

	@Test
	void publishWhenTimeToLiveIsZeroOrPassedThenALaterRunKeepsWaiting() {
		engine.deploy(ACME, "await-none.bpmn", xml(awaiting("await-none", "refund-sent")), "editor");

		Engine.MessagePublished now = engine.publish(ACME,
				new Engine.Message("refund-sent", "R-1", Map.of(), Duration.ZERO, Optional.empty()));
		engine.publish(ACME,
				new Engine.Message("refund-sent", "R-2", Map.of(), Duration.ofSeconds(1), Optional.empty()));
		await().pollDelay(Duration.ofMillis(1500)).until(() -> true);
		Engine.RunStarted first = start(ACME, "await-none", Map.of("orderId", "R-1"), null);
		Engine.RunStarted second = start(ACME, "await-none", Map.of("orderId", "R-2"), null);

		assertThat(now).isEqualTo(new Engine.MessagePublished(false, false, false, null));
		await().during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(3))
			.until(() -> !ended(first) && !ended(second));
	}

	@Test
	void signalWhenBroadcastOrThrownThenOnlyTheTenantsProcessesReceiveIt() {
		BpmnModelInstance listening = Bpmn.createExecutableProcess("on-launch")
			.startEvent()
			.signal("campaign-launched")
			.endEvent()
			.done();
		engine.deploy(ACME, "listen.bpmn", xml(listening), "editor");
		engine.deploy(GLOBEX, "listen.bpmn", xml(listening), "editor");
		engine.deploy(ACME, "launch.bpmn",
				xml(Bpmn.createExecutableProcess("launch").startEvent().endEvent().signal("campaign-launched").done()),
				"editor");

		start(ACME, "launch", Map.of(), null);
		engine.broadcast(ACME, "campaign-launched", Map.of());
		settle();

		assertThat(runsOf(ACME, "on-launch")).isEqualTo(2);
		assertThat(runsOf(GLOBEX, "on-launch")).isZero();
	}

	@Test
	void callActivityWhenItNamesAProcessThenOnlyTheCallersTenantsProcessRuns() {
		BpmnModelInstance child = Bpmn.createExecutableProcess("child")
			.startEvent()
			.scriptTask("plans", (task) -> task.zeebeExpression("\"plans of \" + owner").zeebeResultVariable("plans"))
			.endEvent()
			.done();
		engine.deploy(GLOBEX, "child.bpmn", xml(child), "editor");
		engine.deploy(ACME, "caller.bpmn",
				xml(Bpmn.createExecutableProcess("caller")
					.startEvent()
					.callActivity("call", (call) -> call.zeebeProcessIdExpression("childId"))
					.endEvent()
					.done()),
				"editor");

		Engine.RunStarted refused = start(ACME, "caller", Map.of("childId", "child", "owner", "acme"), null);
		assertThat(incidents(refused)).singleElement().asString().contains("child");
		assertThat(runsOf(GLOBEX, "child")).isZero();

		engine.deploy(ACME, "child.bpmn", xml(child), "editor");
		Engine.RunStarted run = start(ACME, "caller", Map.of("childId", "child", "owner", "acme"), null);
		assertThat(ended(run)).isTrue();
		assertThat(variable(run, "plans")).isEqualTo("plans of acme");
	}

	@Test
	void timersWhenWrittenInFeelOrCronThenDueAsComputed() {
		engine.deploy(ACME, "timed.bpmn", xml(Bpmn.createExecutableProcess("timed")
			.startEvent()
			.serviceTask("slow", (task) -> task.zeebeJobType("io.brain:slow"))
			.boundaryEvent("too-slow", (event) -> event.timerWithDurationExpression("\"PT\" + string(mins) + \"M\""))
			.endEvent("gave-up")
			.moveToActivity("slow")
			.endEvent()
			.done()), "editor");
		engine.deploy(ACME, "weekly.bpmn", xml(
				Bpmn.createExecutableProcess("weekly").startEvent().timerWithCycle("0 0 9 * * MON").endEvent().done()),
				"editor");

		Engine.RunStarted run = start(ACME, "timed", Map.of("mins", 7), null);

		assertThat(timerDueIn(run).toMinutes()).isBetween(6L, 7L);
		assertThat(engine.processEngine()
			.getManagementService()
			.createJobQuery()
			.processDefinitionKey("weekly")
			.tenantIdIn(ACME.value())
			.count()).isEqualTo(1);
	}

	@Test
	void multiInstanceWhenOverACollectionThenOneStepPerItem() {
		engine.deploy(ACME, "each.bpmn", xml(Bpmn.createExecutableProcess("each")
			.startEvent()
			.serviceTask("mail", (task) -> task.zeebeJobType("io.brain:each"))
			.multiInstance(
					(loop) -> loop.parallel().zeebeInputCollectionExpression("recipients").zeebeInputElement("to"))
			.endEvent()
			.done()), "editor");
		Engine.RunStarted run = start(ACME, "each", Map.of("recipients", List.of("a@x", "b@x", "c@x")), null);

		List<EngineTask> tasks = engine.fetch("w", List.of("io.brain:each"), 10, Duration.ofMinutes(1));

		assertThat(tasks).extracting((task) -> task.variables().get("to"))
			.containsExactlyInAnyOrder("a@x", "b@x", "c@x");
		tasks.forEach((task) -> engine.complete(task, Map.of()));
		assertThat(ended(run)).isTrue();
	}

	@Test
	void deployWhenTheModelHoldsWhatTheOpenEngineCannotCarryThenRefusedOnTheElement() {
		assertRefused(Bpmn.createExecutableProcess("people").startEvent().userTask("approve").endEvent().done(),
				"approve", "User tasks");
		assertRefused(Bpmn.createExecutableProcess("typed")
			.startEvent()
			.serviceTask("call", (task) -> task.zeebeJobTypeExpression("kind"))
			.endEvent()
			.done(), "call", "plain text");
		String withJavaClass = xml(
				Bpmn.createExecutableProcess("java").startEvent().serviceTask("run").endEvent().done())
			.replaceFirst("id=\"run\"",
					"xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" camunda:class=\"java.lang.Runtime\" id=\"run\"");
		assertThatThrownBy(() -> engine.deploy(ACME, "java.bpmn", withJavaClass, "editor"))
			.isInstanceOfSatisfying(ModelRefusedException.class, (refused) -> assertThat(refused.problems())
				.anySatisfy((problem) -> assertThat(problem.message()).contains("camunda:class")));
		String withJuel = xml(
				Bpmn.createExecutableProcess("juel").startEvent().timerWithDuration("PT1H").endEvent().done())
			.replace("PT1H", "${execution.processEngineServices}");
		assertThatThrownBy(() -> engine.deploy(ACME, "juel.bpmn", withJuel, "editor"))
			.isInstanceOf(ModelRefusedException.class)
			.hasMessageContaining("${");
	}

	@Test
	void feelWhenAnExpressionDefinesAJavaFunctionThenRefusedWhenDeployed() {
		String callsJava = "{ peek: function(key) external { java: { class: \"java.lang.System\", "
				+ "method signature: \"getProperty(java.lang.String)\" } }, home: peek(\"user.home\") }.home";
		assertRefused(Bpmn.createExecutableProcess("java-feel")
			.startEvent()
			.scriptTask("peek", (task) -> task.zeebeExpression(callsJava).zeebeResultVariable("home"))
			.endEvent()
			.done(), "peek", "External functions are disabled");
	}

	private static void assertRefused(BpmnModelInstance model, String elementId, String text) {
		assertThatThrownBy(() -> engine.deploy(ACME, "refused.bpmn", xml(model), "editor")).isInstanceOfSatisfying(
				ModelRefusedException.class, (refused) -> assertThat(refused.problems()).anySatisfy((problem) -> {
					assertThat(problem.elementId()).isEqualTo(elementId);
					assertThat(problem.message()).contains(text);
				}));
	}

}
