package io.brain.workers.heartbeat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps this worker process's row in {@code worker_process} fresh from the application's
 * readiness to its shutdown, so System Health shows which workers are alive: the row is
 * written every {@code brain.workers.heartbeat.every} and deleted on a clean shutdown; a
 * process that died keeps its row, aging, until {@code forget-after} has passed.
 */
@Component
class WorkerHeartbeat implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(WorkerHeartbeat.class);

	private final JdbcClient jdbc;

	private final WorkerHeartbeatProperties properties;

	private final Instant startedAt = Instant.now();

	private final ScheduledExecutorService timer = Executors
		.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("brain-worker-heartbeat").daemon().factory());

	WorkerHeartbeat(JdbcClient jdbc, WorkerHeartbeatProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		long every = Math.max(1, this.properties.every().toMillis());
		this.timer.scheduleWithFixedDelay(this::beatLogged, 0, every, TimeUnit.MILLISECONDS);
	}

	/** Writes this process's row, and forgets processes silent for too long. */
	void beat() {
		this.jdbc.sql("""
				insert into worker_process (id, host, version, started_at, last_seen_at)
				values (:id, :host, :version, :startedAt, now())
				on conflict (id) do update set host = excluded.host, version = excluded.version,
				    started_at = excluded.started_at, last_seen_at = now()
				""")
			.param("id", WorkerProcess.id())
			.param("host", WorkerProcess.host())
			.param("version", WorkerProcess.version())
			.param("startedAt", Timestamp.from(this.startedAt))
			.update();
		this.jdbc.sql("delete from worker_process where last_seen_at < now() - make_interval(secs => :seconds)")
			.param("seconds", this.properties.forgetAfter().toSeconds())
			.update();
	}

	private void beatLogged() {
		try {
			beat();
		}
		catch (RuntimeException ex) {
			// The database may be away for a moment: the next beat catches up, and System
			// Health shows this process not alive meanwhile, which is the truth it can
			// tell.
			logger.warn("Writing this worker's heartbeat failed: {}", ex.getMessage());
		}
	}

	@Override
	public void close() {
		this.timer.shutdownNow();
		try {
			this.jdbc.sql("delete from worker_process where id = :id").param("id", WorkerProcess.id()).update();
		}
		catch (RuntimeException ex) {
			logger.debug("Could not remove this worker's heartbeat row: {}", ex.getMessage());
		}
	}

}
