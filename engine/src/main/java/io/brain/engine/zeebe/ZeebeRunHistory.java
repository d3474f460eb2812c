package io.brain.engine.zeebe;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brain.core.tenant.TenantId;
import io.brain.engine.Engine;
import io.brain.engine.RunHistory;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Runs as Brain's broker exporter wrote them (process instances, steps, jobs, incidents,
 * variables; decision 8), within one tenant: every query names the tenant, and row-level
 * security shows the connection only the tenant of the caller's {@code TenantContext}. A
 * run Brain started that the exporter has not written yet reads as active, from Brain's
 * own record of it. A run's id is its process instance key in decimal.
 */
final class ZeebeRunHistory implements RunHistory {

	private static final ObjectMapper JSON = new ObjectMapper();

	/**
	 * Every run of the tenant, one row each; only the run {@code :run} names, when it
	 * names one.
	 */
	private static final String RUNS = """
			with runs as (
			    select i.process_instance_key::text as id, coalesce(d.process_id, i.bpmn_process_id) as process_id,
			        i.version, case when i.state = 'ACTIVE' and n.open_incidents > 0 then 'INCIDENT' else i.state end
			        as state, i.start_event_type, i.parent_process_instance_key,
			        coalesce(i.started_at, r.started_at) as started_at, i.ended_at, n.open_incidents
			    from run_instance i
			    left join process_deployment d
			        on d.tenant_id = i.tenant_id and d.definition_id = i.process_definition_key::text
			    left join run r on r.tenant_id = i.tenant_id and r.instance_id = i.process_instance_key::text
			        and r.definition_id = i.process_definition_key::text
			    cross join lateral (select count(*)::int as open_incidents from run_incident o
			        where o.tenant_id = i.tenant_id and o.process_instance_key = i.process_instance_key
			        and o.state = 'OPEN') n
			    where i.tenant_id = :tenant
			        and (cast(:run as text) is null or i.process_instance_key = cast(:run as bigint))
			    union all
			    select r.instance_id, r.process_id, d.version, 'ACTIVE', null, null, r.started_at, null, 0
			    from run r
			    left join process_deployment d on d.tenant_id = r.tenant_id and d.definition_id = r.definition_id
			    where r.tenant_id = :tenant and (cast(:run as text) is null or r.instance_id = cast(:run as text))
			        and not exists (select 1 from run_instance i
			            where i.tenant_id = r.tenant_id and i.process_instance_key::text = r.instance_id)
			)
			""";

	private static final String FILTER = """
			where (cast(:state as text) is null or state = cast(:state as text))
			and (cast(:process as text) is null or process_id = cast(:process as text))
			""";

	/**
	 * The variable a run started with a start key carries it in ({@link Engine#start}).
	 */
	static final String START_KEY = "brainStartKey";

	private final JdbcClient jdbc;

	ZeebeRunHistory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<Run> run(TenantId tenant, String runId) {
		Optional<Summary> summary = summary(tenant, runId);
		if (summary.isEmpty()) {
			return Optional.empty();
		}
		long key = key(runId).getAsLong();
		Map<String, Object> variables = new LinkedHashMap<>();
		List<String> omitted = new ArrayList<>();
		this.jdbc.sql("""
				select name, value::text as value, truncated from run_variable
				where tenant_id = :tenant and process_instance_key = :key and name <> :startKey order by name
				""").param("tenant", tenant.value()).param("key", key).param("startKey", START_KEY).query((rs) -> {
			if (rs.getBoolean("truncated")) {
				omitted.add(rs.getString("name"));
			}
			else {
				variables.put(rs.getString("name"), value(rs.getString("value")));
			}
		});
		return Optional.of(new Run(summary.get(), steps(tenant, key), variables, omitted, incidents(tenant, runId)));
	}

	/** The run the exporter recorded with a start key, the first if several were. */
	Optional<Engine.RunStarted> startedWith(TenantId tenant, String startKey) {
		return this.jdbc.sql("""
				select i.process_instance_key, i.process_definition_key from run_variable v
				join run_instance i on i.tenant_id = v.tenant_id and i.process_instance_key = v.process_instance_key
				where v.tenant_id = :tenant and v.name = :name and v.value #>> '{}' = :startKey
				order by i.process_instance_key limit 1
				""")
			.param("tenant", tenant.value())
			.param("name", START_KEY)
			.param("startKey", startKey)
			.query((rs, row) -> new Engine.RunStarted(String.valueOf(rs.getLong(1)), String.valueOf(rs.getLong(2))))
			.optional();
	}

