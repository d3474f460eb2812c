package io.brain.core.audit;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brain.core.tenant.TenantContext;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Appends events to the audit log and seals them into their tenant's hash chain.
 * PostgreSQL refuses updates and deletes of audit rows; a row is written unsealed and
 * {@link #seal} gives it, once committed, its place in the chain: the hash of the row
 * before it and its own. Writers never wait for one another's commits (decision 0014).
 */
public class AuditLog {

	private static final String COLUMNS = """
			(tenant_id, actor_id, actor_name, actor_kind, action, target_type, target_id, target_name, request_id,
			    client_ip, outcome, metadata)""";

	private static final String VALUES = """
			:auditScope, :auditActorId, :auditActorName, :auditActorKind, :auditAction, :auditTargetType,
			    :auditTargetId, :auditTargetName, :auditRequestId, :auditClientIp, :auditOutcome,
			    cast(:auditMetadata as jsonb)""";

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	public AuditLog(JdbcClient jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	public void record(AuditEvent event) {
		TenantContext.run(event.scope(),
				() -> statement("insert into audit_log " + COLUMNS + " values (" + VALUES + ")", event).update());
	}

	/**
	 * Appends an event in the very statement that makes the change it records, and only
	 * when that change writes a row: one statement commits both, or neither.
	 * @param change an {@code insert}, {@code update} or {@code delete} with named
	 * parameters and no {@code returning}
	 * @param parameters the change's parameters (none named {@code audit...})
	 * @return whether the change wrote a row, and so the event
	 */
	public boolean recordWith(String change, Map<String, ?> parameters, AuditEvent event) {
		return TenantContext.call(event.scope(),
				() -> statement("with change as (" + change + " returning 1) insert into audit_log " + COLUMNS
						+ " select " + VALUES + " from change", event)
					.params(parameters)
					.update() > 0);
	}

	/**
	 * Seals committed rows into their tenants' chains, oldest first, across tenants. One
	 * sealer runs at a time, across api instances.
	 * @param maxRows how many rows to seal at most
	 * @param wait whether to wait for another sealer to finish; without, this call seals
	 * nothing while another runs
	 * @return how many rows it sealed
	 */
	public int seal(int maxRows, boolean wait) {
		return this.jdbc.sql("select brain_audit_seal(:max, :wait)")
			.param("max", maxRows)
			.param("wait", wait)
			.query(Integer.class)
			.single();
	}

	private JdbcClient.StatementSpec statement(String sql, AuditEvent event) {
		String metadata;
		try {
			metadata = this.json.writeValueAsString(event.metadata());
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("Audit metadata cannot be written as JSON", ex);
		}
		return this.jdbc.sql(sql)
			.param("auditScope", event.scope())
			.param("auditActorId", truncate(event.actorId(), 255))
			.param("auditActorName", truncate(event.actorName(), 255))
			.param("auditActorKind", event.actorKind().name())
			.param("auditAction", truncate(event.action(), 500))
			.param("auditTargetType", truncate(event.targetType(), 100))
			.param("auditTargetId", truncate(event.targetId(), 255))
			.param("auditTargetName", truncate(event.targetName(), 255))
			.param("auditRequestId", truncate(event.requestId(), 100))
			.param("auditClientIp", truncate(event.clientIp(), 64))
			.param("auditOutcome", event.outcome().name())
			.param("auditMetadata", metadata);
	}

	private static String truncate(String value, int max) {
		return (value == null || value.length() <= max) ? value : value.substring(0, max);
	}

}
