package io.brain.api.run;

import java.util.List;
import java.util.UUID;

import io.brain.api.identity.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
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

	@GetMapping("/api/runs/{id}")
	@PreAuthorize("hasAuthority('runs:read')")
	@Operation(operationId = "getRun", summary = "One run of your tenant")
	Run get(@PathVariable UUID id, CurrentUser user) {
		return this.runs.find(user, id);
	}

	@GetMapping("/api/runs")
	@PreAuthorize("hasAuthority('runs:read')")
	@Operation(operationId = "listRuns", summary = "The latest runs of your tenant")
	List<Run> list(@RequestParam(defaultValue = "50") int limit, CurrentUser user) {
		return this.runs.recent(user, limit);
	}

}
