package io.brain.api.message;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the public message API ({@code brain.messages.*}).
 *
 * @param timeToLive how long the engine keeps a message the caller gave no time to live
 */
@ConfigurationProperties("brain.messages")
public record MessageProperties(@DefaultValue("1h") Duration timeToLive) {

}
