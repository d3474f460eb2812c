package io.brain.workers.connection;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brain.core.connection.ConnectionSecrets;
import io.brain.core.secret.SecretStore;
import io.brain.core.secret.SecretStoreException;
import io.brain.core.tenant.TenantContext;
import io.brain.core.tenant.TenantId;
import io.brain.workers.catalog.ConnectionField;
import io.camunda.connector.api.error.ConnectorRetryException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Loads the connection a BPMN step names, for the tenant the job belongs to: a step names
 * a connection, never credentials, and can only reach its own tenant's connections.
 */
@Component
public class ConnectionResolver {

	private static final TypeReference<Map<String, Object>> CONFIG = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final SecretStore secrets;

	private final ObjectMapper json;

	ConnectionResolver(JdbcClient jdbc, SecretStore secrets, ObjectMapper json) {
		this.jdbc = jdbc;
		this.secrets = secrets;
		this.json = json;
	}

	/**
	 * The connection of a tenant with a name and a type.
	 * @param tenant the job's tenant
	 * @param name the connection's name as the step gives it
	 * @param type the connector type the step needs
	 * @param fields the type's fields, to know which are secret
	 * @return the connection with its secrets
	 * @throws ConnectorRetryException without retries when there is no such connection
	 */
	public ResolvedConnection resolve(TenantId tenant, String name, String type, List<ConnectionField> fields) {
		return load(tenant, "name", name, type, fields, "named '" + name + "'");
	}

	/**
	 * The connection of a tenant with an id and a type, for connection tests.
	 * @param tenant the job's tenant
	 * @param id the connection's id
	 * @param type the connector type
	 * @param fields the type's fields
	 * @return the connection with its secrets
	 */
	public ResolvedConnection resolve(TenantId tenant, UUID id, String type, List<ConnectionField> fields) {
		return load(tenant, "id", id, type, fields, id.toString());
	}

	private ResolvedConnection load(TenantId tenant, String column, Object key, String type,
			List<ConnectionField> fields, String described) {
		return TenantContext.call(tenant.value(), () -> {
			Map<String, Object> row = this.jdbc
				.sql("select id, name, config from connector_connection where tenant_id = :tenant and " + column
						+ " = :key and type = :type")
				.param("tenant", tenant.value())
				.param("key", key)
				.param("type", type)
				.query()
				.listOfRows()
				.stream()
				.findFirst()
				.orElseThrow(() -> ConnectorRetryException.builder()
					.errorCode("UNKNOWN_CONNECTION")
					.message("No " + type + " connection " + described + " in this tenant")
					.retries(0)
					.build());
			UUID id = (UUID) row.get("id");
			Map<String, String> values = new LinkedHashMap<>();
			for (ConnectionField field : fields) {
				if (field.kind() == ConnectionField.Kind.SECRET) {
					try {
						this.secrets.get(ConnectionSecrets.ref(tenant, id, field.name()))
							.ifPresent((value) -> values.put(field.name(), value));
					}
					catch (SecretStoreException unreadable) {
						// A store that cannot open the secret (another master key, Vault
						// away)
						// is said as such, without a retry that could not help.
						throw ConnectorRetryException.builder()
							.errorCode("SECRET_UNREADABLE")
							.message("The secrets of the " + type + " connection " + described + " cannot be read: "
									+ unreadable.getMessage())
							.retries(0)
							.build();
					}
				}
			}
			return new ResolvedConnection(tenant, id, type, (String) row.get("name"),
					read(row.get("config").toString()), values);
		});
	}

	private Map<String, Object> read(String config) {
		try {
			return this.json.readValue(config, CONFIG);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("A stored connection has an unreadable configuration", ex);
		}
	}

}
