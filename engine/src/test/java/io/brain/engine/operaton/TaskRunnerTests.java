package io.brain.engine.operaton;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.brain.engine.Engine;
import io.brain.engine.RunHistory;
import io.brain.engine.TaskRunner;
import io.brain.engine.TaskRunner.TaskOutcome;
import io.camunda.zeebe.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The task runner on the open engine: calls overlap up to the limits, a slow job type
 * holds only its own slots, and each way a call can end reaches the run.
 */
class TaskRunnerTests extends OperatonTestEngine {

	@Test
	void runWhenManyTasksWaitThenCallsOverlapUpToTheLimit() {
		deployCall("runner-overlap", "io.brain:runner-overlap", "3");
		List<Engine.RunStarted> runs = startRuns("runner-overlap", 24);
		AtomicInteger now = new AtomicInteger();
		AtomicInteger most = new AtomicInteger();
		TaskRunner.TaskHandler slowCall = (task) -> {
			most.accumulateAndGet(now.incrementAndGet(), Math::max);
			Thread.sleep(150);
			now.decrementAndGet();
			return new TaskOutcome.Completed(Map.of("answered", task.variables().get("n")));
		};

		try (TaskRunner runner = new TaskRunner(engine, Map.of("io.brain:runner-overlap", slowCall), settings(8, 8))) {
			await().atMost(Duration.ofSeconds(60)).until(() -> runs.stream().allMatch(OperatonTestEngine::ended));
		}

		assertThat(most.get()).isGreaterThan(1).isLessThanOrEqualTo(8);
		assertThat(variable(runs.get(5), "answered")).isEqualTo(5);
	}

	@Test
	void runWhenOneJobTypeIsSlowThenOtherTypesGoOnBesideIt() throws Exception {
		deployCall("runner-slow", "io.brain:runner-slow", "3");
		deployCall("runner-fast", "io.brain:runner-fast", "3");
		List<Engine.RunStarted> slow = startRuns("runner-slow", 8);
		CountDownLatch providerAnswers = new CountDownLatch(1);
		AtomicInteger waiting = new AtomicInteger();
		TaskRunner.TaskHandler stuck = (task) -> {
			waiting.incrementAndGet();
			providerAnswers.await(60, TimeUnit.SECONDS);
			return new TaskOutcome.Completed(Map.of());
		};
		TaskRunner.TaskHandler quick = (task) -> new TaskOutcome.Completed(Map.of());

		try (TaskRunner runner = new TaskRunner(engine,
				Map.of("io.brain:runner-slow", stuck, "io.brain:runner-fast", quick), settings(8, 4))) {
			// The slow provider holds its type's four slots; the other four stay free.
			await().atMost(Duration.ofSeconds(30)).until(() -> waiting.get() == 4);
			List<Engine.RunStarted> fast = startRuns("runner-fast", 4);
			await().atMost(Duration.ofSeconds(30)).until(() -> fast.stream().allMatch(OperatonTestEngine::ended));
			assertThat(waiting.get()).isEqualTo(4);
			assertThat(slow).noneMatch(OperatonTestEngine::ended);
			providerAnswers.countDown();
			await().atMost(Duration.ofSeconds(30)).until(() -> slow.stream().allMatch(OperatonTestEngine::ended));
		}
	}

	@Test
	void runWhenAHandlerThrowsThenTheTaskIsTriedUntilItsRetriesAreSpentThenAnIncidentStopsTheRun() {
		deployCall("runner-broken", "io.brain:runner-broken", "2");
		Engine.RunStarted run = start(ACME, "runner-broken", Map.of("n", 1), null);
		AtomicInteger attempts = new AtomicInteger();
		TaskRunner.TaskHandler broken = (task) -> {
			attempts.incrementAndGet();
			throw new IllegalStateException("The provider answered 503");
		};

		try (TaskRunner runner = new TaskRunner(engine, Map.of("io.brain:runner-broken", broken), settings(4, 4))) {
			await().atMost(Duration.ofSeconds(30)).until(() -> !incidents(run).isEmpty());
		}

		assertThat(attempts.get()).isEqualTo(2);
		assertThat(incidents(run)).containsExactly("The provider answered 503");
		assertThat(engine.history().run(ACME, run.runId()).orElseThrow().summary().state())
			.isEqualTo(RunHistory.State.INCIDENT);
	}

	@Test
	void runWhenAHandlerAnswersWithABpmnErrorThenTheModelCatchesIt() {
		engine.deploy(ACME, "runner-error.bpmn",
				xml(Bpmn.createExecutableProcess("runner-error")
					.startEvent()
					.serviceTask("call", (task) -> task.zeebeJobType("io.brain:runner-error"))
					.boundaryEvent("missing", (event) -> event.error("404"))
					.endEvent("skipped")
					.moveToActivity("call")
					.endEvent("done")
					.done()),
				"editor");
		Engine.RunStarted run = start(ACME, "runner-error", Map.of(), null);
		TaskRunner.TaskHandler notFound = (task) -> new TaskOutcome.BpmnError("404", "No such post", Map.of());

		try (TaskRunner runner = new TaskRunner(engine, Map.of("io.brain:runner-error", notFound), settings(4, 4))) {
			await().atMost(Duration.ofSeconds(30)).until(() -> ended(run));
		}

		assertThat(visited(run)).contains("missing", "skipped").doesNotContain("done");
	}

	@Test
	void runWhenACallOutlastsTheLockThenTheLockIsKeptAndTheTaskIsWorkedOnce() {
		deployCall("runner-long", "io.brain:runner-long", "3");
		Engine.RunStarted run = start(ACME, "runner-long", Map.of("n", 1), null);
		AtomicInteger calls = new AtomicInteger();
		TaskRunner.TaskHandler llmCall = (task) -> {
			calls.incrementAndGet();
			Thread.sleep(9000);
			return new TaskOutcome.Completed(Map.of("answer", "done"));
		};
		TaskRunner.Settings shortLocks = new TaskRunner.Settings("runner-tests", 4, 4, 10, Duration.ofSeconds(4),
				Duration.ofMillis(100), Duration.ZERO, Duration.ofSeconds(5));

		try (TaskRunner runner = new TaskRunner(engine, Map.of("io.brain:runner-long", llmCall), shortLocks)) {
			await().atMost(Duration.ofSeconds(30)).until(() -> ended(run));
		}

		assertThat(calls.get()).isEqualTo(1);
		assertThat(variable(run, "answer")).isEqualTo("done");
	}

	private static void deployCall(String processId, String type, String retries) {
		engine.deploy(ACME, processId + ".bpmn",
				xml(Bpmn.createExecutableProcess(processId)
					.startEvent()
					.serviceTask("call", (task) -> task.zeebeJobType(type).zeebeJobRetries(retries))
					.endEvent()
					.done()),
				"editor");
	}

	private static List<Engine.RunStarted> startRuns(String processId, int count) {
		List<Engine.RunStarted> runs = new ArrayList<>();
		for (int n = 0; n < count; n++) {
			runs.add(start(ACME, processId, Map.of("n", n), null));
		}
		return runs;
	}

	private static TaskRunner.Settings settings(int maxInFlight, int maxPerType) {
		return new TaskRunner.Settings("runner-tests", maxInFlight, maxPerType, 50, Duration.ofMinutes(1),
				Duration.ofMillis(100), Duration.ZERO, Duration.ofSeconds(5));
	}

}
