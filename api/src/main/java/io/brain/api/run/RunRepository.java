package io.brain.api.run;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brain.core.tenant.TenantId;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Brain's record of the runs it started (who, with which input, under which key), always
 * read and written within one tenant. Where a run is comes from the exporter's tables,
 * see {@link RunHistory}.
 */
@Repository
class RunRepository {

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

	/** The process instance an earlier request with the idempotency key started. */
	Optional<Long> runOfIdempotencyKey(TenantId tenant, String idempotencyKey) {
		return this.jdbc.sql("""
				select r.process_instance_key from run_request q join run r on r.id = q.run_id
				where q.tenant_id = :tenant and q.idempotency_key = :key
				""").param("tenant", tenant.value()).param("key", idempotencyKey).query(Long.class).optional();
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
				.addValue("definition", run.processDefinitionKey())
				.addValue("instance", run.processInstanceKey())
				.addValue("startedBy", run.startedBy())
				.addValue("startedAt", Timestamp.from(run.startedAt()))
				.addValue("input", write(run.input()));
		}
		this.batch.batchUpdate("""
				insert into run (id, tenant_id, process_id, process_definition_key, process_instance_key, started_by,
				    started_at, input)
				values (:id, :tenant, :processId, :definition, :instance, :startedBy, :startedAt, cast(:input as jsonb))
				""", rows);
	}

	/** A run Brain started, as it is recorded. */
	record NewRun(UUID id, String processId, long processDefinitionKey, long processInstanceKey, String startedBy,
			Instant startedAt, Map<String, Object> input) {
	}

	private String write(Map<String, Object> variables) {
		try {
			return this.json.writeValueAsString(variables);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("Variables cannot be written as JSON", ex);
		}
	}

}
