package io.brain.api.run;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of runs ({@code brain.runs.*}).
 *
 * @param resultTimeout how long the api follows a run to its end
 */
@ConfigurationProperties("brain.runs")
public record RunProperties(Duration resultTimeout) {

}
