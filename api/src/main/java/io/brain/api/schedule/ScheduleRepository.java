package io.brain.api.schedule;

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

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Schedules, read and written within one tenant; only {@link #due} looks across tenants.
 */
@Repository
class ScheduleRepository {

	private static final TypeReference<Map<String, Object>> VARIABLES = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	ScheduleRepository(JdbcClient jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	List<Stored> list(String tenant) {
		return this.jdbc.sql("""
				select * from automation_schedule where tenant_id = :tenant and automation_key is not null
				order by automation_key, name""").param("tenant", tenant).query(this::map).list();
	}

	List<Stored> list(String tenant, String automationKey) {
		return this.jdbc
			.sql("select * from automation_schedule where tenant_id = :tenant and automation_key = :key order by name")
			.param("tenant", tenant)
			.param("key", automationKey)
			.query(this::map)
			.list();
	}

	Optional<Stored> find(String tenant, String automationKey, UUID id) {
		return this.jdbc
			.sql("select * from automation_schedule where tenant_id = :tenant and automation_key = :key and id = :id")
			.param("tenant", tenant)
			.param("key", automationKey)
			.param("id", id)
			.query(this::map)
			.optional();
	}

	boolean nameTaken(String tenant, String automationKey, String name, UUID except) {
		return this.jdbc.sql("""
				select count(*) from automation_schedule
				where tenant_id = :tenant and automation_key = :key and name = :name and id <> :except
				""")
			.param("tenant", tenant)
			.param("key", automationKey)
			.param("name", name)
			.param("except", except)
			.query(Long.class)
			.single() > 0;
	}

	void insert(String tenant, UUID id, String automationKey, Definition definition, Instant nextFireAt, String user) {
		insert(tenant, id, automationKey, null, definition, nextFireAt, user);
	}

	/** Stores a schedule of an automation (by key) or of an agent (by id). */
	void insert(String tenant, UUID id, String automationKey, UUID agentId, Definition definition, Instant nextFireAt,
			String user) {
		this.jdbc.sql("""
				insert into automation_schedule (id, tenant_id, automation_key, agent_id, name, cron, rule, time_zone,
				    enabled, variables, next_fire_at, created_by, updated_by)
				values (:id, :tenant, :key, :agent, :name, :cron, cast(:rule as jsonb), :zone, :enabled,
				    cast(:variables as jsonb), :next, :user, :user)
				""")
			.param("id", id)
			.param("tenant", tenant)
			.param("key", automationKey)
			.param("agent", agentId)
			.param("name", definition.name())
			.param("cron", definition.cron())
			.param("rule", (definition.rule() != null) ? write(definition.rule()) : null)
			.param("zone", definition.timeZone())
			.param("enabled", definition.enabled())
			.param("variables", write(definition.variables()))
			.param("next", timestamp(nextFireAt))
			.param("user", user)
			.update();
	}

	/** Replaces a schedule's definition; its last fire stays, its error is cleared. */
	void update(String tenant, UUID id, Definition definition, Instant nextFireAt, String user) {
		this.jdbc
			.sql("""
					update automation_schedule set name = :name, cron = :cron, rule = cast(:rule as jsonb), time_zone = :zone,
					    enabled = :enabled, variables = cast(:variables as jsonb), next_fire_at = :next, last_error = null,
					    updated_by = :user, updated_at = now()
					where tenant_id = :tenant and id = :id
					""")
			.param("tenant", tenant)
			.param("id", id)
			.param("name", definition.name())
			.param("cron", definition.cron())
			.param("rule", (definition.rule() != null) ? write(definition.rule()) : null)
			.param("zone", definition.timeZone())
			.param("enabled", definition.enabled())
			.param("variables", write(definition.variables()))
			.param("next", timestamp(nextFireAt))
			.param("user", user)
			.update();
	}

	/** The schedule of an agent, if it has one. */
	Optional<Stored> ofAgent(String tenant, UUID agentId) {
		return this.jdbc.sql("select * from automation_schedule where tenant_id = :tenant and agent_id = :agent")
			.param("tenant", tenant)
			.param("agent", agentId)
			.query(this::map)
			.optional();
	}

	void delete(String tenant, UUID id) {
		this.jdbc.sql("delete from automation_schedule where tenant_id = :tenant and id = :id")
			.param("tenant", tenant)
			.param("id", id)
			.update();
	}

	/**
	 * The schedules of every tenant due by an instant, soonest first, through the one
	 * function row-level security allows for it.
	 */
	List<Due> due(Instant by, int max) {
		return this.jdbc.sql("select id, tenant_id from brain_due_schedules(:by, :max)")
			.param("by", Timestamp.from(by))
			.param("max", max)
			.query((rs, row) -> new Due(rs.getObject("id", UUID.class), rs.getString("tenant_id")))
			.list();
	}

	/**
	 * Locks a schedule of the current transaction's tenant if it is due and no one else
	 * holds it: another api instance firing it makes this answer empty.
	 */
	Optional<Stored> lockIfDue(String tenant, UUID id, Instant now) {
		return this.jdbc.sql("""
				select * from automation_schedule
				where tenant_id = :tenant and id = :id and enabled and next_fire_at <= :now
				for update skip locked
				""")
			.param("tenant", tenant)
			.param("id", id)
			.param("now", Timestamp.from(now))
			.query(this::map)
			.optional();
	}

	/**
	 * Records a fire (or a fire that started no run) and the next fire time.
	 * @param firedAt the fire time a run was started for, or null to keep the last one
	 * @param runId the run started, or null to keep the last one
	 * @param error why no run was started, or null when one was
	 */
	void fired(String tenant, UUID id, Instant nextFireAt, Instant firedAt, String runId, String error) {
		this.jdbc.sql("""
				update automation_schedule set next_fire_at = :next, last_fired_at = coalesce(:fired, last_fired_at),
				    last_run_id = coalesce(:run, last_run_id), last_error = :error
				where tenant_id = :tenant and id = :id
				""")
			.param("tenant", tenant)
			.param("id", id)
			.param("next", timestamp(nextFireAt))
			.param("fired", timestamp(firedAt))
			.param("run", runId, java.sql.Types.VARCHAR)
			.param("error", error)
			.update();
	}

	private Stored map(ResultSet rs, int row) throws SQLException {
		String rule = rs.getString("rule");
		return new Stored(rs.getObject("id", UUID.class), rs.getString("tenant_id"), rs.getString("automation_key"),
				rs.getObject("agent_id", UUID.class),
				new Definition(rs.getString("name"), rs.getString("cron"),
						(rule != null) ? read(rule, ScheduleRule.class) : null, rs.getString("time_zone"),
						rs.getBoolean("enabled"), read(rs.getString("variables"), VARIABLES)),
				instant(rs.getTimestamp("next_fire_at")), instant(rs.getTimestamp("last_fired_at")), lastRunId(rs),
				rs.getString("last_error"), rs.getString("created_by"), instant(rs.getTimestamp("created_at")),
				rs.getString("updated_by"), instant(rs.getTimestamp("updated_at")));
	}

	private String write(Object value) {
		try {
			return this.json.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException(
					"A schedule's " + value.getClass().getSimpleName() + " cannot be written as JSON", ex);
		}
	}

	private <T> T read(String value, Class<T> type) {
		try {
			return this.json.readValue(value, type);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("A stored schedule is unreadable", ex);
		}
	}

	private <T> T read(String value, TypeReference<T> type) {
		try {
			return this.json.readValue(value, type);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("A stored schedule is unreadable", ex);
		}
	}

	private static Timestamp timestamp(Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	/**
	 * What a schedule is, as checked and stored.
	 * @param name its name
	 * @param cron its six-field cron expression
	 * @param rule the rule it was given as, if any
	 * @param timeZone its IANA zone
	 * @param enabled whether it fires
	 * @param variables the variables of its runs
	 */

	private static String lastRunId(ResultSet rs) throws SQLException {
		return rs.getString("last_run_id");
	}

	record Definition(String name, String cron, ScheduleRule rule, String timeZone, boolean enabled,
			Map<String, Object> variables) {

	}

	/**
	 * A stored schedule, of an automation or of an agent.
	 */
	record Stored(UUID id, String tenant, String automationKey, UUID agentId, Definition definition, Instant nextFireAt,
			Instant lastFiredAt, String lastRunId, String lastError, String createdBy, Instant createdAt,
			String updatedBy, Instant updatedAt) {

	}

	/**
	 * A due schedule and the tenant its row names.
	 */
	record Due(UUID id, String tenant) {

	}

}
