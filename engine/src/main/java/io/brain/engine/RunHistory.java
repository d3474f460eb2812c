package io.brain.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.brain.core.tenant.TenantId;

/**
 * What an engine tells of a tenant's runs, in Brain's words: the same on every engine, so
 * the Runs page reads alike whichever runs them. A run of another tenant is not there.
 */
public interface RunHistory {

	/** One run with its steps, its variables and its incidents. */
	Optional<Run> run(TenantId tenant, String runId);

	/** One run as listed: where it is, without its steps, variables and incidents. */
	Optional<Summary> summary(TenantId tenant, String runId);

	/** The tenant's runs, the latest first. */
	Page runs(TenantId tenant, Query query);

	/** How a run began, as the engine knows it. */
	enum StartKind {

		/** Started by a command (Brain's api, the engine's own client). */
		COMMAND,
		/** Called by another run (a call activity). */
		PARENT_RUN,
		/** A timer start event. */
		TIMER,
		/** A message start event. */
		MESSAGE,
		/** A signal start event. */
		SIGNAL

	}

	/** Where a run is. */
	enum State {

		/** Running. */
		ACTIVE,
		/** Running, but a step waits for someone to retry it. */
		INCIDENT,
		/** Reached an end. */
		COMPLETED,
		/** Cancelled by someone. */
		CANCELLED;

		/** Whether a run in this state has ended: nothing of it runs any more. */
		public boolean ended() {
			return this == COMPLETED || this == CANCELLED;
		}

	}

	/** Where a step is or how it ended. */
	enum Outcome {

		ACTIVE, INCIDENT, COMPLETED, TERMINATED

	}

	/**
	 * Which runs to list.
	 *
	 * @param processId only runs of this process, if given
	 * @param state only runs in this state, if given
	 * @param page the page, from 0
	 * @param size runs per page
	 */
	record Query(Optional<String> processId, Optional<State> state, int page, int size) {
	}

	/** A page of runs and how many match in all. */
	record Page(List<Summary> items, long total) {
	}

	/**
	 * A run as listed.
	 *
	 * @param version the version of the process it runs; 0 when not known yet
	 * @param startKind how it began
	 * @param parentRunId the run that called it, for {@link StartKind#PARENT_RUN}
	 */
	record Summary(String id, String processId, int version, State state, Instant startedAt, Instant endedAt,
			String businessKey, int openIncidents, StartKind startKind, String parentRunId) {
	}

	/**
	 * A run in full.
	 *
	 * @param variables the run's own variables by name
	 * @param omittedVariables the names of variables too large to keep
	 */
	record Run(Summary summary, List<Step> steps, Map<String, Object> variables, List<String> omittedVariables,
			List<Incident> incidents) {
	}

	/**
	 * One step of a run's timeline.
	 *
	 * @param type the BPMN element type, as Zeebe names it (e.g. {@code SERVICE_TASK})
	 * @param eventType the kind of event, for events (e.g. {@code TIMER}); null otherwise
	 * @param task the step's task, for steps a worker performs
	 */
	record Step(String id, String elementId, String name, String type, String eventType, Outcome outcome,
			Instant startedAt, Instant endedAt, Task task) {
	}

	/**
	 * The task of a step a worker performs.
	 *
	 * @param state its last event: {@code CREATED}, {@code FAILED}, {@code COMPLETED} or
	 * {@code CANCELED}
	 * @param retriesLeft attempts left before an incident
	 * @param errorMessage why the last attempt failed, if one did
	 */
	record Task(String id, String type, String state, int retriesLeft, String errorMessage) {
	}

	/** Something that stopped a step until someone retries it. */
	record Incident(String id, String stepId, String elementId, String type, String message, boolean open,
			Instant createdAt, Instant resolvedAt, String taskId) {
	}

}
