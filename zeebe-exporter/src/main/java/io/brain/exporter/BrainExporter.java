package io.brain.exporter;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.camunda.zeebe.exporter.api.Exporter;
import io.camunda.zeebe.exporter.api.ExporterException;
import io.camunda.zeebe.exporter.api.context.Context;
import io.camunda.zeebe.exporter.api.context.Controller;
import io.camunda.zeebe.exporter.api.context.ScheduledTask;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import org.slf4j.Logger;

/**
 * A Zeebe exporter that writes what the Runs page shows (process instances, their steps,
 * jobs, incidents and variables) into Brain's PostgreSQL.
 * <p>
 * Rows are upserts keyed by the engine's keys, written in batches of one transaction; the
 * broker learns the exported position only after the commit, so a database outage or a
 * broker restart replays records rather than losing them. Each row belongs to the tenant
 * that deployed its process definition; rows of definitions Brain did not deploy are
 * skipped.
 */
public final class BrainExporter implements Exporter {

	private static final int MAX_WAITING = 20_000;

	private static final int MAX_KNOWN_DEFINITIONS = 10_000;

	private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

	private ExporterSettings settings;

	private Logger logger;

	private InstantSource clock;

	private Controller controller;

	private RunTables tables;

	private ScheduledTask flushTask;

	/** Rows of records received since the last write. */
	private final List<RunRow> pending = new ArrayList<>();

	/** Rows waiting for the api to register their definition, oldest first. */
	private final List<RunRow> waiting = new ArrayList<>();

