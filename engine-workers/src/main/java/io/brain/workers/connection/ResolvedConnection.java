package io.brain.workers.connection;

import java.util.Map;
import java.util.UUID;

import io.brain.core.tenant.TenantId;

/**
 * A tenant's connection loaded for one job: its fields and its secrets. Never logged.
 *
 * @param tenant the tenant it belongs to
 * @param id the connection's id
 * @param type the connector type
 * @param name its name
 * @param config the non-secret fields
 * @param secrets the secret fields
 */
public record ResolvedConnection(TenantId tenant, UUID id, String type, String name, Map<String, Object> config,
		Map<String, String> secrets) {

	public String text(String field) {
		Object value = this.config.get(field);
		return (value != null) ? value.toString() : null;
	}

	public String secret(String field) {
		return this.secrets.get(field);
	}

	@Override
	public String toString() {
		return "ResolvedConnection[" + this.type + " '" + this.name + "']";
	}

}
