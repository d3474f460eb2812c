package io.brain.api.run;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brain.core.tenant.TenantId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Runs, always read and written within one tenant.
 */
@Repository
class RunRepository {

	private static final TypeReference<Map<String, Object>> VARIABLES = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	RunRepository(JdbcClient jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * Holds the tenant's idempotency key until the transaction ends, so two requests with
	 * the same key cannot both start a run.
	 */
	void lockIdempotencyKey(TenantId tenant, String idempotencyKey) {
		this.jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:lock, 0))")
			.param("lock", tenant.value() + "/" + idempotencyKey)
			.query()
			.singleRow();
	}

	Optional<UUID> runOfIdempotencyKey(TenantId tenant, String idempotencyKey) {
		return this.jdbc.sql("select run_id from run_request where tenant_id = :tenant and idempotency_key = :key")
			.param("tenant", tenant.value())
			.param("key", idempotencyKey)
			.query(UUID.class)
			.optional();
	}

	void rememberIdempotencyKey(TenantId tenant, String idempotencyKey, UUID run) {
		this.jdbc.sql("insert into run_request (tenant_id, idempotency_key, run_id) values (:tenant, :key, :run)")
			.param("tenant", tenant.value())
			.param("key", idempotencyKey)
			.param("run", run)
			.update();
	}

	void insert(TenantId tenant, Run run) {
		this.jdbc
			.sql("""
					insert into run (id, tenant_id, process_id, process_definition_key, state, started_by, started_at, input)
					values (:id, :tenant, :processId, :definition, :state, :startedBy, :startedAt, cast(:input as jsonb))
					""")
			.param("id", run.id())
			.param("tenant", tenant.value())
			.param("processId", run.processId())
			.param("definition", Long.parseLong(run.processDefinitionKey()))
			.param("state", run.state().name())
			.param("startedBy", run.startedBy())
			.param("startedAt", Timestamp.from(run.startedAt()))
			.param("input", write(run.input()))
			.update();
	}

	void accepted(TenantId tenant, UUID id, long processInstanceKey) {
		this.jdbc.sql("update run set process_instance_key = :instance where tenant_id = :tenant and id = :id")
			.param("instance", processInstanceKey)
			.param("tenant", tenant.value())
			.param("id", id)
			.update();
	}

	void completed(TenantId tenant, UUID id, long processInstanceKey, Map<String, Object> output) {
		this.jdbc.sql("""
				update run set state = 'COMPLETED', process_instance_key = :instance, ended_at = :now,
				    output = cast(:output as jsonb)
				where tenant_id = :tenant and id = :id
				""")
			.param("instance", processInstanceKey)
			.param("now", Timestamp.from(Instant.now()))
			.param("output", write(output))
			.param("tenant", tenant.value())
			.param("id", id)
			.update();
	}

	void failed(TenantId tenant, UUID id, String error) {
		this.jdbc.sql("""
				update run set state = 'FAILED', ended_at = :now, error_message = :error
				where tenant_id = :tenant and id = :id
				""")
			.param("now", Timestamp.from(Instant.now()))
			.param("error", error)
			.param("tenant", tenant.value())
			.param("id", id)
			.update();
	}

	Optional<Run> find(TenantId tenant, UUID id) {
		return this.jdbc.sql("select * from run where tenant_id = :tenant and id = :id")
			.param("tenant", tenant.value())
			.param("id", id)
			.query(this::map)
			.optional();
	}

	List<Run> recent(TenantId tenant, int limit) {
		return this.jdbc.sql("select * from run where tenant_id = :tenant order by started_at desc limit :limit")
			.param("tenant", tenant.value())
			.param("limit", limit)
			.query(this::map)
			.list();
	}

	private Run map(ResultSet rs, int row) throws SQLException {
		long instance = rs.getLong("process_instance_key");
		String instanceKey = rs.wasNull() ? null : String.valueOf(instance);
		Timestamp ended = rs.getTimestamp("ended_at");
		return new Run(rs.getObject("id", UUID.class), rs.getString("process_id"),
				String.valueOf(rs.getLong("process_definition_key")), instanceKey,
				RunState.valueOf(rs.getString("state")), rs.getString("started_by"),
				rs.getTimestamp("started_at").toInstant(), (ended != null) ? ended.toInstant() : null,
				rs.getString("error_message"), read(rs.getString("input")), read(rs.getString("output")));
	}

	private String write(Map<String, Object> variables) {
		try {
			return this.json.writeValueAsString(variables);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("Variables cannot be written as JSON", ex);
		}
	}

	private Map<String, Object> read(String variables) {
		if (variables == null) {
			return null;
		}
		try {
			return this.json.readValue(variables, VARIABLES);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("A stored run has unreadable variables", ex);
		}
	}

}
