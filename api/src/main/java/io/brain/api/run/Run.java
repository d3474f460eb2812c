package io.brain.api.run;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One execution of a deployed process, started through Brain.
 *
 * @param id Brain's id of the run
 * @param processId the process it runs, as the tenant named it
 * @param processDefinitionKey the definition it runs
 * @param processInstanceKey the engine's instance key, once the engine reported it
 * @param state where the run is
 * @param startedBy who started it
 * @param startedAt when
 * @param endedAt when it ended, if it did
 * @param error why it failed, if it did
 * @param input the variables it started with
 * @param output the variables it ended with
 */
public record Run(UUID id, String processId, String processDefinitionKey,
		@Schema(nullable = true) String processInstanceKey, RunState state, String startedBy, Instant startedAt,
		@Schema(nullable = true) Instant endedAt, @Schema(nullable = true) String error, Map<String, Object> input,
		@Schema(nullable = true) Map<String, Object> output) {

}
