package io.brain.api.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brain.api.message.PublishedMessage;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The inbox of webhook deliveries.
 */
@Repository
class DeliveryRepository {

	private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	DeliveryRepository(JdbcClient jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * The statement that stores a verified delivery unless its listener received the same
	 * provider event id before; run with {@link #insertParameters}, it writes one row or
	 * none.
	 */
	static final String INSERT = """
			insert into webhook_delivery (id, tenant_id, listener_id, status, event_type, provider_event_id, headers,
			    payload, content_type)
			values (:id, :tenant, :listener, :status, :eventType, :eventId, cast(:headers as jsonb), :payload,
			    :contentType)
			on conflict (listener_id, provider_event_id) where replay_of is null do nothing""";

	Map<String, Object> insertParameters(String tenant, Received delivery) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("id", delivery.id());
		parameters.put("tenant", tenant);
		parameters.put("listener", delivery.listenerId());
		parameters.put("status", delivery.status().name());
		parameters.put("eventType", delivery.eventType());
		parameters.put("eventId", delivery.providerEventId());
		parameters.put("headers", write(delivery.headers()));
		parameters.put("payload", delivery.payload());
		parameters.put("contentType", delivery.contentType());
		return parameters;
	}

	Optional<UUID> idOfEvent(String tenant, UUID listener, String providerEventId) {
		return this.jdbc.sql("""
				select id from webhook_delivery
				where tenant_id = :tenant and listener_id = :listener and provider_event_id = :eventId
				    and replay_of is null
				""")
			.param("tenant", tenant)
			.param("listener", listener)
			.param("eventId", providerEventId)
			.query(UUID.class)
			.optional();
	}

	/** A copy of a delivery, queued to start its run again. */
	Optional<UUID> requeueCopy(String tenant, UUID listener, UUID original) {
		UUID copy = UUID.randomUUID();
		int copied = this.jdbc.sql("""
				insert into webhook_delivery (id, tenant_id, listener_id, status, event_type, provider_event_id,
				    headers, payload, content_type, replay_of)
				select :copy, tenant_id, listener_id, 'RECEIVED', event_type, provider_event_id, headers, payload,
				    content_type, id
				from webhook_delivery where tenant_id = :tenant and listener_id = :listener and id = :original
				""")
			.param("copy", copy)
			.param("tenant", tenant)
			.param("listener", listener)
			.param("original", original)
			.update();
		return (copied == 1) ? Optional.of(copy) : Optional.empty();
	}

	List<StoredDelivery> page(String tenant, UUID listener, DeliveryStatus status, int page, int size) {
		return this.jdbc.sql("""
				select * from webhook_delivery
				where tenant_id = :tenant and listener_id = :listener and (cast(:status as varchar) is null
				    or status = :status)
				order by received_at desc, id
				limit :size offset :offset
				""")
			.param("tenant", tenant)
			.param("listener", listener)
			.param("status", (status != null) ? status.name() : null)
			.param("size", size)
			.param("offset", (long) page * size)
			.query(this::map)
			.list();
	}

	long count(String tenant, UUID listener, DeliveryStatus status) {
		return this.jdbc.sql("""
				select count(*) from webhook_delivery
				where tenant_id = :tenant and listener_id = :listener and (cast(:status as varchar) is null
				    or status = :status)
				""")
			.param("tenant", tenant)
			.param("listener", listener)
			.param("status", (status != null) ? status.name() : null)
			.query(Long.class)
			.single();
	}

	Optional<StoredDelivery> find(String tenant, UUID listener, UUID id) {
		return this.jdbc
			.sql("select * from webhook_delivery where tenant_id = :tenant and listener_id = :listener and id = :id")
			.param("tenant", tenant)
			.param("listener", listener)
			.param("id", id)
			.query(this::map)
			.optional();
	}

	/** Deliveries waiting to start, of every tenant: their ids and tenants only. */
	List<Due> due(int max) {
		return this.jdbc.sql("select id, tenant_id from brain_webhook_deliveries_due(:max)")
			.param("max", max)
			.query((rs, row) -> new Due(rs.getObject("id", UUID.class), rs.getString("tenant_id")))
			.list();
	}

	/**
	 * Locks those of the deliveries that still wait to start, for the rest of the
	 * transaction, skipping any another dispatcher holds or that no longer wait.
	 */
	List<Locked> lockDue(String tenant, List<UUID> ids) {
		return this.jdbc
			.sql("""
					select d.*, l.name as listener_name, l.provider, l.automation_key, l.agent_id, l.mode, l.message_name as listener_message,
					    l.correlation_key_pointer, l.correlation_key_header,
					    coalesce((select o.id from webhook_delivery o where o.listener_id = d.listener_id
					        and o.provider_event_id = d.provider_event_id and o.replay_of is null), d.id) as first_delivery_id
					from webhook_delivery d join webhook_listener l on l.id = d.listener_id
					where d.tenant_id = :tenant and d.id = any(:ids) and d.status = 'RECEIVED' and d.next_attempt_at <= now()
					order by d.next_attempt_at
					for update of d skip locked
					""")
			.param("tenant", tenant)
			.param("ids", ids.toArray(UUID[]::new))
			.query((rs, row) -> new Locked(map(rs, row), rs.getString("listener_name"),
					WebhookProvider.valueOf(rs.getString("provider")), rs.getString("automation_key"),
					rs.getObject("agent_id", UUID.class), ListenerMode.valueOf(rs.getString("mode")),
					rs.getString("listener_message"), rs.getString("correlation_key_pointer"),
					rs.getString("correlation_key_header"), rs.getObject("first_delivery_id", UUID.class),
					instant(rs, "start_attempted_at")))
			.list();
	}

	/**
	 * Notes that the starts of locked deliveries go to an engine that takes them apart
	 * from this transaction, and leaves the deliveries to this dispatcher until
	 * {@code until}: should it die before it marks them, another looks up their runs
	 * then.
	 */
	void startAttempted(String tenant, List<UUID> ids, Instant until) {
		this.jdbc.sql("""
				update webhook_delivery set start_attempted_at = now(), next_attempt_at = :until
				where tenant_id = :tenant and id = any(:ids)
				""")
			.param("until", Timestamp.from(until))
			.param("tenant", tenant)
			.param("ids", ids.toArray(UUID[]::new))
			.update();
	}

	/** Marks deliveries DISPATCHED, each with the run it started, in one statement. */
	void dispatched(String tenant, Map<UUID, String> runs) {
		if (runs.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				update webhook_delivery d set status = 'DISPATCHED', run_id = s.run, dispatched_at = now(),
				    attempts = d.attempts + 1, last_error = null
				from unnest(:ids, :runs) as s (id, run)
				where d.tenant_id = :tenant and d.id = s.id
				""")
			.param("ids", runs.keySet().toArray(UUID[]::new))
			.param("runs", runs.values().toArray(String[]::new))
			.param("tenant", tenant)
			.update();
	}

	/**
	 * Marks a delivery DISPATCHED with the message it published (without a message key
	 * when the engine had its id already).
	 */
	void published(String tenant, UUID id, PublishedMessage message) {
		this.jdbc.sql("""
				update webhook_delivery set status = 'DISPATCHED', message_name = :name,
				    correlation_key = :correlationKey, message_id = :messageId, message_key = :messageKey,
				    message_already_published = :alreadyPublished,
				    dispatched_at = now(), attempts = attempts + 1, last_error = null
				where tenant_id = :tenant and id = :id
				""")
			.param("name", message.name())
			.param("correlationKey", message.correlationKey())
			.param("messageId", message.messageId())
			.param("messageKey", message.messageKey())
			.param("alreadyPublished", message.alreadyPublished())
			.param("tenant", tenant)
			.param("id", id)
			.update();
	}

	void retryLater(String tenant, UUID id, Instant next, String error) {
		this.jdbc.sql("""
				update webhook_delivery set attempts = attempts + 1, next_attempt_at = :next, last_error = :error
				where tenant_id = :tenant and id = :id
				""")
			.param("next", Timestamp.from(next))
			.param("error", error)
			.param("tenant", tenant)
			.param("id", id)
			.update();
	}

	void failed(String tenant, UUID id, String error) {
		this.jdbc.sql("""
				update webhook_delivery set status = 'FAILED', attempts = attempts + 1, last_error = :error
				where tenant_id = :tenant and id = :id
				""").param("error", error).param("tenant", tenant).param("id", id).update();
	}

	private StoredDelivery map(ResultSet rs, int row) throws SQLException {
		try {
			return new StoredDelivery(rs.getObject("id", UUID.class), rs.getObject("listener_id", UUID.class),
					DeliveryStatus.valueOf(rs.getString("status")), rs.getString("event_type"),
					rs.getString("provider_event_id"), this.json.readValue(rs.getString("headers"), HEADERS),
					rs.getString("payload"), rs.getString("content_type"), instant(rs, "received_at"),
					rs.getInt("attempts"), instant(rs, "next_attempt_at"), rs.getString("last_error"), runId(rs),
					message(rs), instant(rs, "dispatched_at"), rs.getObject("replay_of", UUID.class));
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Unreadable headers of delivery " + rs.getString("id"), ex);
		}
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

	private String write(Map<String, String> headers) {
		try {
			return this.json.writeValueAsString(headers);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("Headers cannot be written as JSON", ex);
		}
	}

	/** The message a delivery published, if it did. */
	private static PublishedMessage message(ResultSet rs) throws SQLException {
		String name = rs.getString("message_name");
		if (name == null) {
			return null;
		}
		return new PublishedMessage(name, rs.getString("correlation_key"), rs.getString("message_id"),
				rs.getString("message_key"), rs.getBoolean("message_already_published"));
	}

	/** The run a delivery started, by its public id (the engine's). */
	private static String runId(ResultSet rs) throws SQLException {
		return rs.getString("run_id");
	}

	/** A verified delivery, as it is stored. */
	record Received(UUID id, UUID listenerId, DeliveryStatus status, String eventType, String providerEventId,
			Map<String, String> headers, String payload, String contentType) {
	}

	record StoredDelivery(UUID id, UUID listenerId, DeliveryStatus status, String eventType, String providerEventId,
			Map<String, String> headers, String payload, String contentType, Instant receivedAt, int attempts,
			Instant nextAttemptAt, String error, String runId, PublishedMessage message, Instant dispatchedAt,
			UUID replayOf) {
	}

	/** A delivery waiting to start. */
	record Due(UUID id, String tenant) {
	}

	/**
	 * A delivery locked for dispatching, with what its listener says to start or publish,
	 * the first delivery of its event (the delivery itself, unless it is a replay), and
	 * when its start last went to an engine that takes starts apart from the dispatcher's
	 * transaction, if it did.
	 */
	record Locked(StoredDelivery delivery, String listenerName, WebhookProvider provider, String automationKey,
			UUID agentId, ListenerMode mode, String messageName, String correlationKeyPointer,
			String correlationKeyHeader, UUID firstDeliveryId, Instant startAttemptedAt) {
	}

}
