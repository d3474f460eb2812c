package io.brain.engine.zeebe;

import java.time.Duration;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.Topology;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * Zeebe is healthy when its gateway answers a topology request with at least one broker.
 */
class ZeebeHealthIndicator extends AbstractHealthIndicator {

	private final CamundaClient client;

	ZeebeHealthIndicator(CamundaClient client) {
		super("Zeebe is not reachable");
		this.client = client;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		Topology topology = this.client.newTopologyRequest().requestTimeout(Duration.ofSeconds(3)).send().join();
		if (topology.getBrokers().isEmpty()) {
			builder.down().withDetail("brokers", 0);
			return;
		}
		builder.up()
			.withDetail("brokers", topology.getBrokers().size())
			.withDetail("partitions", topology.getPartitionsCount())
			.withDetail("gatewayVersion", topology.getGatewayVersion());
	}

}
