package io.brain.workers.limit;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How much of a provider one tenant may use ({@code brain.connectors.limits.*}), so that
 * one tenant cannot exhaust a provider's quota for the others.
 *
 * @param callsPerMinute calls one tenant may make to one connector type per minute
 * @param concurrentCalls calls one tenant may have in flight to one connector type
 * @param perConnector overrides by connector type, e.g.
 * {@code per-connector.wordpress.calls-per-minute}
 */
@ConfigurationProperties("brain.connectors.limits")
public record ConnectorLimitProperties(@DefaultValue("600") int callsPerMinute, @DefaultValue("10") int concurrentCalls,
		@DefaultValue Map<String, Limit> perConnector) {

	Limit limitOf(String connector) {
		Limit override = this.perConnector.get(connector);
		return new Limit(
				(override != null && override.callsPerMinute() != null) ? override.callsPerMinute()
						: this.callsPerMinute,
				(override != null && override.concurrentCalls() != null) ? override.concurrentCalls()
						: this.concurrentCalls);
	}

	/**
	 * The limits of one connector type.
	 *
	 * @param callsPerMinute calls per tenant per minute
	 * @param concurrentCalls calls per tenant in flight
	 */
	public record Limit(Integer callsPerMinute, Integer concurrentCalls) {

	}

}
