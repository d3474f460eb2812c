package io.brain.engine.operaton;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.brain.engine.Engine;
import io.brain.engine.EngineTask;
import io.brain.engine.RunHistory;
import io.camunda.zeebe.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One model per element kind the translator carries, drawn as users draw them for Camunda
 * 8 and run on the open engine: the path each takes, as observed in the run's history.
 */
class OperatonElementKindTests extends OperatonTestEngine {

	@Test
	void receiveTaskWhenItsMessageArrivesThenTheRunGoesOn() {
		engine.deploy(ACME, "sign.bpmn",
				xml(Bpmn.createExecutableProcess("kind-receive")
					.startEvent()
					.receiveTask("signed",
							(task) -> task.message((m) -> m.name("doc-signed").zeebeCorrelationKeyExpression("docId")))
					.endEvent("filed")
					.done()),
				"editor");
		Engine.RunStarted run = start(ACME, "kind-receive", Map.of("docId", 17), null);

		engine.publish(ACME, message("doc-signed", "17"));

		assertThat(visited(run)).contains("signed", "filed");
		assertThat(ended(run)).isTrue();
	}

	@Test
	void boundaryMessageWhenPublishedThenItInterruptsTheStep() {
		engine.deploy(ACME, "cancel.bpmn", xml(Bpmn.createExecutableProcess("kind-boundary-message")
			.startEvent()
			.serviceTask("ship", (task) -> task.zeebeJobType("io.brain:kind-ship"))
			.boundaryEvent("cancelled",
					(event) -> event.message((m) -> m.name("order-cancelled").zeebeCorrelationKeyExpression("orderId")))
			.endEvent("refunded")
			.moveToActivity("ship")
			.endEvent("shipped")
			.done()), "editor");
		Engine.RunStarted run = start(ACME, "kind-boundary-message", Map.of("orderId", "O-9"), null);

		engine.publish(ACME, message("order-cancelled", "O-9"));

		assertThat(visited(run)).contains("cancelled", "refunded").doesNotContain("shipped");
		assertThat(engine.fetch("w", List.of("io.brain:kind-ship"), 10, Duration.ofMinutes(1))).isEmpty();
	}

	@Test
	void inclusiveGatewayWhenTwoConditionsHoldThenBothPathsRunAndJoin() {
		engine.deploy(ACME, "inclusive.bpmn",
				xml(Bpmn.createExecutableProcess("kind-inclusive")
					.startEvent()
					.inclusiveGateway("fork")
					.conditionExpression("email")
					.scriptTask("mail", (task) -> task.zeebeExpression("\"mailed\"").zeebeResultVariable("mailed"))
					.inclusiveGateway("join")
					.endEvent("done")
					.moveToNode("fork")
					.conditionExpression("sms")
					.scriptTask("text", (task) -> task.zeebeExpression("\"texted\"").zeebeResultVariable("texted"))
					.connectTo("join")
					.moveToNode("fork")
					.conditionExpression("post")
					.scriptTask("letter", (task) -> task.zeebeExpression("\"posted\"").zeebeResultVariable("posted"))
					.connectTo("join")
					.done()),
				"editor");

		Engine.RunStarted run = start(ACME, "kind-inclusive", Map.of("email", true, "sms", true, "post", false), null);

		assertThat(visited(run)).contains("mail", "text", "done").doesNotContain("letter");
		assertThat(ended(run)).isTrue();
	}

	@Test
	void embeddedSubprocessWhenItEndsWithAnErrorThenItsBoundaryCatchesIt() {
		engine.deploy(ACME, "sub.bpmn", xml(Bpmn.createExecutableProcess("kind-subprocess")
			.startEvent()
			.subProcess("check",
					(sub) -> sub.embeddedSubProcess()
						.startEvent()
						.scriptTask("score", (task) -> task.zeebeExpression("risk * 2").zeebeResultVariable("score"))
						.endEvent("too-risky", (end) -> end.error("RISK")))
			.boundaryEvent("refused", (event) -> event.error("RISK"))
			.endEvent("manual-review")
			.moveToActivity("check")
			.endEvent("approved")
			.done()), "editor");

		Engine.RunStarted run = start(ACME, "kind-subprocess", Map.of("risk", 4), null);

		assertThat(visited(run)).contains("score", "too-risky", "refused", "manual-review").doesNotContain("approved");
		assertThat(variable(run, "score")).isEqualTo(8L);
	}

