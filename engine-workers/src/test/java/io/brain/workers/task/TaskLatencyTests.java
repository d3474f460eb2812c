package io.brain.workers.task;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.brain.core.tenant.TenantId;
import io.brain.engine.EngineTask;
import io.brain.engine.TaskRunner.TaskHandler;
import io.brain.engine.TaskRunner.TaskOutcome;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaskLatencyTests {

	final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	final TaskLatency latency = new TaskLatency(this.meters);

	@Test
	void handleWhenTaskCompletesThenTimesItFromItsCreationPerConnector() throws Exception {
		TaskHandler handler = this.latency
			.timing(Map.of("io.brain:wordpress:1", (task) -> new TaskOutcome.Completed(Map.of())))
			.get("io.brain:wordpress:1");
		handler.handle(task("io.brain:wordpress:1", Instant.now().minusSeconds(3), 3));
		var timer = this.meters.get("brain.task.latency")
			.tags("connector", "wordpress", "outcome", "completed")
			.timer();
		assertThat(timer.count()).isEqualTo(1);
		assertThat(timer.totalTime(TimeUnit.MILLISECONDS)).isBetween(3000.0, 10_000.0);
	}

	@Test
	void handleWhenTaskFailsOrThrowsThenTimedAsFailedButNotWhenSentBackWithItsRetries() throws Exception {
		Map<String, TaskHandler> handlers = this.latency.timing(Map.of("io.brain:http-request:1",
				(task) -> new TaskOutcome.Failed("boom", task.retries() - 1, Duration.ZERO), "io.brain:stripe:1",
				(task) -> new TaskOutcome.Failed("over the tenant's limit", task.retries(), Duration.ofSeconds(1)),
				"io.brain:email:1", (task) -> {
					throw new IllegalStateException("broken");
				}));
		handlers.get("io.brain:http-request:1").handle(task("io.brain:http-request:1", Instant.now(), 3));
		handlers.get("io.brain:stripe:1").handle(task("io.brain:stripe:1", Instant.now(), 3));
		assertThatThrownBy(() -> handlers.get("io.brain:email:1").handle(task("io.brain:email:1", Instant.now(), 3)))
			.hasMessage("broken");
		assertThat(this.meters.get("brain.task.latency")
			.tags("connector", "http-request", "outcome", "failed")
			.timer()
			.count()).isEqualTo(1);
		assertThat(
				this.meters.get("brain.task.latency").tags("connector", "email", "outcome", "failed").timer().count())
			.isEqualTo(1);
		assertThat(this.meters.find("brain.task.latency").tag("connector", "stripe").timer()).isNull();
	}

	private static EngineTask task(String type, Instant createdAt, int retries) {
		return new EngineTask("task-1", "tests", type, new TenantId("acme"), "run-1", "process", "step", Map.of(),
				Map.of(), retries, createdAt);
	}

}
