package io.brain.api.agent;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;

/**
 * When an agent runs on its own: a cron expression read on the wall clock of a time zone,
 * checked by the rules of Brain's schedules.
 *
 * @param cron a cron expression of 5 fields (or 6 with seconds first, or a macro such as
 * {@code @daily}), e.g. {@code 0 9 * * MON} for every Monday at 09:00
 * @param timeZone the IANA time zone, e.g. Europe/Berlin
 */
public record AgentSchedule(@Size(max = 200) @Schema(example = "0 9 * * MON") String cron,
		@Size(max = 64) @Schema(example = "Europe/Berlin") String timeZone) {

}
