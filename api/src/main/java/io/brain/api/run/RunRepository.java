package io.brain.api.run;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brain.core.tenant.TenantId;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Brain's record of the runs it started (who, with which input, under which key), always
 * read and written within one tenant. Where a run is comes from the engine's run history.
 */
@Repository
class RunRepository {

	private static final TypeReference<Map<String, Object>> VARIABLES = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate batch;

	private final ObjectMapper json;

	RunRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch, ObjectMapper json) {
		this.jdbc = jdbc;
		this.batch = batch;
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

	/** The run an earlier request with the idempotency key started. */
	Optional<String> runOfIdempotencyKey(TenantId tenant, String idempotencyKey) {
		return this.jdbc.sql("""
				select r.instance_id from run_request q join run r on r.id = q.run_id
				where q.tenant_id = :tenant and q.idempotency_key = :key
				""").param("tenant", tenant.value()).param("key", idempotencyKey).query(String.class).optional();
	}

	void rememberIdempotencyKey(TenantId tenant, String idempotencyKey, UUID run) {
		this.jdbc.sql("insert into run_request (tenant_id, idempotency_key, run_id) values (:tenant, :key, :run)")
			.param("tenant", tenant.value())
			.param("key", idempotencyKey)
			.param("run", run)
			.update();
	}

	/**
	 * Records runs Brain started, whose instances the engine has just created, in one
	 * round trip.
	 */
	void insert(TenantId tenant, List<NewRun> runs) {
		if (runs.isEmpty()) {
			return;
		}
		SqlParameterSource[] rows = new SqlParameterSource[runs.size()];
		for (int i = 0; i < rows.length; i++) {
			NewRun run = runs.get(i);
			rows[i] = new MapSqlParameterSource().addValue("id", run.id())
				.addValue("tenant", tenant.value())
				.addValue("processId", run.processId())
				.addValue("definition", run.definitionId())
				.addValue("instance", run.runId())
				.addValue("startedBy", run.startedBy())
				.addValue("startedAt", Timestamp.from(run.startedAt()))
				.addValue("input", write(run.input()));
		}
		this.batch.batchUpdate("""
				insert into run (id, tenant_id, process_id, definition_id, instance_id, started_by, started_at, input)
				values (:id, :tenant, :processId, :definition, :instance, :startedBy, :startedAt, cast(:input as jsonb))
				""", rows);
	}

	/** What Brain recorded of the start of each of these runs it started, by run id. */
	Map<String, Started> started(TenantId tenant, Collection<String> runIds) {
		Map<String, Started> started = new HashMap<>();
		if (runIds.isEmpty()) {
			return started;
		}
		this.jdbc.sql("""
				select instance_id, started_by, input::text as input from run
				where tenant_id = :tenant and instance_id in (:runs)
				""").param("tenant", tenant.value()).param("runs", runIds).query((ResultSet rs) -> {
			started.put(rs.getString("instance_id"),
					new Started(rs.getString("started_by"), read(rs.getString("input"))));
		});
		return started;
	}

	/**
	 * How Brain started a run.
	 *
	 * @param startedBy who started it
	 * @param input the variables it was started with
	 */
	record Started(String startedBy, Map<String, Object> input) {
	}

	/** A run Brain started, as it is recorded. */
	record NewRun(UUID id, String processId, String definitionId, String runId, String startedBy, Instant startedAt,
			Map<String, Object> input) {
	}

	private String write(Map<String, Object> variables) {
		try {
			return this.json.writeValueAsString(variables);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("Variables cannot be written as JSON", ex);
		}
	}

	private Map<String, Object> read(String variables) throws SQLException {
		try {
			return this.json.readValue(variables, VARIABLES);
		}
		catch (JsonProcessingException ex) {
			throw new SQLException("A stored run has unreadable input", ex);
		}
	}

}
