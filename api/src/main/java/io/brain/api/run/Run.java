package io.brain.api.run;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One run of a tenant's automation: one process instance, however it was started, with
 * its timeline, variables and incidents as the engine reported them.
 *
 * @param id the run's id: the engine's process instance key
 * @param automation the automation (process id) it runs
 * @param version the version of the automation it runs, once the engine reported it
 * @param state where it is
 * @param start how it was started
 * @param startedAt when it started
 * @param endedAt when it ended, if it did
 * @param durationMs how long it ran, once it ended
 * @param input the variables it was started with through Brain, if it was
 * @param variables the run's variables now (its process scope)
 * @param omittedVariables variables too large to show
 * @param steps its timeline, in the order the steps started
 * @param incidents its incidents, the latest first
 */
public record Run(String id, String automation, @Schema(nullable = true) Integer version, RunState state,
		RunStart start, @Schema(nullable = true) Instant startedAt, @Schema(nullable = true) Instant endedAt,
		@Schema(nullable = true) Long durationMs, @Schema(nullable = true) Map<String, Object> input,
		Map<String, Object> variables, List<String> omittedVariables, List<RunStep> steps,
		List<RunIncident> incidents) {

}
