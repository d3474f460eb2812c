package io.brain.workers.heartbeat;

import java.time.Instant;

import io.brain.workers.connector.ConnectorTestContext;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worker's heartbeat against real PostgreSQL, as the application's role: it keeps
 * this process's row fresh and forgets processes silent for longer than a day.
 */
class WorkerHeartbeatTests extends ConnectorTestContext {

	@Autowired
	WorkerHeartbeat heartbeat;

	@Test
	void beatWhenRunningThenThisProcessIsSeenNow() {
		this.heartbeat.beat();

		var row = this.jdbc.sql("""
				select host, extract(epoch from now() - last_seen_at) as age, started_at
				from worker_process where id = :id
				""").param("id", WorkerProcess.id()).query().singleRow();
		assertThat(WorkerProcess.id()).startsWith("workers-").contains("@");
		assertThat((String) row.get("host")).isNotBlank();
		assertThat(((Number) row.get("age")).doubleValue()).isLessThan(5);
		assertThat(((java.sql.Timestamp) row.get("started_at")).toInstant()).isBefore(Instant.now());
	}

	@Test
	void beatWhenAnotherProcessIsSilentForOverADayThenItsRowIsForgotten() {
		this.jdbc.sql("""
				insert into worker_process (id, host, started_at, last_seen_at)
				values ('workers-1@gone', 'gone', now() - interval '3 days', now() - interval '25 hours'),
				       ('workers-2@quiet', 'quiet', now() - interval '3 days', now() - interval '1 hour')
				on conflict (id) do nothing
				""").update();

		this.heartbeat.beat();

		assertThat(this.jdbc.sql("select id from worker_process where id like 'workers-_@%' order by id")
			.query(String.class)
			.list()).containsExactly("workers-2@quiet");
	}

}
