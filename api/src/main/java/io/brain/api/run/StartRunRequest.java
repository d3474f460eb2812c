package io.brain.api.run;

import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Starts a run of the latest deployed version of a process.
 *
 * @param processId the process id as written in the BPMN
 * @param variables the variables to start with
 */
public record StartRunRequest(@NotBlank @Size(max = 200) String processId,
		@Schema(nullable = true) Map<String, Object> variables) {

	public StartRunRequest {
		variables = (variables != null) ? variables : Map.of();
	}

}
