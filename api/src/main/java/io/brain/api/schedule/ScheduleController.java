package io.brain.api.schedule;

import java.util.List;
import java.util.UUID;

import io.brain.api.identity.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Schedules that start an automation's runs at set times in a time zone.
 */
@RestController
@SecurityRequirement(name = "bearer")
class ScheduleController {

	private final Schedules schedules;

	ScheduleController(Schedules schedules) {
		this.schedules = schedules;
	}

	@GetMapping("/api/schedules")
	@PreAuthorize("hasAuthority('automations:read')")
	@Operation(operationId = "listSchedules", summary = "Every schedule of the tenant, with its next five fire times")
	List<Schedule> list(CurrentUser user) {
		return this.schedules.list(user);
	}

	@GetMapping("/api/schedule-preview")
	@PreAuthorize("hasAuthority('automations:read')")
	@Operation(operationId = "previewSchedule",
			summary = "When a cron expression or a rule would fire in a time zone, checked as saving it would be, "
					+ "without saving anything")
	SchedulePreview preview(
			@Parameter(description = "A cron expression; or give every (and at or interval)") @RequestParam(
					required = false) String cron,
			@Parameter(description = "The rule's frequency",
					schema = @Schema(implementation = ScheduleRule.Every.class)) @RequestParam(
							required = false) String every,
			@Parameter(description = "The rule's time of day, HH:MM",
					example = "09:00") @RequestParam(required = false) String at,
			@Parameter(description = "The rule's N for MINUTES or HOURS") @RequestParam(
					required = false) Integer interval,
			@Parameter(description = "An IANA time zone", example = "Europe/Berlin") @RequestParam String timeZone) {
		ScheduleRule rule = (every != null || at != null || interval != null)
				? new ScheduleRule(ScheduleRule.Every.named(every), at, interval) : null;
		return this.schedules.preview(cron, rule, timeZone);
	}

	@GetMapping("/api/automations/{key}/schedules")
	@PreAuthorize("hasAuthority('automations:read')")
	@Operation(operationId = "listAutomationSchedules", summary = "An automation's schedules")
	List<Schedule> list(@PathVariable String key, CurrentUser user) {
		return this.schedules.list(user, key);
	}

	@PostMapping("/api/automations/{key}/schedules")
	@PreAuthorize("hasAuthority('automations:write')")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "createSchedule",
			summary = "Schedule an automation's runs by a cron expression or a rule, in a time zone; each fire starts "
					+ "a run of its deployed version")
	Schedule create(@PathVariable String key, @Valid @RequestBody ScheduleRequest request, CurrentUser user) {
		return this.schedules.create(user, key, request);
	}

	@GetMapping("/api/automations/{key}/schedules/{id}")
	@PreAuthorize("hasAuthority('automations:read')")
	@Operation(operationId = "getSchedule", summary = "One schedule, with its next five fire times and its last fire")
	Schedule get(@PathVariable String key, @PathVariable UUID id, CurrentUser user) {
		return this.schedules.get(user, key, id);
	}

	@PutMapping("/api/automations/{key}/schedules/{id}")
	@PreAuthorize("hasAuthority('automations:write')")
	@Operation(operationId = "updateSchedule",
			summary = "Replace a schedule (enable or disable it too); its next fire is counted from now")
	Schedule update(@PathVariable String key, @PathVariable UUID id, @Valid @RequestBody ScheduleRequest request,
			CurrentUser user) {
		return this.schedules.update(user, key, id, request);
	}

	@DeleteMapping("/api/automations/{key}/schedules/{id}")
	@PreAuthorize("hasAuthority('automations:write')")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(operationId = "deleteSchedule", summary = "Delete a schedule (runs it started go on)")
	void delete(@PathVariable String key, @PathVariable UUID id, CurrentUser user) {
		this.schedules.delete(user, key, id);
	}

}
