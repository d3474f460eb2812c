package io.brain.engine.operaton;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.operaton.bpm.engine.history.HistoricProcessInstance;
import org.operaton.bpm.engine.impl.cfg.TransactionState;
import org.operaton.bpm.engine.impl.context.Context;
import org.operaton.bpm.engine.impl.history.event.HistoricIncidentEventEntity;
import org.operaton.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.operaton.bpm.engine.impl.history.event.HistoryEvent;
import org.operaton.bpm.engine.impl.history.event.HistoryEventTypes;
import org.operaton.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.operaton.bpm.engine.impl.interceptor.CommandContext;
import org.operaton.bpm.engine.impl.metrics.Meter;
import org.operaton.bpm.engine.impl.metrics.MetricsRegistry;
import org.operaton.bpm.engine.management.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The open engine's metrics: runs started, completed, cancelled and failed per tenant
 * (counted when the engine's transaction commits), the jobs its executor acquired,
 * executed and failed, and, on the node that works the engine's jobs, the jobs waiting
 * and the incidents open per tenant, read from the engine's tables every
 * {@link #REFRESH}.
 */
public final class EngineMeters implements HistoryEventHandler, AutoCloseable {

	/** How often the figures read from the engine's tables are refreshed. */
	static final Duration REFRESH = Duration.ofSeconds(15);

	/** The tenant tag of rows the engine keeps without a tenant. */
	static final String NO_TENANT = "none";

	private static final Logger logger = LoggerFactory.getLogger(EngineMeters.class);

	private final MeterRegistry registry;

	private ScheduledExecutorService refresher;

	public EngineMeters(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void handleEvent(HistoryEvent event) {
		if (event instanceof HistoricProcessInstanceEventEntity run) {
			if (run.isEventOfType(HistoryEventTypes.PROCESS_INSTANCE_START)) {
				afterCommit(counter("brain.runs.started", "Runs started", run.getTenantId()));
			}
			else if (run.isEventOfType(HistoryEventTypes.PROCESS_INSTANCE_END)) {
				afterCommit(HistoricProcessInstance.STATE_COMPLETED.equals(run.getState())
						? counter("brain.runs.completed", "Runs that reached an end", run.getTenantId())
						: counter("brain.runs.cancelled", "Runs cancelled or terminated", run.getTenantId()));
			}
		}
		else if (event instanceof HistoricIncidentEventEntity incident
				&& incident.isEventOfType(HistoryEventTypes.INCIDENT_CREATE)
				&& (incident.getRootCauseIncidentId() == null
						|| Objects.equals(incident.getRootCauseIncidentId(), incident.getId()))) {
			// A step out of retries fails its run (the incidents a call activity's
			// parents
			// get from it are the same failure).
			afterCommit(counter("brain.runs.failed", "Steps of runs that ran out of retries (incidents raised)",
					incident.getTenantId()));
		}
	}

	@Override
	public void handleEvents(List<HistoryEvent> events) {
		events.forEach(this::handleEvent);
	}

	private Counter counter(String name, String description, String tenant) {
		return Counter.builder(name)
			.description(description)
			.tag("tenant", (tenant != null) ? tenant : NO_TENANT)
			.register(this.registry);
	}

	private static void afterCommit(Counter counter) {
		CommandContext command = Context.getCommandContext();
		if (command == null) {
			counter.increment();
			return;
		}
		command.getTransactionContext()
			.addTransactionListener(TransactionState.COMMITTED, (committed) -> counter.increment());
	}

	/**
	 * Counts the engine's job executor and, where this node works the jobs, refreshes the
	 * figures read from the engine's tables.
	 */
	void bindTo(MetricsRegistry engineMetrics, DataSource dataSource, boolean worksJobs) {
		jobCounter(engineMetrics, Metrics.JOB_ACQUISITION_ATTEMPT, "brain.engine.jobs.acquisitions",
				"Times the job executor looked for jobs", Tags.empty());
		jobCounter(engineMetrics, Metrics.JOB_ACQUIRED_SUCCESS, "brain.engine.jobs.acquired",
				"Jobs the job executor acquired", Tags.empty());
		jobCounter(engineMetrics, Metrics.JOB_EXECUTION_REJECTED, "brain.engine.jobs.rejected",
				"Jobs the job executor acquired but had no thread for", Tags.empty());
		jobCounter(engineMetrics, Metrics.JOB_SUCCESSFUL, "brain.engine.jobs.executed",
				"Jobs the job executor executed", Tags.of("outcome", "successful"));
		jobCounter(engineMetrics, Metrics.JOB_FAILED, "brain.engine.jobs.executed", "Jobs the job executor executed",
				Tags.of("outcome", "failed"));
		if (!worksJobs) {
			return;
		}
		JdbcClient jdbc = JdbcClient.create(dataSource);
		AtomicLong due = new AtomicLong();
		AtomicLong outOfRetries = new AtomicLong();
		Gauge.builder("brain.engine.jobs.due", due, AtomicLong::get)
			.description("Engine jobs due now and waiting for the job executor (its queue)")
			.register(this.registry);
		Gauge.builder("brain.engine.jobs.out.of.retries", outOfRetries, AtomicLong::get)
			.description("Engine jobs that ran out of retries and wait for an operator")
			.register(this.registry);
		MultiGauge incidents = MultiGauge.builder("brain.incidents.open")
			.description("Incidents open, per tenant")
			.register(this.registry);
		Runnable refresh = () -> {
			try {
				due.set(jdbc.sql("""
						select count(*) from act_ru_job
						where retries_ > 0 and suspension_state_ = 1 and (duedate_ is null or duedate_ <= now())
						  and (lock_exp_time_ is null or lock_exp_time_ < now())""").query(Long.class).single());
				outOfRetries
					.set(jdbc.sql("select count(*) from act_ru_job where retries_ = 0").query(Long.class).single());
				// Every tenant that deployed, with none open too: a bounded set of tenant
				// ids, never user input.
				incidents.register(jdbc.sql(OperatonStatus.OPEN_INCIDENTS_BY_TENANT)
					.query((row, index) -> MultiGauge.Row.of(
							Tags.of("tenant", Objects.requireNonNullElse(row.getString("tenant"), NO_TENANT)),
							row.getLong("open")))
					.list(), true);
			}
			catch (RuntimeException ex) {
				// The next round tries again; the figures keep their last values.
				logger.warn("Could not read the engine's figures: {}", ex.getMessage());
			}
		};
		this.refresher = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("brain-engine-meters").daemon().factory());
		this.refresher.scheduleWithFixedDelay(refresh, 0, REFRESH.toMillis(), TimeUnit.MILLISECONDS);
	}

	private void jobCounter(MetricsRegistry engineMetrics, String engineName, String name, String description,
			Tags tags) {
		Meter meter = engineMetrics.getDbMeterByName(engineName);
		if (meter == null) {
			return;
		}
		FunctionCounter.builder(name, meter, Meter::get).description(description).tags(tags).register(this.registry);
	}

	@Override
	public void close() {
		if (this.refresher != null) {
			this.refresher.shutdownNow();
		}
	}

}
