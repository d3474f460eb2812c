package io.brain.workers.connection;

import io.brain.core.tenant.TenantContext;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Marks a connection whose credentials stopped working, so the Connectors page shows it
 * needs attention (rejected credentials) or a reconnect (a refused OAuth2 refresh token)
 * before the next run fails the same way.
 */
@Component
public class ConnectionStatus {

	private final JdbcClient jdbc;

	ConnectionStatus(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void needsAttention(ResolvedConnection connection, String message) {
		mark(connection, "NEEDS_ATTENTION", message);
	}

	public void needsReconnect(ResolvedConnection connection, String message) {
		mark(connection, "NEEDS_RECONNECT", message);
	}

	private void mark(ResolvedConnection connection, String status, String message) {
		TenantContext.run(connection.tenant().value(),
				() -> this.jdbc.sql("""
						update connector_connection set status = :status, status_message = :message, updated_at = now()
						where id = :id and tenant_id = :tenant
						""")
					.param("status", status)
					.param("message", message)
					.param("id", connection.id())
					.param("tenant", connection.tenant().value())
					.update());
	}

}
