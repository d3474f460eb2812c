package io.brain.api.run;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brain.core.tenant.TenantId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Runs as the broker's exporter wrote them (process instances, steps, jobs, incidents,
 * variables), joined with Brain's record of the runs it started, within one tenant. A run
 * Brain started that the exporter has not written yet reads as active.
 */
@Repository
class RunHistory {

	private static final TypeReference<Map<String, Object>> VARIABLES = new TypeReference<>() {
	};

	/** Every run of the tenant, one row each. */
	private static final String RUNS = """
			with runs as (
			    select i.process_instance_key as id, coalesce(d.process_id, i.bpmn_process_id) as automation,
			        i.version, case when i.state = 'ACTIVE' and n.open_incidents > 0 then 'INCIDENT' else i.state end
			        as state, i.start_event_type, i.parent_process_instance_key, r.started_by,
			        coalesce(i.started_at, r.started_at) as started_at, i.ended_at, n.open_incidents,
			        r.input::text as input
			    from run_instance i
			    left join process_deployment d
			        on d.tenant_id = i.tenant_id and d.process_definition_key = i.process_definition_key
			    left join run r on r.tenant_id = i.tenant_id and r.process_instance_key = i.process_instance_key
			        and r.process_definition_key = i.process_definition_key
			    cross join lateral (select count(*)::int as open_incidents from run_incident o
			        where o.tenant_id = i.tenant_id and o.process_instance_key = i.process_instance_key
			        and o.state = 'OPEN') n
			    where i.tenant_id = :tenant
			    union all
			    select r.process_instance_key, r.process_id, d.version, 'ACTIVE', null, null, r.started_by,
			        r.started_at, null, 0, r.input::text
			    from run r
			    left join process_deployment d
			        on d.tenant_id = r.tenant_id and d.process_definition_key = r.process_definition_key
			    where r.tenant_id = :tenant and not exists (select 1 from run_instance i
			        where i.tenant_id = r.tenant_id and i.process_instance_key = r.process_instance_key)
			)
			""";

