package io.brain.workers.outbound;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of every HTTP call a connector makes ({@code brain.outbound.*}).
 *
 * @param allowedNetworks networks that are refused by default (loopback, link-local,
 * private) but that an operator allows, as CIDR ({@code 10.0.0.0/8}) or single addresses
 * @param connectTimeout how long to wait for a connection
 * @param defaultTimeout how long a whole request may take when the step sets no timeout
 * @param maxTimeout the longest timeout a step may ask for
 * @param maxAttempts how many times a call is tried when it meets 429, 5xx or a network
 * error, the first try included
 * @param initialBackoff the wait before the first retry when the provider gives no
 * Retry-After
 * @param maxBackoff the longest wait between two tries, Retry-After included
 */
@ConfigurationProperties("brain.outbound")
public record OutboundHttpProperties(@DefaultValue List<String> allowedNetworks,
		@DefaultValue("5s") Duration connectTimeout, @DefaultValue("30s") Duration defaultTimeout,
		@DefaultValue("5m") Duration maxTimeout, @DefaultValue("3") int maxAttempts,
		@DefaultValue("500ms") Duration initialBackoff, @DefaultValue("30s") Duration maxBackoff) {

}