	@Test
	void eventSubprocessWhenAWorkerThrowsItsErrorThenItHandlesTheRun() {
		engine.deploy(ACME, "event-sub.bpmn",
				xml(Bpmn.createExecutableProcess("kind-event-subprocess")
					.eventSubProcess("on-fraud", (sub) -> sub.startEvent("fraud").error("FRAUD").endEvent("blocked"))
					.startEvent()
					.serviceTask("charge", (task) -> task.zeebeJobType("io.brain:kind-charge"))
					.endEvent("charged")
					.done()),
				"editor");
		Engine.RunStarted run = start(ACME, "kind-event-subprocess", Map.of(), null);

		engine.throwError(fetchOne("io.brain:kind-charge"), "FRAUD", "card reported stolen", Map.of());

		assertThat(visited(run)).contains("fraud", "blocked").doesNotContain("charged");
		assertThat(ended(run)).isTrue();
	}

	@Test
	void eventBasedGatewayWhenTheMessageComesBeforeTheTimerThenTheMessagePathIsTaken() {
		engine.deploy(ACME, "race.bpmn",
				xml(Bpmn.createExecutableProcess("kind-event-gateway")
					.startEvent()
					.eventBasedGateway("first")
					.intermediateCatchEvent("paid")
					.message((m) -> m.name("invoice-paid").zeebeCorrelationKeyExpression("invoice"))
					.endEvent("closed")
					.moveToLastGateway()
					.intermediateCatchEvent("overdue")
					.timerWithDuration("PT72H")
					.endEvent("reminded")
					.done()),
				"editor");
		Engine.RunStarted run = start(ACME, "kind-event-gateway", Map.of("invoice", "INV-3", "graceHours", 72), null);
		assertThat(timerDueIn(run).toHours()).isBetween(71L, 72L);

		engine.publish(ACME, message("invoice-paid", "INV-3"));

		assertThat(visited(run)).contains("paid", "closed").doesNotContain("reminded");
		assertThat(ended(run)).isTrue();
	}

	@Test
	void escalationWhenASubprocessEndsWithOneThenTheBoundaryOnItTakesOver() {
		engine.deploy(ACME, "escalate.bpmn", xml(Bpmn.createExecutableProcess("kind-escalation")
			.startEvent()
			.subProcess("deliver",
					(sub) -> sub.embeddedSubProcess().startEvent().endEvent("late", (end) -> end.escalation("LATE")))
			.boundaryEvent("escalated", (event) -> event.escalation("LATE"))
			.endEvent("apologised")
			.moveToActivity("deliver")
			.endEvent("delivered")
			.done()), "editor");

		Engine.RunStarted run = start(ACME, "kind-escalation", Map.of(), null);

		assertThat(visited(run)).contains("late", "escalated", "apologised").doesNotContain("delivered");
	}

	@Test
	void terminateEndEventWhenReachedThenTheRunCompletesAndItsOtherStepsEnd() {
		engine.deploy(ACME, "terminate.bpmn",
				xml(Bpmn.createExecutableProcess("kind-terminate")
					.startEvent()
					.parallelGateway("fork")
					.serviceTask("slow", (task) -> task.zeebeJobType("io.brain:kind-slow"))
					.endEvent()
					.moveToNode("fork")
					.endEvent("stop", (end) -> end.terminate())
					.done()),
				"editor");

		Engine.RunStarted run = start(ACME, "kind-terminate", Map.of(), null);

		RunHistory.Run seen = engine.history().run(ACME, run.runId()).orElseThrow();
		assertThat(seen.summary().state()).isEqualTo(RunHistory.State.COMPLETED);
		assertThat(seen.steps()).filteredOn((step) -> step.elementId().equals("slow"))
			.extracting(RunHistory.Step::outcome)
			.containsExactly(RunHistory.Outcome.TERMINATED);
		assertThat(engine.fetch("w", List.of("io.brain:kind-slow"), 10, Duration.ofMinutes(1))).isEmpty();
	}

	@Test
	void intermediateTimerWhenItsDurationIsFeelThenDueAsComputed() {
		engine.deploy(ACME, "wait.bpmn",
				xml(Bpmn.createExecutableProcess("kind-timer")
					.startEvent()
					.intermediateCatchEvent("cool-off")
					.timerWithDurationExpression("\"PT\" + string(hours) + \"H\"")
					.endEvent()
					.done()),
				"editor");

		Engine.RunStarted run = start(ACME, "kind-timer", Map.of("hours", 3), null);

		assertThat(timerDueIn(run).toMinutes()).isBetween(178L, 180L);
	}

	@Test
	void intermediateSignalWhenBroadcastInTheTenantThenTheRunGoesOnAndNotOtherwise() {
		engine.deploy(ACME, "go.bpmn",
				xml(Bpmn.createExecutableProcess("kind-signal-catch")
					.startEvent()
					.intermediateCatchEvent("go")
					.signal("launch-day")
					.endEvent()
					.done()),
				"editor");
		Engine.RunStarted run = start(ACME, "kind-signal-catch", Map.of(), null);

		engine.broadcast(GLOBEX, "launch-day", Map.of());
		assertThat(ended(run)).isFalse();
		engine.broadcast(ACME, "launch-day", Map.of("launched", true));

		assertThat(ended(run)).isTrue();
	}

