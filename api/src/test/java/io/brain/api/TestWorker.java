package io.brain.api;

import java.time.Duration;
import java.util.Map;

import io.brain.engine.TaskRunner;
import io.brain.engine.TaskSource;

/**
 * A worker for one job type in a test: works the engine's tasks of that type through the
 * engine port, as the workers application does, with short waits.
 */
public final class TestWorker {

	private TestWorker() {
	}

	/** Starts working the type's tasks; close the runner to stop. */
	public static TaskRunner open(TaskSource source, String jobType, TaskRunner.TaskHandler handler) {
		return new TaskRunner(source, Map.of(jobType, handler), new TaskRunner.Settings("test-" + jobType, 8, 8, 8,
				Duration.ofSeconds(10), Duration.ofMillis(50), Duration.ZERO, Duration.ofSeconds(2)));
	}

	/** Completes every task of the type with the same outputs. */
	public static TaskRunner completing(TaskSource source, String jobType, Map<String, Object> outputs) {
		return open(source, jobType, (task) -> new TaskRunner.TaskOutcome.Completed(outputs));
	}

}
