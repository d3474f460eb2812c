package io.brain.api.run;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A step of a run that cannot go on until someone retries it.
 *
 * @param id the engine's incident key
 * @param stepId the step it stopped
 * @param elementId the step's element id in the BPMN
 * @param errorType the engine's kind of error, e.g. {@code JOB_NO_RETRIES}
 * @param message the error message
 * @param state open until retried
 * @param createdAt when it was raised
 * @param resolvedAt when it was resolved, if it was
 * @param jobId the failed job, for steps a worker performs
 */
public record RunIncident(String id, String stepId, String elementId, String errorType,
		@Schema(nullable = true) String message, State state, @Schema(nullable = true) Instant createdAt,
		@Schema(nullable = true) Instant resolvedAt, @Schema(nullable = true) String jobId) {

	/** Whether an incident still stops its step. */
	public enum State {

		OPEN, RESOLVED

	}

}
