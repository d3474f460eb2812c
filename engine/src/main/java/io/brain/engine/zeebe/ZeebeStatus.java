package io.brain.engine.zeebe;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.brain.engine.EngineStatus;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.Topology;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A Camunda 8 cluster across tenants: whether its gateway answers, and its incidents and
 * started runs as Brain's exporter recorded them (read through functions that count
 * across tenants, as the exporter's tables are under row-level security).
 */
final class ZeebeStatus implements EngineStatus {

	private final CamundaClient client;

	private final JdbcClient jdbc;

	ZeebeStatus(CamundaClient client, JdbcClient jdbc) {
		this.client = client;
		this.jdbc = jdbc;
	}

	@Override
	public Description describe() {
		try {
			Topology topology = this.client.newTopologyRequest().requestTimeout(Duration.ofSeconds(3)).send().join();
			boolean up = !topology.getBrokers().isEmpty();
			return new Description("Camunda 8", topology.getGatewayVersion(), up, null,
					up ? null : "The gateway knows no broker");
		}
		catch (RuntimeException ex) {
			return new Description("Camunda 8", null, false, null, ex.getMessage());
		}
	}

	@Override
	public Map<String, Long> openIncidentsByTenant() {
		Map<String, Long> incidents = new LinkedHashMap<>();
		this.jdbc.sql("select tenant_id, open_incidents from brain_system_exported_incidents()").query((rs) -> {
			incidents.put(rs.getString("tenant_id"), rs.getLong("open_incidents"));
		});
		return incidents;
	}

	@Override
	public List<HourlyRuns> runsStartedPerHour(Instant since) {
		return this.jdbc.sql("select hour, runs from brain_system_exported_runs_per_hour(:since)")
			.param("since", Timestamp.from(since))
			.query((rs, row) -> new HourlyRuns(rs.getTimestamp("hour").toInstant(), rs.getLong("runs")))
			.list();
	}

}
