package io.brain.workers.audit;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.brain.core.audit.AuditEvent;
import io.brain.core.audit.AuditEvent.ActorKind;
import io.brain.core.audit.AuditEvent.Outcome;
import io.brain.core.audit.AuditLog;
import io.brain.core.tenant.TenantId;
import io.brain.workers.task.EngineTaskJob;
import io.camunda.connector.api.outbound.JobContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Writes one audit row for every connector action a worker performs, in the tenant the
 * job belongs to, naming the process instance and the element.
 */
@Component
public class ConnectorAudit {

	static final String ACTOR = "engine-workers";

	private static final Logger logger = LoggerFactory.getLogger(ConnectorAudit.class);

	private final AuditLog auditLog;

	private final MeterRegistry meters;

	ConnectorAudit(AuditLog auditLog, MeterRegistry meters) {
		this.auditLog = auditLog;
		this.meters = meters;
	}

	/**
	 * Records one connector action.
	 * @param connector the connector type, e.g. {@code wordpress}
	 * @param action the action, e.g. {@code create-post}
	 * @param target what it acted on (a connection's name, a host)
	 * @param succeeded whether it worked
	 * @param startedAt {@link System#nanoTime()} when the call to the provider began
	 * @param details what to keep in the audit row
	 */
	public void record(TenantId tenant, JobContext job, String connector, String action, String target,
			boolean succeeded, long startedAt, Map<String, Object> details) {
		Outcome outcome = succeeded ? Outcome.SUCCESS : Outcome.FAILURE;
		meter(tenant, connector, action, outcome, Duration.ofNanos(System.nanoTime() - startedAt));
		Map<String, Object> metadata = new LinkedHashMap<>(details);
		metadata.put("operation", "connector." + connector + "." + action);
		metadata.put("target", target);
		metadata.put("processInstanceKey", EngineTaskJob.runId(job));
		metadata.put("elementId", job.getElementId());
		try {
			// In words, as the api's rows: "ran wordpress create-post with 'Blog'", about
			// the
			// run it belongs to.
			String words = (succeeded ? "ran " : "tried to run ") + connector + " " + action
					+ ((target != null) ? " with '" + target + "'" : "");
			this.auditLog.record(new AuditEvent(tenant.value(), ACTOR, ACTOR, ActorKind.WORKER, words, "run",
					EngineTaskJob.runId(job), "job:" + EngineTaskJob.stepId(job), null, outcome, metadata));
		}
		catch (RuntimeException ex) {
			// The action happened; a lost audit row is logged loudly rather than failing
			// the job.
			logger.error("Could not write the audit row of {} for tenant {}", action, tenant, ex);
		}
	}

	private void meter(TenantId tenant, String connector, String action, Outcome outcome, Duration elapsed) {
		Tags tags = Tags.of("tenant", tenant.value(), "connector", connector, "action", action);
		Counter.builder("brain.connector.calls")
			.description("Connector actions performed, by tenant, connector, action and outcome")
			.tags(tags.and("outcome", outcome.name().toLowerCase(Locale.ROOT)))
			.register(this.meters)
			.increment();
		Timer.builder("brain.connector.call.duration")
			.description("Time connector actions took, the provider's answer included")
			.tags(tags)
			.publishPercentileHistogram()
			.register(this.meters)
			.record(elapsed);
	}

}
