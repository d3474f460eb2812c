package io.brain.api.connector;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ConnectionRepository {

	private static final TypeReference<Map<String, Object>> CONFIG = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	ConnectionRepository(JdbcClient jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	boolean insert(String tenant, UUID id, String type, String name, Map<String, Object> config, String createdBy) {
		return this.jdbc.sql("""
				insert into connector_connection (id, tenant_id, type, name, config, created_by)
				values (:id, :tenant, :type, :name, cast(:config as jsonb), :createdBy)
				on conflict (tenant_id, name) do nothing
				""")
			.param("id", id)
			.param("tenant", tenant)
			.param("type", type)
			.param("name", name)
			.param("config", write(config))
			.param("createdBy", createdBy)
			.update() == 1;
	}

	void update(String tenant, UUID id, String name, Map<String, Object> config) {
		this.jdbc.sql("""
				update connector_connection set name = :name, config = cast(:config as jsonb), status = 'UNTESTED',
				    status_message = null, updated_at = now()
				where tenant_id = :tenant and id = :id
				""")
			.param("name", name)
			.param("config", write(config))
			.param("tenant", tenant)
			.param("id", id)
			.update();
	}

	void updateStatus(String tenant, UUID id, String status, String message) {
		this.jdbc.sql("""
				update connector_connection set status = :status, status_message = :message, updated_at = now()
				where tenant_id = :tenant and id = :id
				""").param("status", status).param("message", message).param("tenant", tenant).param("id", id).update();
	}

	boolean nameTakenByOther(String tenant, String name, UUID id) {
		return this.jdbc
			.sql("select count(*) from connector_connection where tenant_id = :tenant and name = :name and id <> :id")
			.param("tenant", tenant)
			.param("name", name)
			.param("id", id)
			.query(Long.class)
			.single() > 0;
	}

	Optional<String> typeOfNamed(String tenant, String name) {
		return this.jdbc.sql("select type from connector_connection where tenant_id = :tenant and name = :name")
			.param("tenant", tenant)
			.param("name", name)
			.query(String.class)
			.optional();
	}

	Optional<StoredConnection> find(String tenant, UUID id) {
		return this.jdbc.sql("select * from connector_connection where tenant_id = :tenant and id = :id")
			.param("tenant", tenant)
			.param("id", id)
			.query(this::map)
			.optional();
	}

	List<StoredConnection> list(String tenant) {
		return this.jdbc.sql("select * from connector_connection where tenant_id = :tenant order by name")
			.param("tenant", tenant)
			.query(this::map)
			.list();
	}

	void delete(String tenant, UUID id) {
		this.jdbc.sql("delete from connector_connection where tenant_id = :tenant and id = :id")
			.param("tenant", tenant)
			.param("id", id)
			.update();
	}

	private StoredConnection map(ResultSet rs, int row) throws SQLException {
		try {
			return new StoredConnection(rs.getObject("id", UUID.class), rs.getString("type"), rs.getString("name"),
					this.json.readValue(rs.getString("config"), CONFIG), rs.getString("status"),
					rs.getString("status_message"), rs.getString("created_by"),
					rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Unreadable configuration of connection " + rs.getString("id"), ex);
		}
	}

	private String write(Map<String, Object> config) {
		try {
			return this.json.writeValueAsString(config);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("The configuration cannot be written as JSON", ex);
		}
	}

	record StoredConnection(UUID id, String type, String name, Map<String, Object> config, String status,
			String statusMessage, String createdBy, java.time.Instant createdAt, java.time.Instant updatedAt) {
	}

}
