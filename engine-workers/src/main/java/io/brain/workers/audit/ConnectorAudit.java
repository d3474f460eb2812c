package io.brain.workers.audit;

import java.util.LinkedHashMap;
import java.util.Map;

import io.brain.core.audit.AuditEvent;
import io.brain.core.audit.AuditEvent.ActorKind;
import io.brain.core.audit.AuditEvent.Outcome;
import io.brain.core.audit.AuditLog;
import io.brain.core.tenant.TenantId;
import io.camunda.connector.api.outbound.JobContext;
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

	ConnectorAudit(AuditLog auditLog) {
		this.auditLog = auditLog;
	}

	public void succeeded(TenantId tenant, JobContext job, String action, String target, Map<String, Object> details) {
		record(tenant, job, action, target, Outcome.SUCCESS, details);
	}

	public void failed(TenantId tenant, JobContext job, String action, String target, Map<String, Object> details) {
		record(tenant, job, action, target, Outcome.FAILURE, details);
	}

	private void record(TenantId tenant, JobContext job, String action, String target, Outcome outcome,
			Map<String, Object> details) {
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

}