	@Test
	void eventBasedGatewayWhenItsTimerIsFeelThenDueAsComputedAndTheMessageStillWins() {
		engine.deploy(ACME, "race-feel.bpmn",
				xml(Bpmn.createExecutableProcess("kind-event-gateway-feel")
					.startEvent()
					.eventBasedGateway("first")
					.intermediateCatchEvent("paid")
					.message((m) -> m.name("invoice-settled").zeebeCorrelationKeyExpression("invoice"))
					.endEvent("closed")
					.moveToLastGateway()
					.intermediateCatchEvent("overdue")
					.timerWithDurationExpression("\"PT\" + string(graceHours) + \"H\"")
					.endEvent("reminded")
					.done()),
				"editor");

		Engine.RunStarted run = start(ACME, "kind-event-gateway-feel", Map.of("invoice", "INV-8", "graceHours", 5),
				null);

		assertThat(incidents(run)).isEmpty();
		assertThat(timerDueIn(run).toMinutes()).isBetween(298L, 300L);
		assertThat(variable(run, "brain_timer_1")).isNull();
		engine.publish(ACME, message("invoice-settled", "INV-8"));
		assertThat(visited(run)).contains("paid", "closed").doesNotContain("reminded");
		assertThat(ended(run)).isTrue();
	}

	@Test
	void throwErrorWhenNothingCatchesItsCodeThenAnIncidentStopsTheRunAtTheStep() {
		engine.deploy(ACME, "uncaught.bpmn",
				xml(Bpmn.createExecutableProcess("kind-error-uncaught")
					.startEvent()
					.serviceTask("charge", (task) -> task.zeebeJobType("io.brain:kind-uncaught"))
					.endEvent("charged")
					.done()),
				"editor");
		Engine.RunStarted run = start(ACME, "kind-error-uncaught", Map.of(), null);

		engine.throwError(fetchOne("io.brain:kind-uncaught"), "NOBODY_CATCHES", "card declined", Map.of());

		assertThat(ended(run)).isFalse();
		RunHistory.Run seen = engine.history().run(ACME, run.runId()).orElseThrow();
		assertThat(seen.summary().state()).isEqualTo(RunHistory.State.INCIDENT);
		assertThat(seen.incidents()).singleElement().satisfies((incident) -> {
			assertThat(incident.elementId()).isEqualTo("charge");
			assertThat(incident.message()).contains("NOBODY_CATCHES", "card declined");
		});
		assertThat(visited(run)).doesNotContain("charged");
	}

	@Test
	void callActivityWhenItPropagatesNoChildVariablesThenItsOutputMappingsStillReadThem() {
		engine.deploy(ACME, "child.bpmn",
				xml(Bpmn.createExecutableProcess("kind-child-scored")
					.startEvent()
					.scriptTask("score", (task) -> task.zeebeExpression("base + 1").zeebeResultVariable("fromChild"))
					.endEvent()
					.done()),
				"editor");
		engine.deploy(ACME, "parent.bpmn",
				xml(Bpmn.createExecutableProcess("kind-call-mapped")
					.startEvent()
					.callActivity("call",
							(call) -> call.zeebeProcessId("kind-child-scored")
								.zeebePropagateAllChildVariables(false)
								.zeebeOutputExpression("fromChild * 10", "scaled"))
					.endEvent()
					.done()),
				"editor");

		Engine.RunStarted run = start(ACME, "kind-call-mapped", Map.of("base", 1), null);

		assertThat(ended(run)).isTrue();
		assertThat(variable(run, "scaled")).isEqualTo(20L);
		assertThat(variable(run, "fromChild")).isNull();
	}

	@Test
	void historyWhenASubprocessMapsInputsThenTheyAreNotTheRunsVariables() {
		engine.deploy(ACME, "pack.bpmn",
				xml(Bpmn.createExecutableProcess("kind-subprocess-inputs")
					.startEvent()
					.subProcess("pack",
							(sub) -> sub.zeebeInputExpression("count(items)", "toPack")
								.zeebeOutputExpression("toPack * 2", "parcels")
								.embeddedSubProcess()
								.startEvent()
								.endEvent())
					.endEvent()
					.done()),
				"editor");

		Engine.RunStarted run = start(ACME, "kind-subprocess-inputs", Map.of("items", List.of("a", "b")), null);

		assertThat(engine.history().run(ACME, run.runId()).orElseThrow().variables()).containsOnlyKeys("items",
				"parcels");
	}