	@Override
	public Page runs(TenantId tenant, Query query) {
		String state = query.state().map(Enum::name).orElse(null);
		String process = query.processId().orElse(null);
		long total = this.jdbc.sql(RUNS + "select count(*) from runs " + FILTER)
			.param("tenant", tenant.value())
			.param("run", null)
			.param("state", state)
			.param("process", process)
			.query(Long.class)
			.single();
		List<Summary> items = this.jdbc
			.sql(RUNS + "select * from runs " + FILTER
					+ " order by started_at desc nulls last, id desc limit :limit offset :offset")
			.param("tenant", tenant.value())
			.param("run", null)
			.param("state", state)
			.param("process", process)
			.param("limit", query.size())
			.param("offset", (long) query.page() * query.size())
			.query((rs, row) -> summary(rs))
			.list();
		return new Page(items, total);
	}

	@Override
	public Optional<Summary> summary(TenantId tenant, String runId) {
		if (key(runId).isEmpty()) {
			return Optional.empty();
		}
		return this.jdbc.sql(RUNS + "select * from runs")
			.param("tenant", tenant.value())
			.param("run", runId)
			.query((rs, row) -> summary(rs))
			.optional();
	}

	/** A run's incidents as the exporter wrote them, the latest first. */
	List<Incident> incidents(TenantId tenant, String runId) {
		OptionalLong key = key(runId);
		if (key.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				select * from run_incident where tenant_id = :tenant and process_instance_key = :key
				order by created_at desc nulls last, incident_key desc
				""")
			.param("tenant", tenant.value())
			.param("key", key.getAsLong())
			.query((rs, row) -> new Incident(String.valueOf(rs.getLong("incident_key")),
					String.valueOf(rs.getLong("element_instance_key")), rs.getString("element_id"),
					rs.getString("error_type"), rs.getString("error_message"), "OPEN".equals(rs.getString("state")),
					instant(rs, "created_at"), instant(rs, "resolved_at"), decimal(rs, "job_key")))
			.list();
	}

	/**
	 * The Zeebe key an id names: a positive number in plain decimal; empty for any other
	 * id, which names nothing on Zeebe.
	 */
	static OptionalLong key(String id) {
		try {
			long key = Long.parseLong(id);
			return (key > 0 && id.equals(String.valueOf(key))) ? OptionalLong.of(key) : OptionalLong.empty();
		}
		catch (NumberFormatException ex) {
			return OptionalLong.empty();
		}
	}

	private List<Step> steps(TenantId tenant, long key) {
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
				where s.tenant_id = :tenant and s.process_instance_key = :key
				order by s.position
				""").param("tenant", tenant.value()).param("key", key).query((rs, row) -> step(rs)).list();
	}

	private static Summary summary(ResultSet rs) throws SQLException {
		String parent = decimal(rs, "parent_process_instance_key");
		return new Summary(rs.getString("id"), rs.getString("process_id"), rs.getInt("version"),
				State.valueOf(rs.getString("state")), instant(rs, "started_at"), instant(rs, "ended_at"), null,
				rs.getInt("open_incidents"), startKind(parent, rs.getString("start_event_type")), parent);
	}

	/** How a run began: called by a parent, by a start event, or else by a command. */
	private static StartKind startKind(String parent, String startEventType) {
		if (parent != null) {
			return StartKind.PARENT_RUN;
		}
		if (startEventType == null) {
			return StartKind.COMMAND;
		}
		return switch (startEventType) {
			case "TIMER" -> StartKind.TIMER;
			case "MESSAGE" -> StartKind.MESSAGE;
			case "SIGNAL" -> StartKind.SIGNAL;
			default -> StartKind.COMMAND;
		};
	}

	private static Step step(ResultSet rs) throws SQLException {
		Outcome outcome = switch (rs.getString("state")) {
			case "COMPLETED" -> Outcome.COMPLETED;
			case "TERMINATED" -> Outcome.TERMINATED;
			default -> rs.getBoolean("incident") ? Outcome.INCIDENT : Outcome.ACTIVE;
		};
		String job = decimal(rs, "job_key");
		Task task = (job != null) ? new Task(job, rs.getString("job_type"), rs.getString("job_state"),
				rs.getInt("retries"), rs.getString("error_message")) : null;
		return new Step(String.valueOf(rs.getLong("element_instance_key")), rs.getString("element_id"),
				rs.getString("name"), rs.getString("element_type"), rs.getString("event_type"), outcome,
				instant(rs, "started_at"), instant(rs, "ended_at"), task);
	}

	/** A key column in decimal, or null. */
	private static String decimal(ResultSet rs, String column) throws SQLException {
		long key = rs.getLong(column);
		return rs.wasNull() ? null : String.valueOf(key);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private static Object value(String json) {
		try {
			return JSON.readValue(json, Object.class);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("An exported variable is not JSON", ex);
		}
	}

}
