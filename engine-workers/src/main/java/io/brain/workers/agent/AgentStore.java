package io.brain.workers.agent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brain.core.tenant.TenantContext;
import io.brain.core.tenant.TenantId;
import io.brain.workers.model.LanguageModel;
import io.brain.workers.model.LanguageModel.Message;
import io.brain.workers.model.LanguageModel.ToolCall;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the agent runtime keeps in PostgreSQL, each row under its tenant's row-level
 * security: the agents' settings (written by the api), their conversations per session,
 * and the tokens they spent per day.
 */
@Repository
class AgentStore {

	private static final TypeReference<List<ToolCall>> CALLS = new TypeReference<>() {
	};

	/**
	 * The notification channel a session's new messages and streamed pieces go out on.
	 */
	static final String STREAM = "brain_agent_stream";

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	AgentStore(JdbcClient jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** One version of a tenant's agent's settings, if the tenant has it. */
	Optional<AgentSettings> settings(TenantId tenant, UUID agentId, int version) {
		return TenantContext.call(tenant.value(),
				() -> this.jdbc.sql("""
						select v.config::text from agent_version v
						where v.tenant_id = :tenant and v.agent_id = :agent and v.version = :version
						""")
					.param("tenant", tenant.value())
					.param("agent", agentId)
					.param("version", version)
					.query(String.class)
					.optional()
					.map((config) -> read(config, AgentSettings.class)));
	}

	/**
	 * The session a run talks in, opened when it is new.
	 * @param origin {@code CHAT}, {@code SCHEDULE}, {@code MANUAL} or {@code WEBHOOK}
	 */
	void openSession(TenantId tenant, UUID agentId, UUID sessionId, String origin, String startedBy) {
		TenantContext.run(tenant.value(),
				() -> this.jdbc.sql("""
						insert into agent_session (id, tenant_id, agent_id, origin, started_by)
						values (:id, :tenant, :agent, :origin, :startedBy)
						on conflict (id) do nothing
						""")
					.param("id", sessionId)
					.param("tenant", tenant.value())
					.param("agent", agentId)
					.param("origin", origin)
					.param("startedBy", startedBy)
					.update());
	}

	/** Whether a run said this already (a step tried again says it once). */
	boolean said(TenantId tenant, UUID sessionId, String runId, String role) {
		return TenantContext.call(tenant.value(),
				() -> this.jdbc.sql("""
						select exists (select 1 from agent_message
						    where tenant_id = :tenant and session_id = :session and run_id = :run and role = :role)
						""")
					.param("tenant", tenant.value())
					.param("session", sessionId)
					.param("run", runId)
					.param("role", role)
					.query(Boolean.class)
					.single());
	}

	/**
	 * Tells whoever follows a session (its chat page, through the api) a piece of the
	 * answer the model is generating, as it arrives: a PostgreSQL notification on
	 * {@value #STREAM}, which names the tenant and the session. Pieces are not kept; the
	 * whole answer is, as the session's message.
	 */
	void streamed(TenantId tenant, UUID sessionId, String runId, String piece) {
		notify(Map.of("tenant", tenant.value(), "session", sessionId.toString(), "run", runId, "piece", piece));
	}

	private void notify(Map<String, Object> event) {
		this.jdbc.sql("select pg_notify(:channel, :payload)")
			.param("channel", STREAM)
			.param("payload", write(event))
			.query((rs, row) -> null)
			.list();
	}

	/** Adds a message to a session's conversation. */
	void append(TenantId tenant, UUID agentId, UUID sessionId, String runId, Message message) {
		String role;
		Object content;
		switch (message) {
			case Message.User user -> {
				role = "USER";
				content = Map.of("text", user.text());
			}
			case Message.Assistant assistant when !assistant.toolCalls().isEmpty() -> {
				role = "TOOL_CALL";
				content = Map.of("calls", assistant.toolCalls());
			}
			case Message.Assistant assistant -> {
				role = "ASSISTANT";
				content = Map.of("text", (assistant.text() != null) ? assistant.text() : "");
			}
			case Message.ToolResult result -> {
				role = "TOOL_RESULT";
				content = Map.of("toolCallId", result.toolCallId(), "toolName", result.toolName(), "content",
						result.content());
			}
		}
		TenantContext.run(tenant.value(), () -> {
			this.jdbc.sql("""
					insert into agent_message (tenant_id, agent_id, session_id, role, content, run_id)
					values (:tenant, :agent, :session, :role, cast(:content as jsonb), :run)
					""")
				.param("tenant", tenant.value())
				.param("agent", agentId)
				.param("session", sessionId)
				.param("role", role)
				.param("content", write(content))
				.param("run", runId)
				.update();
			this.jdbc.sql("update agent_session set last_message_at = now() where tenant_id = :tenant and id = :id")
				.param("tenant", tenant.value())
				.param("id", sessionId)
				.update();
		});
		notify(Map.of("tenant", tenant.value(), "session", sessionId.toString(), "run", (runId != null) ? runId : "",
				"message", role));
	}

	/**
	 * The last messages of a session, oldest first: at most {@code window}, and never
	 * starting with a tool's result whose call fell out of the window.
	 */
	List<Message> recent(TenantId tenant, UUID sessionId, int window) {
		List<Message> newestFirst = TenantContext.call(tenant.value(),
				() -> this.jdbc.sql("""
						select role, content::text from agent_message
						where tenant_id = :tenant and session_id = :session order by id desc limit :window
						""")
					.param("tenant", tenant.value())
					.param("session", sessionId)
					.param("window", window)
					.query((rs, row) -> message(rs.getString(1), read(rs.getString(2), JsonNode.class)))
					.list());
		List<Message> messages = new ArrayList<>(newestFirst);
		Collections.reverse(messages);
		while (!messages.isEmpty() && messages.get(0) instanceof Message.ToolResult) {
			messages.remove(0);
		}
		return messages;
	}

	/** Adds tokens an agent spent today. */
	void spent(TenantId tenant, UUID agentId, String model, long inputTokens, long outputTokens) {
		TenantContext.run(tenant.value(),
				() -> this.jdbc.sql("""
						insert into agent_token_usage (tenant_id, day, agent_id, model, input_tokens, output_tokens)
						values (:tenant, :day, :agent, :model, :input, :output)
						on conflict (tenant_id, day, agent_id, model) do update
						set input_tokens = agent_token_usage.input_tokens + excluded.input_tokens,
						    output_tokens = agent_token_usage.output_tokens + excluded.output_tokens
						""")
					.param("tenant", tenant.value())
					.param("day", today())
					.param("agent", agentId)
					.param("model", (model != null) ? model : "")
					.param("input", inputTokens)
					.param("output", outputTokens)
					.update());
	}

	/** The tokens a tenant's agents spent today and this month (UTC), in and out. */
	Spent spent(TenantId tenant) {
		LocalDate today = today();
		return TenantContext.call(tenant.value(),
				() -> this.jdbc.sql("""
						select coalesce(sum(input_tokens + output_tokens) filter (where day = :today), 0),
						    coalesce(sum(input_tokens + output_tokens), 0)
						from agent_token_usage where tenant_id = :tenant and day >= :month
						""")
					.param("tenant", tenant.value())
					.param("today", today)
					.param("month", today.withDayOfMonth(1))
					.query((rs, row) -> new Spent(rs.getLong(1), rs.getLong(2)))
					.single());
	}

	/** Tokens spent today and this month. */
	record Spent(long today, long month) {
	}

	private Message message(String role, JsonNode content) {
		return switch (role) {
			case "USER" -> new Message.User(content.path("text").asText());
			case "ASSISTANT" -> new Message.Assistant(content.path("text").asText(), List.of());
			case "TOOL_CALL" -> new Message.Assistant(null, this.json.convertValue(content.path("calls"), CALLS));
			default -> new Message.ToolResult(content.path("toolCallId").asText(), content.path("toolName").asText(),
					content.path("content").asText());
		};
	}

	private static LocalDate today() {
		return LocalDate.now(ZoneOffset.UTC);
	}

	private <T> T read(String text, Class<T> type) {
		try {
			return this.json.readValue(text, type);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private String write(Object value) {
		try {
			return this.json.writeValueAsString(value);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
