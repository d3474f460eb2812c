package io.brain.core.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brain.core.tenant.TenantContext;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Appends events to the audit log. PostgreSQL chains each row's hash to the previous row
 * of its tenant and refuses updates and deletes.
 */
public class AuditLog {

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	public AuditLog(JdbcClient jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	public void record(AuditEvent event) {
		String metadata;
		try {
			metadata = this.json.writeValueAsString(event.metadata());
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("Audit metadata cannot be written as JSON", ex);
		}
		TenantContext.run(event.scope(), () -> this.jdbc.sql("""
				insert into audit_log (tenant_id, actor_id, actor_name, actor_kind, action, target_type, target_id,
				    request_id, client_ip, outcome, metadata, hash)
				values (:scope, :actorId, :actorName, :actorKind, :action, :targetType, :targetId, :requestId,
				    :clientIp, :outcome, cast(:metadata as jsonb), '')
				""")
			.param("scope", event.scope())
			.param("actorId", truncate(event.actorId(), 255))
			.param("actorName", truncate(event.actorName(), 255))
			.param("actorKind", event.actorKind().name())
			.param("action", truncate(event.action(), 200))
			.param("targetType", truncate(event.targetType(), 100))
			.param("targetId", truncate(event.targetId(), 255))
			.param("requestId", truncate(event.requestId(), 100))
			.param("clientIp", truncate(event.clientIp(), 64))
			.param("outcome", event.outcome().name())
			.param("metadata", metadata)
			.update());
	}

	private static String truncate(String value, int max) {
		return (value == null || value.length() <= max) ? value : value.substring(0, max);
	}

}
