package io.brain.workers.limit;

import java.util.Map;

import io.brain.core.tenant.TenantId;
import io.brain.workers.limit.ConnectorLimitProperties.Limit;
import io.camunda.connector.api.error.ConnectorRetryException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConnectorLimitsTests {

	final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	final ConnectorLimits limits = new ConnectorLimits(
			new ConnectorLimitProperties(3, 2, Map.of("wordpress", new Limit(null, 1))), this.meters);

	final TenantId acme = new TenantId("acme");

	final TenantId globex = new TenantId("globex");

	@Test
	void acquireWhenTenantHasTooManyCallsInFlightThenRetriesLaterWhileOtherTenantsGoOn() {
		ConnectorLimits.Permit first = this.limits.acquire(this.acme, "wordpress");
		assertThatThrownBy(() -> this.limits.acquire(this.acme, "wordpress"))
			.isInstanceOfSatisfying(ConnectorRetryException.class, (ex) -> {
				assertThat(ex.getErrorCode()).isEqualTo("TENANT_LIMIT");
				assertThat(ex.getBackoffDuration()).isEqualTo(ConnectorLimits.BUSY_BACKOFF);
				assertThat(ex.getMessage()).contains("1 calls at once to wordpress");
			});
		assertThatCode(() -> this.limits.acquire(this.globex, "wordpress").close()).doesNotThrowAnyException();
		first.close();
		assertThatCode(() -> this.limits.acquire(this.acme, "wordpress").close()).doesNotThrowAnyException();
	}

	@Test
	void acquireWhenTenantUsedItsCallsPerMinuteThenRetriesLater() {
		for (int i = 0; i < 3; i++) {
			this.limits.acquire(this.acme, "http").close();
		}
		assertThatThrownBy(() -> this.limits.acquire(this.acme, "http"))
			.isInstanceOfSatisfying(ConnectorRetryException.class, (ex) -> {
				assertThat(ex.getMessage()).contains("3 calls per minute to http");
				// The next of 3 calls a minute comes back within 20 s.
				assertThat(ex.getBackoffDuration()).isPositive().isLessThanOrEqualTo(java.time.Duration.ofSeconds(20));
			});
		assertThatCode(() -> this.limits.acquire(this.globex, "http").close()).doesNotThrowAnyException();
		// The refusal and the limit are metrics, for the alert on a tenant near its
		// limit.
		assertThat(this.meters.get("brain.connector.limit.refusals")
			.tags("tenant", "acme", "connector", "http", "limit", "calls-per-minute")
			.counter()
			.count()).isEqualTo(1);
		assertThat(this.meters.find("brain.connector.limit.refusals").tag("tenant", "globex").counter()).isNull();
		assertThat(this.meters.get("brain.connector.limit.calls.per.minute").tag("connector", "http").gauge().value())
			.isEqualTo(3);
	}

}
