package io.brain.workers.task;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the workers take the open engine's tasks ({@code brain.workers.*}).
 *
 * @param maxInFlight connector calls at once in this process, of all types
 * @param maxPerType calls at once of one job type, so a slow provider holds only its own
 * type's slots
 * @param lock how long a fetched task stays locked; it is extended every third of it
 * while its call runs, so the task of a worker that died comes back within one lock (its
 * calls in flight are then made again, with their idempotency keys; a call already
 * recorded is not)
 */
@ConfigurationProperties("brain.workers")
public record TaskRunnerProperties(@DefaultValue("64") int maxInFlight, @DefaultValue("32") int maxPerType,
		@DefaultValue("20s") Duration lock) {

}
