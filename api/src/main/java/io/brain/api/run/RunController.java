package io.brain.api.run;

import io.brain.api.identity.CurrentUser;
import io.brain.api.problem.BrainProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Runs page: every run of the tenant with its timeline, variables and incidents, and
 * the actions on a run.
 */
@RestController
@SecurityRequirement(name = "bearer")
class RunController {

	private final RunService runs;

	RunController(RunService runs) {
		this.runs = runs;
	}

	@PostMapping("/api/runs")
	@PreAuthorize("hasAuthority('runs:start')")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "startRun", summary = "Start a run of a deployed process")
	Run start(@Valid @RequestBody StartRunRequest request, CurrentUser user) {
		return this.runs.start(user, request);
	}

	@GetMapping("/api/runs")
	@PreAuthorize("hasAuthority('runs:read')")
	@Operation(operationId = "listRuns",
			summary = "Every run of your tenant, however it was started, the latest first; filtered by state and "
					+ "automation")
	RunPage list(
			@Parameter(description = "ACTIVE, INCIDENT, COMPLETED or CANCELLED") @RequestParam(
					required = false) String state,
			@RequestParam(required = false) String automation, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size, CurrentUser user) {
		return this.runs.list(user, state(state), automation, page, size);
	}

	@GetMapping("/api/runs/{id}")
	@PreAuthorize("hasAuthority('runs:read')")
	@Operation(operationId = "getRun", summary = "One run with its timeline, variables and incidents")
	Run get(@PathVariable String id, CurrentUser user) {
		return this.runs.find(user, id);
	}

	@PostMapping("/api/runs/{id}/retry")
	@PreAuthorize("hasAuthority('runs:start')")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(operationId = "retryRun",
			summary = "Retry the failed steps of a run: their jobs get more retries and their incidents are resolved")
	RunActionAccepted retry(@PathVariable String id, @Valid @RequestBody(required = false) RetryRunRequest request,
			CurrentUser user) {
		return this.runs.retry(user, id, (request != null) ? request : new RetryRunRequest(null));
	}

	@PostMapping("/api/runs/{id}/cancel")
	@PreAuthorize("hasAuthority('runs:start')")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(operationId = "cancelRun", summary = "Cancel a run that has not ended")
	RunActionAccepted cancel(@PathVariable String id, CurrentUser user) {
		return this.runs.cancel(user, id);
	}

	private static RunState state(String state) {
		if (state == null || state.isBlank()) {
			return null;
		}
		try {
			return RunState.valueOf(state.strip().toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw BrainProblem.badInput("state", "The state must be ACTIVE, INCIDENT, COMPLETED or CANCELLED.");
		}
	}

}
