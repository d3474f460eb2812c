package io.brain.api.audit;

import io.brain.core.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Seals the audit rows written since the last time into their tenants' hash chains, in
 * transactions of {@code brain.audit.seal-batch} rows, until none is left (decision
 * 0014). Every api instance does it; one at a time gets to.
 */
@Component
class AuditSealing {

	private static final Logger logger = LoggerFactory.getLogger(AuditSealing.class);

	private final AuditLog auditLog;

	private final int batch;

	AuditSealing(AuditLog auditLog, AuditProperties properties) {
		this.auditLog = auditLog;
		this.batch = Math.max(1, properties.sealBatch());
	}

	/**
	 * Seals every committed row.
	 * @param wait whether to wait for another instance's sealing to finish first
	 * @return how many rows this call sealed
	 */
	long sealAll(boolean wait) {
		long sealed = 0;
		int round;
		do {
			round = this.auditLog.seal(this.batch, wait);
			sealed += round;
		}
		while (round == this.batch);
		return sealed;
	}

	/** The scheduled round: a failing database must not stop the next one. */
	void sealPending() {
		try {
			sealAll(false);
		}
		catch (RuntimeException ex) {
			logger.error("Sealing the audit log failed; the next round tries again", ex);
		}
	}

}
