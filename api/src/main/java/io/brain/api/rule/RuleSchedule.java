package io.brain.api.rule;

import io.brain.api.schedule.ScheduleRule;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

/**
 * When a scheduled rule runs, as a schedule says it: a cron expression or a rule in
 * words, read in a time zone.
 *
 * @param cron a cron expression; give this or {@code rule}
 * @param rule a rule such as every Monday at 09:00; give this or {@code cron}
 * @param timeZone the IANA time zone whose wall clock it follows, such as Europe/Berlin
 */
public record RuleSchedule(@Schema(nullable = true) @Size(max = 200) String cron,
		@Schema(nullable = true) @Valid ScheduleRule rule,
		@Schema(nullable = true, example = "Europe/Berlin") @Size(max = 64) String timeZone) {

}