	@Test
	void scriptTaskWhenItsResultHoldsDatesTimesAndDurationsThenTheRunKeepsThemAsZeebeWritesThem() {
		engine.deploy(ACME, "dates.bpmn", xml(Bpmn.createExecutableProcess("kind-temporal")
			.startEvent()
			.scriptTask("dates", (task) -> task
				.zeebeExpression("{day: date(\"2025-05-01\"), at: date and time(\"2025-05-01T10:00:00Z\"), "
						+ "zoned: date and time(\"2025-05-01T10:00:00@Europe/Berlin\"), "
						+ "local: date and time(\"2025-05-01T10:00:00\"), time: time(\"10:15:00+01:00\"), "
						+ "wait: duration(\"PT1H30M\"), months: duration(\"P1Y2M\"), list: [date(\"2025-05-02\")]}")
				.zeebeResultVariable("when"))
			.scriptTask("next",
					(task) -> task.zeebeExpression("date(\"2025-05-01\") + duration(\"P1D\")")
						.zeebeResultVariable("nextDay"))
			.endEvent()
			.done()), "editor");

		Engine.RunStarted run = start(ACME, "kind-temporal", Map.of(), null);

		assertThat(incidents(run)).isEmpty();
		assertThat(variable(run, "nextDay")).isEqualTo("2025-05-02");
		assertThat(variable(run, "when")).isEqualTo(Map.of("day", "2025-05-01", "at", "2025-05-01T10:00:00Z", "zoned",
				"2025-05-01T10:00:00+02:00[Europe/Berlin]", "local", "2025-05-01T10:00:00", "time", "10:15:00+01:00",
				"wait", "PT1H30M", "months", "P1Y2M", "list", List.of("2025-05-02")));
	}

	@Test
	void inputMappingsWhenOneReadsAnEarlierOneThenItSeesItsValue() {
		engine.deploy(ACME, "quote.bpmn",
				xml(Bpmn.createExecutableProcess("kind-chained-inputs")
					.startEvent()
					.serviceTask("quote",
							(task) -> task.zeebeJobType("io.brain:kind-quote")
								.zeebeInputExpression("price * quantity", "net")
								.zeebeInputExpression("net * 2", "gross")
								.zeebeInputExpression("\"net \" + string(net)", "label"))
					.endEvent()
					.done()),
				"editor");
		start(ACME, "kind-chained-inputs", Map.of("price", 10, "quantity", 3), null);

		EngineTask task = fetchOne("io.brain:kind-quote");

		assertThat(task.variables()).containsEntry("net", 30L)
			.containsEntry("gross", 60L)
			.containsEntry("label", "net 30");
	}

	@Test
	void historyWhenAStepOfACalledRunFailsThenOnlyTheCalledRunHasTheIncident() {
		engine.deploy(ACME, "failing-child.bpmn",
				xml(Bpmn.createExecutableProcess("kind-child-failing")
					.startEvent()
					.serviceTask("child-step", (task) -> task.zeebeJobType("io.brain:kind-child-step"))
					.endEvent()
					.done()),
				"editor");
		engine.deploy(ACME, "calling.bpmn",
				xml(Bpmn.createExecutableProcess("kind-calling")
					.startEvent()
					.callActivity("call", (call) -> call.zeebeProcessId("kind-child-failing"))
					.endEvent()
					.done()),
				"editor");
		Engine.RunStarted run = start(ACME, "kind-calling", Map.of(), null);

		EngineTask task = fetchOne("io.brain:kind-child-step");
		engine.fail(task, "The provider is down", 0, Duration.ZERO);

		RunHistory.Run calling = engine.history().run(ACME, run.runId()).orElseThrow();
		assertThat(calling.summary().state()).isEqualTo(RunHistory.State.ACTIVE);
		assertThat(calling.incidents()).isEmpty();
		assertThat(engine.history()
			.runs(ACME,
					new RunHistory.Query(Optional.of("kind-calling"), Optional.of(RunHistory.State.INCIDENT), 0, 10))
			.total()).isZero();
		RunHistory.Run called = engine.history().run(ACME, task.runId()).orElseThrow();
		assertThat(called.summary().state()).isEqualTo(RunHistory.State.INCIDENT);
		assertThat(called.incidents()).extracting(RunHistory.Incident::elementId).containsExactly("child-step");
		assertThat(engine.history()
			.runs(ACME,
					new RunHistory.Query(Optional.of("kind-child-failing"), Optional.of(RunHistory.State.INCIDENT), 0,
							10))
			.total()).isEqualTo(1);
	}

	private static Engine.Message message(String name, String key) {
		return new Engine.Message(name, key, Map.of(), Duration.ZERO, Optional.empty());
	}

}
