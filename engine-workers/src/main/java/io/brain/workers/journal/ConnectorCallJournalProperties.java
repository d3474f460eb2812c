package io.brain.workers.journal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the workers keep the responses of the connector calls that went through
 * ({@code brain.workers.journal.*}).
 *
 * @param retention how long a recorded response completes a redelivered step without
 * calling again; far longer than a task takes to come back after its worker died (one
 * lock on the open engine, one job timeout on Zeebe)
 * @param purgeEvery how often older rows are deleted
 */
@ConfigurationProperties("brain.workers.journal")
public record ConnectorCallJournalProperties(@DefaultValue("1d") Duration retention,
		@DefaultValue("10m") Duration purgeEvery) {

}
