package io.brain.engine.operaton;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.brain.engine.Engine;
import io.brain.engine.EngineTask;
import io.camunda.zeebe.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.ProcessEngineException;

import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The open engine's starts and messages join the caller's transaction: what the caller
 * writes and the run it starts commit together or not at all, and a command the engine
 * refuses leaves the rest of the caller's transaction able to commit.
 */
class OperatonTransactionTests extends OperatonTestEngine {

	@BeforeAll
	static void deploy() {
		engine.deploy(ACME, "joined.bpmn",
				xml(Bpmn.createExecutableProcess("joined")
					.startEvent()
					.serviceTask("step", (task) -> task.zeebeJobType("io.brain:joined:1"))
					.endEvent()
					.done()),
				"tests");
		engine.deploy(ACME, "waits.bpmn", xml(awaiting("waits", "paid")), "tests");
		engine.deploy(ACME, "by-message.bpmn",
				xml(Bpmn.createExecutableProcess("by-message").startEvent().message("order placed").endEvent().done()),
				"tests");
	}

	@Test
	void startWhenTheCallersTransactionRollsBackThenNoRunExists() {
		long before = runsOf(ACME, "joined");
		new TransactionTemplate(transactions).executeWithoutResult((tx) -> {
			engine.start(ACME, "joined", Map.of("n", 1), null);
			tx.setRollbackOnly();
		});
		assertThat(runsOf(ACME, "joined")).isEqualTo(before);
		assertThat(engine.fetch("w", List.of("io.brain:joined:1"), 10, java.time.Duration.ofSeconds(5))).isEmpty();
	}

	@Test
	void startWhenTheCallersTransactionCommitsThenTheRunExistsFromTheCommitOn() throws Exception {
		long before = runsOf(ACME, "joined");
		Engine.RunStarted started = new TransactionTemplate(transactions).execute((tx) -> {
			Engine.RunStarted run = engine.start(ACME, "joined", Map.of("n", 2), null);
			// Another connection does not see the run before the caller commits.
			long seenOutside = CompletableFuture.supplyAsync(() -> runsOf(ACME, "joined")).join();
			assertThat(seenOutside).isEqualTo(before);
			return run;
		});
		assertThat(runsOf(ACME, "joined")).isEqualTo(before + 1);
		settle();
		assertThat(visited(started)).contains("step");
	}

	@Test
	void commandWhenTheEngineRefusesItInsideTheCallersTransactionThenTheRestStillCommits() {
		start(ACME, "joined", Map.of("n", 3), null);
		EngineTask locked = fetchOne("io.brain:joined:1");
		EngineTask someoneElses = new EngineTask(locked.id(), "intruder", locked.type(), locked.tenant(),
				locked.runId(), locked.processId(), locked.elementId(), locked.variables(), locked.headers(),
				locked.retries(), locked.createdAt());
		long before = runsOf(ACME, "joined");
		new TransactionTemplate(transactions).executeWithoutResult((tx) -> {
			engine.start(ACME, "joined", Map.of("n", 4), null);
			// The engine refuses this one: another worker holds the task.
			assertThatThrownBy(() -> engine.complete(someoneElses, Map.of()))
				.isInstanceOf(ProcessEngineException.class);
			// A message no run waits for, with nothing kept: the engine finds no one.
			assertThat(engine
				.publish(ACME,
						new Engine.Message("paid", "order-x", Map.of(), java.time.Duration.ZERO,
								java.util.Optional.empty()))
				.delivered()).isFalse();
			engine.start(ACME, "joined", Map.of("n", 5), null);
		});
		assertThat(runsOf(ACME, "joined")).isEqualTo(before + 2);
	}

	@Test
	void startedWithWhenARunCarriesTheStartKeyThenFoundInItsTenantOnly() {
		Engine.RunStarted started = engine.start(ACME, "joined", Map.of("n", 6), "schedule:42:2026-12-07T08:00:00Z");
		assertThat(engine.startedWith(ACME, "schedule:42:2026-12-07T08:00:00Z")).contains(started);
		assertThat(engine.startedWith(GLOBEX, "schedule:42:2026-12-07T08:00:00Z")).isEmpty();
		assertThat(engine.startedWith(ACME, "schedule:42:2026-12-14T08:00:00Z")).isEmpty();
		assertThat(engine.joinsTransactions()).isTrue();
	}

	@Test
	void publishWhenTheRunWaitsOnlyLaterInAMultiInstanceSubprocessThenTheKeptMessageReachesIt() {
		engine.deploy(ACME, "early.bpmn",
				xml(Bpmn.createExecutableProcess("early")
					.startEvent()
					.subProcess("tools")
					.multiInstance((loop) -> loop.zeebeInputCollectionExpression("calls").zeebeInputElement("call"))
					.embeddedSubProcess()
					.startEvent()
					.receiveTask("approve")
					.message((message) -> message.name("agent-approval").zeebeCorrelationKeyExpression("call.id"))
					.endEvent()
					.subProcessDone()
					.endEvent()
					.done()),
				"tests");
		engine.publish(ACME, new Engine.Message("agent-approval", "call-early", Map.of("approval", "yes"),
				java.time.Duration.ofHours(1), java.util.Optional.of("approval:call-early")));
		Engine.RunStarted run = start(ACME, "early", Map.of("calls", List.of(Map.of("id", "call-early"))), null);
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(ended(run)).as("the run got its kept message").isTrue());
	}

}
