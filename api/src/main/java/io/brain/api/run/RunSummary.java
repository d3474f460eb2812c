package io.brain.api.run;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One run in the tenant's list of runs.
 *
 * @param id the run's id: the engine's process instance key
 * @param automation the automation (process id) it runs
 * @param version the version of the automation it runs
 * @param state where it is
 * @param start how it was started
 * @param startedAt when it started
 * @param endedAt when it ended, if it did
 * @param durationMs how long it ran, once it ended
 * @param openIncidents how many of its steps wait for a retry
 */
public record RunSummary(String id, String automation, @Schema(nullable = true) Integer version, RunState state,
		RunStart start, @Schema(nullable = true) Instant startedAt, @Schema(nullable = true) Instant endedAt,
		@Schema(nullable = true) Long durationMs, int openIncidents) {

}
