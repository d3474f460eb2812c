package io.brain.workers.limit;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.brain.core.tenant.TenantId;
import io.brain.workers.limit.ConnectorLimitProperties.Limit;
import io.camunda.connector.api.error.ConnectorRetryException;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Per tenant and connector type: a rate of calls per minute and a number of calls in
 * flight. A call beyond either is handed out again by the engine once a place can be
 * free, leaving the worker's slots and the provider's quota to other tenants meanwhile:
 * after {@link #BUSY_BACKOFF} when all its calls at once are taken (calls end within
 * moments), after the time until the next call of its rate when that is used up.
 */
@Component
public class ConnectorLimits {

	/** When a call refused for the calls at once is tried again. */
	static final Duration BUSY_BACKOFF = Duration.ofSeconds(1);

	/** The longest a call refused for the rate waits to be tried again. */
	static final Duration MAX_RATE_BACKOFF = Duration.ofSeconds(60);

	/** The error code of a call refused for the tenant's limits. */
	public static final String OVER_LIMIT = "TENANT_LIMIT";

	private final ConnectorLimitProperties properties;

	private final Cache<String, Bucket> rates = Caffeine.newBuilder()
		.maximumSize(100_000)
		.expireAfterAccess(Duration.ofMinutes(10))
		.build();

	private final Cache<String, Semaphore> inFlight = Caffeine.newBuilder()
		.maximumSize(100_000)
		.expireAfterAccess(Duration.ofMinutes(10))
		.build();

	private final MeterRegistry meters;

	/** The connector types whose limit is a metric already. */
	private final Set<String> limitsShown = ConcurrentHashMap.newKeySet();

	ConnectorLimits(ConnectorLimitProperties properties, MeterRegistry meters) {
		this.properties = properties;
		this.meters = meters;
	}

	/**
	 * Takes a permit for one call.
	 * @param tenant the job's tenant
	 * @param connector the connector type
	 * @return the permit; close it when the call is over
	 * @throws ConnectorRetryException with a backoff and the code {@link #OVER_LIMIT}
	 * when the tenant is over its limit: no call was made, so on the open engine the task
	 * keeps its retries ({@code ConnectorTasks}); a Camunda 8 job worker counts it as an
	 * attempt
	 */
	public Permit acquire(TenantId tenant, String connector) {
		String key = tenant.value() + "/" + connector;
		Limit limit = this.properties.limitOf(connector);
		if (this.limitsShown.add(connector)) {
			// The limit beside the calls made, for the alert on a tenant near it.
			Gauge.builder("brain.connector.limit.calls.per.minute", limit, Limit::callsPerMinute)
				.description("Calls one tenant may make to a connector per minute")
				.tag("connector", connector)
				.strongReference(true)
				.register(this.meters);
		}
		Semaphore calls = this.inFlight.get(key, (k) -> new Semaphore(limit.concurrentCalls()));
		if (!calls.tryAcquire()) {
			refused(tenant, connector, "concurrent-calls");
			throw overLimit(connector, limit.concurrentCalls() + " calls at once", BUSY_BACKOFF);
		}
		Bucket rate = this.rates.get(key,
				(k) -> Bucket.builder()
					.addLimit(Bandwidth.builder()
						.capacity(limit.callsPerMinute())
						.refillGreedy(limit.callsPerMinute(), Duration.ofMinutes(1))
						.build())
					.build());
		ConsumptionProbe probe = rate.tryConsumeAndReturnRemaining(1);
		if (!probe.isConsumed()) {
			calls.release();
			refused(tenant, connector, "calls-per-minute");
			Duration untilNext = Duration.ofNanos(probe.getNanosToWaitForRefill());
			throw overLimit(connector, limit.callsPerMinute() + " calls per minute",
					(untilNext.compareTo(MAX_RATE_BACKOFF) > 0) ? MAX_RATE_BACKOFF : untilNext);
		}
		return calls::release;
	}

	private void refused(TenantId tenant, String connector, String limit) {
		Counter.builder("brain.connector.limit.refusals")
			.description("Calls a tenant's limit sent back before they were made, by limit")
			.tags("tenant", tenant.value(), "connector", connector, "limit", limit)
			.register(this.meters)
			.increment();
	}

	private static ConnectorRetryException overLimit(String connector, String limit, Duration backoff) {
		return ConnectorRetryException.builder()
			.errorCode(OVER_LIMIT)
			.message("This tenant is at its limit of " + limit + " to " + connector + "; the step runs again shortly")
			.backoffDuration(backoff)
			.build();
	}

	/** A call's place within the limits. */
	@FunctionalInterface
	public interface Permit extends AutoCloseable {

		@Override
		void close();

	}

}
