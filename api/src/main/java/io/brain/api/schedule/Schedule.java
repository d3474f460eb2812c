package io.brain.api.schedule;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A schedule that starts runs of an automation's deployed version at the times of a cron
 * expression, on the wall clock of a time zone.
 *
 * @param id its id
 * @param automationKey the automation it starts
 * @param name what it is for
 * @param cron its cron expression, six fields with seconds first
 * @param rule the rule in words it was given as, if it was
 * @param timeZone the IANA time zone it follows
 * @param enabled whether it fires
 * @param variables the variables each run starts with
 * @param description when it fires, in words
 * @param nextFireTimes the next five times it fires (while enabled), with the zone's
 * offset at each
 * @param lastFiredAt the fire time it last started a run for
 * @param lastRunId the run it started last
 * @param lastError why its last fire started no run, if it did not
 * @param createdBy who created it
 * @param createdAt when
 * @param updatedBy who changed it last
 * @param updatedAt when
 */
public record Schedule(UUID id, String automationKey, String name, String cron,
		@Schema(nullable = true) ScheduleRule rule, String timeZone, boolean enabled, Map<String, Object> variables,
		String description, List<OffsetDateTime> nextFireTimes, @Schema(nullable = true) OffsetDateTime lastFiredAt,
		@Schema(nullable = true) String lastRunId, @Schema(nullable = true) String lastError, String createdBy,
		Instant createdAt, String updatedBy, Instant updatedAt) {

}
