package io.brain.api.run;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One step of a run's timeline: an element of its flow (a task, an event, a gateway) that
 * ran or runs.
 *
 * @param id the engine's key of this element instance
 * @param elementId the element's id in the BPMN
 * @param name the element's name in the BPMN, if it has one
 * @param type the BPMN element type, e.g. {@code SERVICE_TASK}
 * @param eventType the kind of event, for events (e.g. {@code TIMER}, {@code MESSAGE})
 * @param outcome where the step is or how it ended
 * @param startedAt when it started
 * @param endedAt when it ended, if it did
 * @param durationMs how long it took, once it ended
 * @param job the step's job, for tasks a worker performs
 */
public record RunStep(String id, String elementId, @Schema(nullable = true) String name, String type,
		@Schema(nullable = true) String eventType, Outcome outcome, @Schema(nullable = true) Instant startedAt,
		@Schema(nullable = true) Instant endedAt, @Schema(nullable = true) Long durationMs,
		@Schema(nullable = true) Job job) {

	/** Where a step is or how it ended. */
	public enum Outcome {

		/** It runs. */
		ACTIVE,

		/** It failed and waits for a retry (see the run's incidents). */
		INCIDENT,

		/** It completed. */
		COMPLETED,

		/**
		 * It was ended before completing: the run was cancelled, or an event interrupted
		 * it.
		 */
		TERMINATED

	}

	/**
	 * The job of a step: the work item a connector's worker performs.
	 *
	 * @param id the engine's job key
	 * @param type the job type (which connector)
	 * @param state the job's last event, e.g. {@code CREATED}, {@code FAILED},
	 * {@code COMPLETED}
	 * @param retriesLeft how many more attempts the engine makes before raising an
	 * incident
	 * @param errorMessage why the last attempt failed, if one did
	 */
	public record Job(String id, String type, String state, int retriesLeft,
			@Schema(nullable = true) String errorMessage) {

	}

}
