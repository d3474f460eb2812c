package io.brain.api.schedule;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of schedules ({@code brain.schedules.*}).
 *
 * @param pollInterval how often the api looks for due schedules
 * @param gracePeriod how late a fire may still start its run, for fires missed while the
 * api was not running; a fire missed by longer is skipped and recorded on the schedule
 * @param minimumInterval the shortest time a schedule may leave between two fires
 * @param batchSize how many due schedules one look picks at most
 */
@ConfigurationProperties("brain.schedules")
public record ScheduleProperties(@DefaultValue("1s") Duration pollInterval, @DefaultValue("5m") Duration gracePeriod,
		@DefaultValue("1m") Duration minimumInterval, @DefaultValue("100") int batchSize) {

}
