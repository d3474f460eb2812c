package io.brain.api.automation;

import java.util.List;
import java.util.Map;

import io.brain.api.audit.RequestAudit;
import io.brain.api.identity.CurrentUser;
import io.brain.api.problem.BrainProblem;
import io.brain.api.run.Run;
import io.brain.api.run.RunService;
import io.brain.api.run.StartRunRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Automations, their versions and deployments for the UI, and the public API that starts
 * their runs.
 */
@RestController
@SecurityRequirement(name = "bearer")
class AutomationController {

	private final Automations automations;

	private final RunService runs;

	private final RequestAudit audit;

	AutomationController(Automations automations, RunService runs, RequestAudit audit) {
		this.automations = automations;
		this.runs = runs;
		this.audit = audit;
	}

	@GetMapping("/api/automations")
	@PreAuthorize("hasAuthority('automations:read')")
	@Operation(operationId = "listAutomations", summary = "The tenant's automations, searched by name or key")
	AutomationPage list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size, CurrentUser user) {
		return this.automations.list(user, q, page, size);
	}

	@PostMapping("/api/automations")
	@PreAuthorize("hasAuthority('automations:write')")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "createAutomation",
			summary = "Create an automation with its diagram as draft version 1; a diagram with problems is "
					+ "refused with each problem and its element id")
	Automation create(@Valid @RequestBody SaveAutomationRequest request, CurrentUser user) {
		return this.automations.create(user, request);
	}

	@GetMapping("/api/automations/{key}")
	@PreAuthorize("hasAuthority('automations:read')")
	@Operation(operationId = "getAutomation", summary = "One automation")
	Automation get(@PathVariable String key, CurrentUser user) {
		return this.automations.get(user, key);
	}

	@DeleteMapping("/api/automations/{key}")
	@PreAuthorize("hasAuthority('automations:write')")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(operationId = "deleteAutomation",
			summary = "Delete an automation and its versions (runs already started go on)")
	void delete(@PathVariable String key, CurrentUser user) {
		this.automations.delete(user, key);
	}

	@GetMapping("/api/automations/{key}/versions")
	@PreAuthorize("hasAuthority('automations:read')")
	@Operation(operationId = "listAutomationVersions", summary = "An automation's versions, newest first")
	List<AutomationVersion> versions(@PathVariable String key, CurrentUser user) {
		return this.automations.versions(user, key);
	}

	@PutMapping("/api/automations/{key}")
	@PreAuthorize("hasAuthority('automations:write')")
	@Operation(operationId = "saveAutomation",
			summary = "Save the diagram (and name, description) as a new draft version; a diagram with problems is "
					+ "refused with each problem and its element id")
	AutomationVersion save(@PathVariable String key, @Valid @RequestBody SaveAutomationRequest request,
			CurrentUser user) {
		return this.automations.saveVersion(user, key, request);
	}

	@GetMapping("/api/automations/{key}/versions/{version}")
	@PreAuthorize("hasAuthority('automations:read')")
	@Operation(operationId = "getAutomationVersion", summary = "One version with its diagram")
	AutomationVersion version(@PathVariable String key, @PathVariable int version, CurrentUser user) {
		return this.automations.version(user, key, version);
	}

	@PostMapping("/api/automations/{key}/versions/{version}/deployment")
	@PreAuthorize("hasAuthority('automations:deploy')")
	@Operation(operationId = "deployAutomationVersion",
			summary = "Deploy a version so it runs; the version deployed before is archived")
	AutomationVersion deploy(@PathVariable String key, @PathVariable int version, CurrentUser user,
			HttpServletRequest http) {
		AutomationVersion deployed = this.automations.deploy(user, key, version);
		this.audit.name(http, this.automations.get(user, key).name());
		return deployed;
	}

	@PostMapping("/api/v1/automations/{key}/runs")
	@PreAuthorize("hasAuthority('runs:start')")
	@Operation(operationId = "startAutomationRun",
			summary = "Start a run of the deployed version (JWT or API key); the same Idempotency-Key answers the "
					+ "same run instead of starting another")
	ResponseEntity<Run> startRun(@PathVariable String key,
			@Parameter(description = "A key of your choice (at most 255 characters): repeating a request with it "
					+ "never starts a second run") @RequestHeader(name = "Idempotency-Key",
							required = false) @Size(max = 255) String idempotencyKey,
			@RequestBody(required = false) @Schema(nullable = true) Map<String, Object> variables, CurrentUser user) {
		Automation automation = this.automations.get(user, key);
		if (automation.deployedVersion() == null) {
			throw new BrainProblem(HttpStatus.CONFLICT, "key",
					"Automation '" + key + "' has no deployed version: deploy one first.");
		}
		if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 255)) {
			throw BrainProblem.badInput("Idempotency-Key", "must be 1 to 255 characters");
		}
		RunService.Started started = this.runs.startOnce(user,
				new StartRunRequest(key, (variables != null) ? variables : Map.of()), idempotencyKey);
		return ResponseEntity.status(started.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
			.header("Idempotent-Replayed", String.valueOf(started.replayed()))
			.body(started.run());
	}

}
