package io.brain.api.agent;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brain.core.tenant.TenantContext;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Agents, their versions and sessions, always within one tenant.
 */
@Repository
class AgentRepository {

	private static final String CURRENT = """
			select a.*, v.config from agent a
			join agent_version v on v.agent_id = a.id and v.version = a.current_version
			""";

	private static final String MATCHES = "(cast(:query as text) is null or a.name ilike '%' || cast(:query as text) "
			+ "|| '%' or a.key ilike '%' || cast(:query as text) || '%')";

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	AgentRepository(JdbcClient jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	Optional<Stored> find(String tenant, UUID id) {
		return this.jdbc.sql(CURRENT + " where a.tenant_id = :tenant and a.id = :id")
			.param("tenant", tenant)
			.param("id", id)
			.query(this::map)
			.optional();
	}

	/** An agent with its current version, locked until the transaction ends. */
	Optional<Stored> lock(String tenant, UUID id) {
		return this.jdbc.sql(CURRENT + " where a.tenant_id = :tenant and a.id = :id for update of a")
			.param("tenant", tenant)
			.param("id", id)
			.query(this::map)
			.optional();
	}

	List<Stored> list(String tenant, String query, int page, int size) {
		return this.jdbc
			.sql(CURRENT + " where a.tenant_id = :tenant and " + MATCHES
					+ " order by a.name, a.id limit :limit offset :offset")
			.param("tenant", tenant)
			.param("query", query)
			.param("limit", size)
			.param("offset", (long) page * size)
			.query(this::map)
			.list();
	}

	long count(String tenant, String query) {
		return this.jdbc.sql("select count(*) from agent a where a.tenant_id = :tenant and " + MATCHES)
			.param("tenant", tenant)
			.param("query", query)
			.query(Long.class)
			.single();
	}

	boolean keyTaken(String tenant, String key) {
		return this.jdbc.sql("select count(*) from agent where tenant_id = :tenant and key = :key")
			.param("tenant", tenant)
			.param("key", key)
			.query(Long.class)
			.single() > 0;
	}

	boolean nameTaken(String tenant, String name, UUID except) {
		return this.jdbc.sql("select count(*) from agent where tenant_id = :tenant and name = :name and id <> :except")
			.param("tenant", tenant)
			.param("name", name)
			.param("except", except)
			.query(Long.class)
			.single() > 0;
	}

	/** A new agent with its settings as version 1. */
	void insert(String tenant, UUID id, String key, AgentConfig config, String user) {
		this.jdbc.sql("""
				insert into agent (id, tenant_id, key, name, current_version, created_by, updated_by)
				values (:id, :tenant, :key, :name, 1, :user, :user)
				""")
			.param("id", id)
			.param("tenant", tenant)
			.param("key", key)
			.param("name", config.name())
			.param("user", user)
			.update();
		addVersion(tenant, id, 1, config, user);
	}

	/** Settings saved as the next version, which comes into force. */
	int update(String tenant, UUID id, AgentConfig config, String user) {
		int version = this.jdbc.sql("""
				update agent set name = :name, current_version = current_version + 1, updated_by = :user,
				    updated_at = now()
				where tenant_id = :tenant and id = :id
				returning current_version
				""")
			.param("tenant", tenant)
			.param("id", id)
			.param("name", config.name())
			.param("user", user)
			.query(Integer.class)
			.single();
		addVersion(tenant, id, version, config, user);
		return version;
	}

	private void addVersion(String tenant, UUID id, int version, AgentConfig config, String user) {
		this.jdbc.sql("""
				insert into agent_version (agent_id, tenant_id, version, config, created_by)
				values (:id, :tenant, :version, cast(:config as jsonb), :user)
				""")
			.param("id", id)
			.param("tenant", tenant)
			.param("version", version)
			.param("config", write(config))
			.param("user", user)
			.update();
	}

	void delete(String tenant, UUID id) {
		this.jdbc.sql("delete from agent where tenant_id = :tenant and id = :id")
			.param("tenant", tenant)
			.param("id", id)
			.update();
	}

	List<AgentVersion> versions(String tenant, UUID id) {
		return this.jdbc
			.sql("select * from agent_version where tenant_id = :tenant and agent_id = :id order by version desc")
			.param("tenant", tenant)
			.param("id", id)
			.query(this::version)
			.list();
	}

	Optional<AgentVersion> version(String tenant, UUID id, int version) {
		return this.jdbc
			.sql("select * from agent_version where tenant_id = :tenant and agent_id = :id and version = :version")
			.param("tenant", tenant)
			.param("id", id)
			.param("version", version)
			.query(this::version)
			.optional();
	}

	List<AgentSession> sessions(String tenant, UUID id, int page, int size) {
		return this.jdbc.sql("""
				select s.*, (select count(*) from agent_message m where m.session_id = s.id) messages
				from agent_session s where s.tenant_id = :tenant and s.agent_id = :id
				order by s.last_message_at desc, s.id limit :limit offset :offset
				""")
			.param("tenant", tenant)
			.param("id", id)
			.param("limit", size)
			.param("offset", (long) page * size)
			.query((rs, row) -> new AgentSession(rs.getObject("id", UUID.class), rs.getString("origin"),
					rs.getString("title"), rs.getString("started_by"), rs.getLong("messages"),
					instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("last_message_at"))))
			.list();
	}

