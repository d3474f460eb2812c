package io.brain.engine.operaton;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brain.core.tenant.TenantContext;
import io.brain.core.tenant.TenantId;
import io.brain.engine.Engine;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Messages kept for their time to live until a run waits for them, each row under its
 * tenant's row-level security. A kept message is claimed by whoever tries to deliver it
 * (the publisher first, then the delivery round of any node), so two nodes never hand the
 * same message to runs at once.
 */
final class MessageBuffer {

	private static final Duration CLAIM = Duration.ofSeconds(30);

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	MessageBuffer(DataSource dataSource, ObjectMapper json) {
		this.jdbc = JdbcClient.create(dataSource);
		this.json = json;
	}

	/**
	 * Keeps a message, claimed by the caller.
	 * @return its id, or null when the tenant keeps a message with the same message id
	 */
	UUID keep(TenantId tenant, Engine.Message message) {
		UUID id = UUID.randomUUID();
		int kept = TenantContext.call(tenant.value(),
				() -> this.jdbc.sql("""
						insert into brain_engine_message
						    (id, tenant_id, name, correlation_key, message_id, variables, expires_at, claimed_until)
						values (:id, :tenant, :name, :key, :messageId, :variables,
						        now() + make_interval(secs => :ttl), now() + make_interval(secs => :claim))
						on conflict do nothing
						""")
					.param("id", id)
					.param("tenant", tenant.value())
					.param("name", message.name())
					.param("key", message.correlationKey())
					.param("messageId", message.messageId().orElse(null))
					.param("variables", write(message.variables()))
					.param("ttl", message.timeToLive().toMillis() / 1000.0)
					.param("claim", CLAIM.toSeconds())
					.update());
		return (kept == 1) ? id : null;
	}

	/**
	 * Forgets messages whose time to live has passed, and claims kept messages of any
	 * tenant no one is delivering, oldest first.
	 */
	List<Kept> claimDue(int max) {
		return this.jdbc.sql("select * from brain_engine_claim_messages(:max, :claim)")
			.param("max", max)
			.param("claim", (int) CLAIM.toSeconds())
			.query((rs, row) -> new Kept(rs.getObject("id", UUID.class), new TenantId(rs.getString("tenant_id")),
					rs.getString("name"), rs.getString("correlation_key"), read(rs.getString("variables"))))
			.list();
	}

	void delivered(TenantId tenant, UUID id) {
		TenantContext.run(tenant.value(),
				() -> this.jdbc
					.sql("update brain_engine_message set delivered = true, claimed_until = null where id = :id")
					.param("id", id)
					.update());
	}

	void release(TenantId tenant, UUID id) {
		TenantContext.run(tenant.value(),
				() -> this.jdbc.sql("update brain_engine_message set claimed_until = null where id = :id")
					.param("id", id)
					.update());
	}

	private String write(Map<String, Object> variables) {
		try {
			return this.json.writeValueAsString(variables);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("The message's variables are not JSON", ex);
		}
	}

	private Map<String, Object> read(String variables) {
		try {
			return this.json.readValue(variables, new TypeReference<Map<String, Object>>() {
			});
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("A kept message's variables are not JSON", ex);
		}
	}

	/** A claimed message to deliver. */
	record Kept(UUID id, TenantId tenant, String name, String correlationKey, Map<String, Object> variables) {
	}

}
