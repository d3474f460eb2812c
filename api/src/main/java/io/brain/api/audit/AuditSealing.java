package io.brain.api.audit;

import io.brain.core.audit.AuditLog;

import org.springframework.stereotype.Component;

/**
 * Seals the audit rows written since the last time into their tenants' hash chains, in
 * transactions of {@code brain.audit.seal-batch} rows, until none is left (decision
 * 0014). Every api instance does it every {@code brain.audit.seal-interval}; one at a
 * time gets to.
 */
@Component
class AuditSealing {

	private final AuditLog auditLog;

	private final int batch;

	AuditSealing(AuditLog auditLog, AuditProperties properties) {
		this.auditLog = auditLog;
		this.batch = Math.max(1, properties.sealBatch());
	}

	/**
	 * Seals every committed row.
	 * @param wait whether to wait for another instance's sealing to finish first;
	 * without, this call seals nothing while another runs
	 */
	void sealAll(boolean wait) {
		while (this.auditLog.seal(this.batch, wait) == this.batch) {
			// A full batch: more may be waiting.
		}
	}

}
