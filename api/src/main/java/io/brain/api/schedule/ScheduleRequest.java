package io.brain.api.schedule;

import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A schedule to create or replace: either a cron expression or a rule in words, read in a
 * time zone.
 *
 * @param name what the schedule is for, unique within its automation
 * @param cron a cron expression: 5 fields (minute hour day-of-month month day-of-week) or
 * 6 with seconds first, or a macro such as {@code @daily}; give this or {@code rule}
 * @param rule a rule in words such as every Monday at 09:00; give this or {@code cron}
 * @param timeZone the IANA time zone whose wall clock the schedule follows, such as
 * Europe/Berlin
 * @param enabled whether it fires (default true)
 * @param variables the variables each run starts with, a JSON object
 */
public record ScheduleRequest(@NotBlank @Size(max = 200) String name,
		@Schema(nullable = true) @Size(max = 200) String cron, @Schema(nullable = true) @Valid ScheduleRule rule,
		@NotBlank @Size(max = 64) @Schema(example = "Europe/Berlin") String timeZone,
		@Schema(nullable = true) Boolean enabled, @Schema(nullable = true) Map<String, Object> variables) {

	public ScheduleRequest {
		enabled = (enabled != null) ? enabled : Boolean.TRUE;
		variables = (variables != null) ? variables : Map.of();
	}

}
