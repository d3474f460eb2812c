package io.brain.core.audit;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brain.core.tenant.TenantContext;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Appends events to the audit log. PostgreSQL chains each row's hash to the previous row
 * of its tenant and refuses updates and deletes.
 */
public class AuditLog {

	private static final String COLUMNS = """
			(tenant_id, actor_id, actor_name, actor_kind, action, target_type, target_id, request_id, client_ip,
			    outcome, metadata, hash)""";

	private static final String VALUES = """
			:auditScope, :auditActorId, :auditActorName, :auditActorKind, :auditAction, :auditTargetType,
			    :auditTargetId, :auditRequestId, :auditClientIp, :auditOutcome, cast(:auditMetadata as jsonb), ''""";

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
	 * when that change writes a row. One statement commits both without a transaction
	 * around them, so the tenant's chain is locked only while PostgreSQL runs it, not
	 * while the caller goes back and forth.
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
			.param("auditAction", truncate(event.action(), 200))
			.param("auditTargetType", truncate(event.targetType(), 100))
			.param("auditTargetId", truncate(event.targetId(), 255))
			.param("auditRequestId", truncate(event.requestId(), 100))
			.param("auditClientIp", truncate(event.clientIp(), 64))
			.param("auditOutcome", event.outcome().name())
			.param("auditMetadata", metadata);
	}

	private static String truncate(String value, int max) {
		return (value == null || value.length() <= max) ? value : value.substring(0, max);
	}

}
