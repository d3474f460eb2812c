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
	 * Records an action that worked.
	 * @param action {@code connector.<connector>.<action>}
	 * @param startedAt {@link System#nanoTime()} when the call to the provider began
	 */
	public void succeeded(TenantId tenant, JobContext job, String action, String target, long startedAt,
			Map<String, Object> details) {
		record(tenant, job, action, target, Outcome.SUCCESS, startedAt, details);
	}

	/**
	 * Records an action that failed.
	 * @param action {@code connector.<connector>.<action>}
	 * @param startedAt {@link System#nanoTime()} when the call to the provider began
	 */
	public void failed(TenantId tenant, JobContext job, String action, String target, long startedAt,
			Map<String, Object> details) {
		record(tenant, job, action, target, Outcome.FAILURE, startedAt, details);
	}

	private void record(TenantId tenant, JobContext job, String action, String target, Outcome outcome, long startedAt,
			Map<String, Object> details) {
		meter(tenant, action, outcome, Duration.ofNanos(System.nanoTime() - startedAt));
		Map<String, Object> metadata = new LinkedHashMap<>(details);
		metadata.put("target", target);
		metadata.put("processInstanceKey", String.valueOf(job.getProcessInstanceKey()));
		metadata.put("elementId", job.getElementId());
		try {
			this.auditLog.record(new AuditEvent(tenant.value(), ACTOR, ACTOR, ActorKind.WORKER, action,
					"process-instance", String.valueOf(job.getProcessInstanceKey()),
					"job:" + job.getElementInstanceKey(), null, outcome, metadata));
		}
		catch (RuntimeException ex) {
			// The action happened; a lost audit row is logged loudly rather than failing
			// the job.
			logger.error("Could not write the audit row of {} for tenant {}", action, tenant, ex);
		}
	}

	private void meter(TenantId tenant, String action, Outcome outcome, Duration elapsed) {
		String[] parts = action.split("\\.", 3);
		String connector = (parts.length == 3) ? parts[1] : action;
		String operation = (parts.length == 3) ? parts[2] : action;
		Tags tags = Tags.of("tenant", tenant.value(), "connector", connector, "action", operation);
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
