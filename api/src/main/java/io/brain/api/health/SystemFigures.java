package io.brain.api.health;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import io.brain.api.health.SystemHealth.TenantUsage;
import io.brain.api.health.SystemHealth.WebhookInbox;
import io.brain.api.health.SystemHealth.WorkerProcess;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The platform's figures in Brain's database, read across tenants only through the
 * counting functions made for System Health (row-level security hides every tenant's rows
 * from a platform admin otherwise), and the worker processes' heartbeats.
 */
@Repository
class SystemFigures {

	private final JdbcClient jdbc;

	SystemFigures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	String databaseVersion() {
		return this.jdbc.sql("select current_setting('server_version')").query(String.class).single();
	}

	List<WorkerProcess> workers(long aliveWithinSeconds) {
		return this.jdbc.sql("""
				select id, host, version, started_at, last_seen_at,
				    greatest(0, floor(extract(epoch from now() - last_seen_at)))::bigint as since_seen
				from worker_process order by last_seen_at desc, id
				""").query((rs, row) -> {
			long sinceSeen = rs.getLong("since_seen");
			return new WorkerProcess(rs.getString("id"), rs.getString("host"), rs.getString("version"),
					rs.getTimestamp("started_at").toInstant(), rs.getTimestamp("last_seen_at").toInstant(), sinceSeen,
					sinceSeen <= aliveWithinSeconds);
		}).list();
	}

	WebhookInbox inbox() {
		return this.jdbc.sql("""
				select coalesce(sum(waiting), 0) as depth, min(oldest_received_at) as oldest_received_at,
				    coalesce(greatest(0, floor(extract(epoch from now() - min(oldest_received_at)))), 0)::bigint as lag
				from brain_webhook_inbox_figures()
				""").query((rs, row) -> {
			Timestamp oldest = rs.getTimestamp("oldest_received_at");
			return new WebhookInbox(rs.getLong("depth"), (oldest != null) ? oldest.toInstant() : null,
					rs.getLong("lag"));
		}).single();
	}

	List<TenantUsage> usageSince(Instant since) {
		return this.jdbc
			.sql("select tenant_id, connector_calls, input_tokens, output_tokens from brain_system_usage(:since)")
			.param("since", Timestamp.from(since))
			.query((rs, row) -> new TenantUsage(rs.getString("tenant_id"), rs.getLong("connector_calls"),
					rs.getLong("input_tokens"), rs.getLong("output_tokens")))
			.list();
	}

}
