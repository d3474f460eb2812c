package io.brain.workers.heartbeat;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a worker process tells the platform it is alive
 * ({@code brain.workers.heartbeat.*}).
 *
 * @param every how often it writes its row; System Health counts a process alive while
 * its row is younger than 30 s, so this stays well below that
 * @param forgetAfter how long the row of a process that stopped without saying so (a
 * crash) stays listed before any worker deletes it
 */
@ConfigurationProperties("brain.workers.heartbeat")
public record WorkerHeartbeatProperties(@DefaultValue("10s") Duration every, @DefaultValue("1d") Duration forgetAfter) {

}