	private final Map<Long, String> tenants = new LinkedHashMap<>(256, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<Long, String> eldest) {
			return size() > MAX_KNOWN_DEFINITIONS;
		}
	};

	private long lastSeenPosition = -1;

	private long acknowledgedPosition = -1;

	private int failures;

	private Instant retryAfter = Instant.MIN;

	private String lastFailure;

	@Override
	public void configure(Context context) {
		this.settings = ExporterSettings.from(context.getConfiguration().getArguments(), System.getenv());
		this.logger = context.getLogger();
		this.clock = context.clock();
		context.setFilter(new Context.RecordFilter() {
			@Override
			public boolean acceptType(RecordType recordType) {
				return RunRows.accepts(recordType);
			}

			@Override
			public boolean acceptValue(ValueType valueType) {
				return RunRows.VALUE_TYPES.contains(valueType);
			}
		});
	}

	@Override
	public void open(Controller controller) {
		this.controller = controller;
		this.acknowledgedPosition = controller.getLastExportedRecordPosition();
		this.lastSeenPosition = this.acknowledgedPosition;
		this.tables = new RunTables(this.settings, this.logger);
		this.logger.info("Brain exporter writes runs to {} as {}", this.settings.jdbcUrl().replaceFirst("\\?.*", ""),
				this.settings.username());
		schedule(this.settings.flushInterval());
	}

	@Override
	public void export(Record<?> record) {
		// The broker hands a record again when exporting it threw: it is buffered
		// already.
		if (record.getPosition() > this.lastSeenPosition) {
			this.lastSeenPosition = record.getPosition();
			List<RunRow> rows = RunRows.of(record, this.settings.maxVariableSize(), this.clock.instant());
			if (!rows.isEmpty()) {
				this.pending.addAll(rows);
			}
			else if (this.pending.isEmpty() && this.waiting.isEmpty()) {
				acknowledge(record.getPosition());
			}
		}
		if (this.pending.size() >= this.settings.batchSize() && !flush()) {
			throw new ExporterException("Brain's database is not reachable; the broker will hand this record again");
		}
	}

	@Override
	public void close() {
		if (this.flushTask != null) {
			this.flushTask.cancel();
		}
		if (this.tables != null) {
			flush();
			this.tables.close();
		}
	}

	/**
	 * Writes what is buffered, unless a failed write asked to wait a little.
	 * @return whether everything buffered is written (or is waiting for its definition)
	 */
	boolean flush() {
		if (this.pending.isEmpty() && this.waiting.isEmpty()) {
			return true;
		}
		Instant now = this.clock.instant();
		if (now.isBefore(this.retryAfter)) {
			return false;
		}
		List<RunRow> rows = new ArrayList<>(this.waiting.size() + this.pending.size());
		rows.addAll(this.waiting);
		rows.addAll(this.pending);
		try {
			resolveTenants(rows);
			Map<String, List<RunRow>> byTenant = new LinkedHashMap<>();
			List<RunRow> stillWaiting = new ArrayList<>();
			int skipped = 0;
			for (RunRow row : rows) {
				String tenant = this.tenants.get(row.processDefinitionKey());
				if (tenant != null) {
					byTenant.computeIfAbsent(tenant, (t) -> new ArrayList<>()).add(row);
				}
				else if (row.seenAt().plus(this.settings.unknownDefinitionWait()).isAfter(now)) {
					stillWaiting.add(row);
				}
				else {
					skipped++;
				}
			}
			if (!byTenant.isEmpty()) {
				this.tables.write(byTenant);
			}
			if (skipped > 0) {
				this.logger.debug("Skipped {} rows of process definitions Brain did not deploy", skipped);
			}
			this.pending.clear();
			this.waiting.clear();
			this.waiting.addAll(limit(stillWaiting));
			acknowledge(this.waiting.isEmpty() ? this.lastSeenPosition : this.waiting.get(0).position() - 1);
			if (this.failures > 0) {
				this.logger.info("Brain exporter writes runs again after {} failed attempts", this.failures);
			}
			this.failures = 0;
			this.retryAfter = Instant.MIN;
			return true;
		}
		catch (SQLException | RuntimeException ex) {
			this.failures++;
			this.lastFailure = ex.getMessage();
			Duration backoff = backoff();
			this.retryAfter = now.plus(backoff);
			if (this.failures == 1 || this.failures % 20 == 0) {
				this.logger.warn("Brain exporter could not write {} run rows (attempt {}, next in {} s): {}",
						rows.size(), this.failures, backoff.toSeconds(), ex.getMessage());
			}
			return false;
		}
	}

	private void resolveTenants(List<RunRow> rows) throws SQLException {
		Set<Long> unknown = new LinkedHashSet<>();
		for (RunRow row : rows) {
			if (!this.tenants.containsKey(row.processDefinitionKey())) {
				unknown.add(row.processDefinitionKey());
			}
		}
		this.tenants.putAll(this.tables.tenantsOf(unknown));
	}

	private List<RunRow> limit(List<RunRow> stillWaiting) {
		if (stillWaiting.size() <= MAX_WAITING) {
			return stillWaiting;
		}
		this.logger.warn("Skipped {} rows waiting for their process definitions to be registered",
				stillWaiting.size() - MAX_WAITING);
		return stillWaiting.subList(stillWaiting.size() - MAX_WAITING, stillWaiting.size());
	}

	private Duration backoff() {
		long millis = this.settings.flushInterval().toMillis() << Math.min(this.failures, 10);
		return Duration.ofMillis(Math.min(millis, MAX_BACKOFF.toMillis()));
	}

	private void acknowledge(long position) {
		if (position > this.acknowledgedPosition) {
			this.acknowledgedPosition = position;
			this.controller.updateLastExportedRecordPosition(position);
		}
	}

	/** What the exporter holds and where it is, for a broker's or a test's log. */
	@Override
	public String toString() {
		return "BrainExporter[lastSeenPosition=%d, acknowledgedPosition=%d, pending=%d, waiting=%d, failures=%d, retryAfter=%s, lastFailure=%s]"
			.formatted(this.lastSeenPosition, this.acknowledgedPosition, this.pending.size(), this.waiting.size(),
					this.failures, this.retryAfter, this.lastFailure);
	}

	private void schedule(Duration delay) {
		this.flushTask = this.controller.scheduleCancellableTask(delay, this::scheduledFlush);
	}

	private void scheduledFlush() {
		flush();
		Duration next = this.settings.flushInterval();
		if (this.retryAfter.isAfter(this.clock.instant())) {
			next = Duration.between(this.clock.instant(), this.retryAfter);
		}
		schedule(next);
	}

}