	private static final String FILTER = """
			where (cast(:state as text) is null or state = cast(:state as text))
			and (cast(:automation as text) is null or automation = cast(:automation as text))
			""";

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	RunHistory(JdbcClient jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	RunPage page(TenantId tenant, RunState state, String automation, int page, int size) {
		String stateName = (state != null) ? state.name() : null;
		long total = this.jdbc.sql(RUNS + "select count(*) from runs " + FILTER)
			.param("tenant", tenant.value())
			.param("state", stateName)
			.param("automation", automation)
			.query(Long.class)
			.single();
		List<RunSummary> items = this.jdbc
			.sql(RUNS + "select * from runs " + FILTER
					+ " order by started_at desc nulls last, id desc limit :limit offset :offset")
			.param("tenant", tenant.value())
			.param("state", stateName)
			.param("automation", automation)
			.param("limit", size)
			.param("offset", (long) page * size)
			.query((rs, row) -> summary(rs))
			.list();
		return new RunPage(items, page, size, total);
	}

	/** A run with what Brain knows of its start: its input. */
	Optional<Found> find(TenantId tenant, long id) {
		return this.jdbc.sql(RUNS + "select * from runs where id = :id")
			.param("tenant", tenant.value())
			.param("id", id)
			.query((rs, row) -> new Found(summary(rs), read(rs.getString("input"))))
			.optional();
	}

	List<RunStep> steps(TenantId tenant, long id) {
		return this.jdbc.sql("""
				select s.*, f.element_names ->> s.element_id as name, j.job_key, j.type as job_type,
				    j.state as job_state, j.retries, j.error_message,
				    exists (select 1 from run_incident o where o.tenant_id = s.tenant_id
				        and o.process_instance_key = s.process_instance_key
				        and o.element_instance_key = s.element_instance_key and o.state = 'OPEN') as incident
				from run_step s
				join run_instance i on i.tenant_id = s.tenant_id and i.process_instance_key = s.process_instance_key
				left join run_definition f
				    on f.tenant_id = i.tenant_id and f.process_definition_key = i.process_definition_key
				left join lateral (select * from run_job j where j.tenant_id = s.tenant_id
				    and j.process_instance_key = s.process_instance_key
				    and j.element_instance_key = s.element_instance_key
				    order by j.updated_at desc, j.job_key desc limit 1) j on true
				where s.tenant_id = :tenant and s.process_instance_key = :id
				order by s.position
				""").param("tenant", tenant.value()).param("id", id).query((rs, row) -> step(rs)).list();
	}

	List<RunIncident> incidents(TenantId tenant, long id) {
		return this.jdbc.sql("""
				select * from run_incident where tenant_id = :tenant and process_instance_key = :id
				order by created_at desc nulls last, incident_key desc
				""").param("tenant", tenant.value()).param("id", id).query((rs, row) -> incident(rs)).list();
	}

	/**
	 * The first open incident of a run whose process scope holds a variable with a text
	 * value, if the exporter wrote one: how a caller awaiting a run it marked learns that
	 * the run failed. Starts from the tenant's open incidents, which are few.
	 */
	Optional<Failed> openIncidentOfRunWith(TenantId tenant, String variable, String value) {
		return this.jdbc.sql("""
				select i.process_instance_key, i.error_message from run_incident i
				join run_variable v on v.tenant_id = i.tenant_id and v.process_instance_key = i.process_instance_key
				    and v.name = :name
				where i.tenant_id = :tenant and i.state = 'OPEN' and v.value = to_jsonb(cast(:value as text))
				order by i.created_at nulls last, i.incident_key limit 1
				""")
			.param("tenant", tenant.value())
			.param("name", variable)
			.param("value", value)
			.query((rs, row) -> new Failed(String.valueOf(rs.getLong("process_instance_key")),
					rs.getString("error_message")))
			.optional();
	}

	/** A failed run: its id and its incident's message. */
	record Failed(String runId, String message) {
	}

	/** The run's variables, and the names of those too large to keep. */
	Variables variables(TenantId tenant, long id) {
		Map<String, Object> values = new LinkedHashMap<>();
		List<String> omitted = new ArrayList<>();
		this.jdbc.sql("""
				select name, value::text as value, truncated from run_variable
				where tenant_id = :tenant and process_instance_key = :id order by name
				""").param("tenant", tenant.value()).param("id", id).query((rs) -> {
			if (rs.getBoolean("truncated")) {
				omitted.add(rs.getString("name"));
			}
			else {
				values.put(rs.getString("name"), value(rs.getString("value")));
			}
		});
		return new Variables(values, omitted);
	}

	private RunSummary summary(ResultSet rs) throws SQLException {
		Instant started = instant(rs, "started_at");
		Instant ended = instant(rs, "ended_at");
		int version = rs.getInt("version");
		Integer knownVersion = rs.wasNull() ? null : version;
		return new RunSummary(String.valueOf(rs.getLong("id")), rs.getString("automation"), knownVersion,
				RunState.valueOf(rs.getString("state")), start(rs), started, ended, duration(started, ended),
				rs.getInt("open_incidents"));
	}

	private static RunStart start(ResultSet rs) throws SQLException {
		String startedBy = rs.getString("started_by");
		if (startedBy != null) {
			return new RunStart(RunStart.Kind.BRAIN, startedBy);
		}
		long parent = rs.getLong("parent_process_instance_key");
		if (!rs.wasNull()) {
			return new RunStart(RunStart.Kind.PARENT_RUN, String.valueOf(parent));
		}
		String event = rs.getString("start_event_type");
		if (event != null) {
			switch (event) {
				case "TIMER":
					return new RunStart(RunStart.Kind.TIMER, null);
				case "MESSAGE":
					return new RunStart(RunStart.Kind.MESSAGE, null);
				case "SIGNAL":
					return new RunStart(RunStart.Kind.SIGNAL, null);
				default:
					break;
			}
		}
		return new RunStart(RunStart.Kind.ENGINE, null);
	}

	private static RunStep step(ResultSet rs) throws SQLException {
		Instant started = instant(rs, "started_at");
		Instant ended = instant(rs, "ended_at");
		RunStep.Outcome outcome = switch (rs.getString("state")) {
			case "COMPLETED" -> RunStep.Outcome.COMPLETED;
			case "TERMINATED" -> RunStep.Outcome.TERMINATED;
			default -> rs.getBoolean("incident") ? RunStep.Outcome.INCIDENT : RunStep.Outcome.ACTIVE;
		};
		long jobKey = rs.getLong("job_key");
		RunStep.Job job = rs.wasNull() ? null : new RunStep.Job(String.valueOf(jobKey), rs.getString("job_type"),
				rs.getString("job_state"), rs.getInt("retries"), rs.getString("error_message"));
		return new RunStep(String.valueOf(rs.getLong("element_instance_key")), rs.getString("element_id"),
				rs.getString("name"), rs.getString("element_type"), rs.getString("event_type"), outcome, started, ended,
				duration(started, ended), job);
	}

	private static RunIncident incident(ResultSet rs) throws SQLException {
		long job = rs.getLong("job_key");
		String jobId = rs.wasNull() ? null : String.valueOf(job);
		return new RunIncident(String.valueOf(rs.getLong("incident_key")),
				String.valueOf(rs.getLong("element_instance_key")), rs.getString("element_id"),
				rs.getString("error_type"), rs.getString("error_message"),
				RunIncident.State.valueOf(rs.getString("state")), instant(rs, "created_at"), instant(rs, "resolved_at"),
				jobId);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private static Long duration(Instant started, Instant ended) {
		return (started != null && ended != null) ? Duration.between(started, ended).toMillis() : null;
	}

	private Object value(String json) {
		try {
			return this.json.readValue(json, Object.class);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("An exported variable is not JSON", ex);
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
			throw new IllegalStateException("A stored run has unreadable input", ex);
		}
	}

	/**
	 * A run as listed, with the input Brain started it with.
	 *
	 * @param summary the run
	 * @param input its input, if Brain started it
	 */
	record Found(RunSummary summary, Map<String, Object> input) {

	}

	/**
	 * A run's variables.
	 *
	 * @param values the values by name
	 * @param omitted the names of values too large to keep
	 */
	record Variables(Map<String, Object> values, List<String> omitted) {

	}

}
