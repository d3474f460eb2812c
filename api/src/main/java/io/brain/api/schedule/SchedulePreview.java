package io.brain.api.schedule;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * When a schedule would fire, before it is saved.
 *
 * @param cron its cron expression, six fields with seconds first
 * @param timeZone the IANA time zone it follows
 * @param description when it fires, in words
 * @param nextFireTimes the next five times it fires, with the zone's offset at each
 */
public record SchedulePreview(String cron, String timeZone, String description, List<OffsetDateTime> nextFireTimes) {

}
