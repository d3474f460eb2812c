package io.brain.workers.task;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.brain.engine.EngineTask;
import io.brain.engine.TaskRunner.TaskHandler;
import io.brain.engine.TaskRunner.TaskOutcome;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * How long a step of a run waited and worked, from the moment the engine created its task
 * to the moment its worker is done with it: {@code brain.task.latency} per connector and
 * outcome ({@code completed}, {@code bpmn-error}, {@code failed}). A task sent back with
 * its retries kept (the tenant's limits refused the call before it was made) is not done
 * and not timed.
 */
final class TaskLatency {

	private final MeterRegistry meters;

	TaskLatency(MeterRegistry meters) {
		this.meters = meters;
	}

	/** The handlers, each timing the tasks it works. */
	Map<String, TaskHandler> timing(Map<String, TaskHandler> handlers) {
		Map<String, TaskHandler> timed = new LinkedHashMap<>();
		handlers.forEach((type, handler) -> timed.put(type, (task) -> {
			TaskOutcome outcome = null;
			try {
				outcome = handler.handle(task);
				return outcome;
			}
			finally {
				record(task, outcome);
			}
		}));
		return timed;
	}

	private void record(EngineTask task, TaskOutcome outcome) {
		if (task.createdAt() == null
				|| (outcome instanceof TaskOutcome.Failed failed && failed.retriesLeft() >= task.retries())) {
			return;
		}
		Duration latency = Duration.between(task.createdAt(), Instant.now());
		Timer.builder("brain.task.latency")
			.description("Time from a task's creation (its run reached the step) to its worker being done with it")
			.tags("connector", connector(task.type()), "outcome", outcome(outcome))
			.publishPercentileHistogram()
			.maximumExpectedValue(Duration.ofHours(1))
			.register(this.meters)
			.record(latency.isNegative() ? Duration.ZERO : latency);
	}

	/** The connector of a job type: {@code wordpress} of {@code io.brain:wordpress:1}. */
	static String connector(String type) {
		String[] parts = type.split(":");
		return (parts.length >= 2 && parts[0].equals("io.brain")) ? parts[1] : type;
	}

	private static String outcome(TaskOutcome outcome) {
		return switch (outcome) {
			case null -> "failed";
			case TaskOutcome.Completed completed -> "completed";
			case TaskOutcome.BpmnError error -> "bpmn-error";
			case TaskOutcome.Failed failed -> "failed";
		};
	}

}