	long countSessions(String tenant, UUID id) {
		return this.jdbc.sql("select count(*) from agent_session where tenant_id = :tenant and agent_id = :id")
			.param("tenant", tenant)
			.param("id", id)
			.query(Long.class)
			.single();
	}

	private Stored map(ResultSet rs, int row) throws SQLException {
		return new Stored(rs.getObject("id", UUID.class), rs.getString("key"), rs.getString("name"),
				rs.getInt("current_version"), read(rs.getString("config")), rs.getString("created_by"),
				instant(rs.getTimestamp("created_at")), rs.getString("updated_by"),
				instant(rs.getTimestamp("updated_at")));
	}

	private AgentVersion version(ResultSet rs, int row) throws SQLException {
		return new AgentVersion(rs.getInt("version"), read(rs.getString("config")), rs.getString("created_by"),
				instant(rs.getTimestamp("created_at")));
	}

	private String write(AgentConfig config) {
		try {
			return this.json.writeValueAsString(config);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("An agent's settings cannot be written as JSON", ex);
		}
	}

	private AgentConfig read(String config) {
		try {
			return this.json.readValue(config, AgentConfig.class);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("An agent's stored settings are unreadable", ex);
		}
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	/**
	 * The agent's tool calls that have no result yet, the latest first: calls in flight
	 * and calls waiting for a person's decision.
	 */
	List<ToolCallAsked> unansweredCalls(String tenant, UUID agent, int limit) {
		return this.jdbc.sql("""
				select c.call ->> 'id', c.call ->> 'name', c.call ->> 'arguments', m.run_id, m.session_id, m.created_at
				from agent_message m cross join lateral jsonb_array_elements(m.content -> 'calls') as c(call)
				where m.tenant_id = :tenant and m.agent_id = :agent and m.role = 'TOOL_CALL'
				and not exists (select 1 from agent_message r where r.session_id = m.session_id
					and r.role = 'TOOL_RESULT' and r.content ->> 'toolCallId' = c.call ->> 'id')
				order by m.id desc limit :limit
				""")
			.param("tenant", tenant)
			.param("agent", agent)
			.param("limit", limit)
			.query((rs, row) -> new ToolCallAsked(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getObject(5, UUID.class), rs.getTimestamp(6).toInstant()))
			.list();
	}

	/**
	 * Whether a tool call the agent's runs asked for has its result (it ran, or a person
	 * decided on it); empty when no run of the agent asked for it.
	 */
	Optional<Boolean> answered(String tenant, UUID agent, String toolCallId) {
		return this.jdbc.sql("""
				select exists (select 1 from agent_message r where r.session_id = m.session_id
				    and r.role = 'TOOL_RESULT' and r.content ->> 'toolCallId' = cast(:call as text))
				from agent_message m
				where m.tenant_id = :tenant and m.agent_id = :agent and m.role = 'TOOL_CALL'
				and m.content -> 'calls' @> jsonb_build_array(jsonb_build_object('id', cast(:call as text)))
				limit 1
				""")
			.param("tenant", tenant)
			.param("agent", agent)
			.param("call", toolCallId)
			.query(Boolean.class)
			.optional();
	}

	/**
	 * A tool call a run of an agent asked for.
	 *
	 * @param id the call's id
	 * @param name the tool's name as the model sees it
	 * @param arguments the arguments the model gave, as JSON
	 * @param runId the run that asked
	 * @param sessionId its session
	 * @param askedAt when
	 */
	record ToolCallAsked(String id, String name, String arguments, String runId, UUID sessionId, Instant askedAt) {

	}

	/**
	 * A session's messages after one, in their order, under the tenant's row-level
	 * security.
	 */
	List<SessionMessage> messagesAfter(String tenant, UUID session, long afterId) {
		return TenantContext.call(tenant,
				() -> this.jdbc.sql("""
						select id, role, content::text, run_id, created_at from agent_message
						where tenant_id = :tenant and session_id = :session and id > :after order by id limit 500
						""")
					.param("tenant", tenant)
					.param("session", session)
					.param("after", afterId)
					.query((rs, row) -> new SessionMessage(rs.getLong(1), rs.getString(2), readTree(rs.getString(3)),
							rs.getString(4), rs.getTimestamp(5).toInstant()))
					.list());
	}

	private JsonNode readTree(String text) {
		try {
			return this.json.readTree(text);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("An agent's message is unreadable", ex);
		}
	}

	/** A tenant's tokens per model since a day, and those of one day. */
	List<Spent> spent(String tenant, java.time.LocalDate from, java.time.LocalDate today) {
		return this.jdbc.sql("""
				select model, coalesce(sum(input_tokens), 0), coalesce(sum(output_tokens), 0),
				    coalesce(sum(input_tokens + output_tokens) filter (where day = :today), 0)
				from agent_token_usage where tenant_id = :tenant and day >= :from
				group by model order by model
				""")
			.param("tenant", tenant)
			.param("from", from)
			.param("today", today)
			.query((rs, row) -> new Spent(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
			.list();
	}

	/** Tokens of one model: since a day in and out, and in all on the day asked. */
	record Spent(String model, long inputTokens, long outputTokens, long today) {
	}

	record Stored(UUID id, String key, String name, int currentVersion, AgentConfig config, String createdBy,
			Instant createdAt, String updatedBy, Instant updatedAt) {

	}

}
