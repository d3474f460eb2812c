package io.brain.api.webhook;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Webhook listeners, read and written within one tenant, and the one lookup by public id
 * that crosses tenants.
 */
@Repository
class ListenerRepository {

	private static final String WITH_COUNTS = """
			select l.*, a.name as agent_name, s.deliveries, s.last_delivery_at from webhook_listener l
			left join agent a on a.id = l.agent_id
			left join lateral (
			    select count(*) as deliveries, max(received_at) as last_delivery_at
			    from webhook_delivery d where d.listener_id = l.id
			) s on true
			""";

	private final JdbcClient jdbc;

	ListenerRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The listener a public id addresses and its tenant, before any tenant is known: one
	 * query, without the delivery counts, as every webhook asks it.
	 */
	Optional<Addressed> findByPublicId(String publicId) {
		return this.jdbc.sql("select * from brain_find_webhook_listener(:publicId)")
			.param("publicId", publicId)
			.query((rs, row) -> new Addressed(rs.getString("tenant_id"), map(rs, false)))
			.optional();
	}

	boolean insert(String tenant, Stored listener) {
		return this.jdbc
			.sql("""
					insert into webhook_listener (id, tenant_id, public_id, name, provider, automation_key, agent_id, event_types,
					    signature_header, signature_encoding, event_type_pointer, event_id_header, mode, message_name,
					    correlation_key_pointer, correlation_key_header, created_by)
					values (:id, :tenant, :publicId, :name, :provider, :automationKey, :agentId, :eventTypes, :signatureHeader,
					    :signatureEncoding, :eventTypePointer, :eventIdHeader, :mode, :messageName, :correlationKeyPointer,
					    :correlationKeyHeader, :createdBy)
					on conflict (tenant_id, name) do nothing
					""")
			.param("id", listener.id())
			.param("tenant", tenant)
			.param("publicId", listener.publicId())
			.param("name", listener.name())
			.param("provider", listener.provider().name())
			.param("automationKey", listener.automationKey())
			.param("agentId", listener.agentId())
			.param("eventTypes", listener.eventTypes().toArray(String[]::new))
			.param("signatureHeader", listener.signatureHeader())
			.param("signatureEncoding",
					(listener.signatureEncoding() != null) ? listener.signatureEncoding().name() : null)
			.param("eventTypePointer", listener.eventTypePointer())
			.param("eventIdHeader", listener.eventIdHeader())
			.param("mode", listener.mode().name())
			.param("messageName", listener.messageName())
			.param("correlationKeyPointer", listener.correlationKeyPointer())
			.param("correlationKeyHeader", listener.correlationKeyHeader())
			.param("createdBy", listener.createdBy())
			.update() == 1;
	}

	void update(String tenant, Stored listener) {
		this.jdbc.sql("""
				update webhook_listener set name = :name, automation_key = :automationKey, agent_id = :agentId,
				    event_types = :eventTypes,
				    signature_header = :signatureHeader, signature_encoding = :signatureEncoding,
				    event_type_pointer = :eventTypePointer, event_id_header = :eventIdHeader, mode = :mode,
				    message_name = :messageName, correlation_key_pointer = :correlationKeyPointer,
				    correlation_key_header = :correlationKeyHeader, updated_at = now()
				where tenant_id = :tenant and id = :id
				""")
			.param("name", listener.name())
			.param("automationKey", listener.automationKey())
			.param("agentId", listener.agentId())
			.param("eventTypes", listener.eventTypes().toArray(String[]::new))
			.param("signatureHeader", listener.signatureHeader())
			.param("signatureEncoding",
					(listener.signatureEncoding() != null) ? listener.signatureEncoding().name() : null)
			.param("eventTypePointer", listener.eventTypePointer())
			.param("eventIdHeader", listener.eventIdHeader())
			.param("mode", listener.mode().name())
			.param("messageName", listener.messageName())
			.param("correlationKeyPointer", listener.correlationKeyPointer())
			.param("correlationKeyHeader", listener.correlationKeyHeader())
			.param("tenant", tenant)
			.param("id", listener.id())
			.update();
	}

	void pointAt(String tenant, UUID id, String automationKey) {
		this.jdbc.sql("""
				update webhook_listener set automation_key = :automationKey, agent_id = null, updated_at = now()
				where tenant_id = :tenant and id = :id
				""").param("automationKey", automationKey).param("tenant", tenant).param("id", id).update();
	}

	boolean nameTakenByOther(String tenant, String name, UUID id) {
		return this.jdbc
			.sql("select count(*) from webhook_listener where tenant_id = :tenant and name = :name and id <> :id")
			.param("tenant", tenant)
			.param("name", name)
			.param("id", id)
			.query(Long.class)
			.single() > 0;
	}

	void touch(String tenant, UUID id) {
		this.jdbc.sql("update webhook_listener set updated_at = now() where tenant_id = :tenant and id = :id")
			.param("tenant", tenant)
			.param("id", id)
			.update();
	}

	Optional<Stored> find(String tenant, UUID id) {
		return this.jdbc.sql(WITH_COUNTS + " where l.tenant_id = :tenant and l.id = :id")
			.param("tenant", tenant)
			.param("id", id)
			.query((rs, row) -> map(rs, true))
			.optional();
	}

	List<Stored> list(String tenant) {
		return this.jdbc.sql(WITH_COUNTS + " where l.tenant_id = :tenant order by l.name")
			.param("tenant", tenant)
			.query((rs, row) -> map(rs, true))
			.list();
	}

	void delete(String tenant, UUID id) {
		this.jdbc.sql("delete from webhook_listener where tenant_id = :tenant and id = :id")
			.param("tenant", tenant)
			.param("id", id)
			.update();
	}

	private static Stored map(ResultSet rs, boolean counted) throws SQLException {
		String encoding = rs.getString("signature_encoding");
		Timestamp last = counted ? rs.getTimestamp("last_delivery_at") : null;
		return new Stored(rs.getObject("id", UUID.class), rs.getString("public_id"), rs.getString("name"),
				WebhookProvider.valueOf(rs.getString("provider")), rs.getString("automation_key"),
				rs.getObject("agent_id", UUID.class), counted ? rs.getString("agent_name") : null,
				strings(rs.getArray("event_types")), rs.getString("signature_header"),
				(encoding != null) ? SignatureEncoding.valueOf(encoding) : null, rs.getString("event_type_pointer"),
				rs.getString("event_id_header"), ListenerMode.valueOf(rs.getString("mode")),
				rs.getString("message_name"), rs.getString("correlation_key_pointer"),
				rs.getString("correlation_key_header"), rs.getString("created_by"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
				counted ? rs.getLong("deliveries") : 0, (last != null) ? last.toInstant() : null);
	}

	private static List<String> strings(Array array) throws SQLException {
		return (array != null) ? Arrays.asList((String[]) array.getArray()) : List.of();
	}

	/**
	 * A listener found by its public id, and whose it is; its delivery count and last
	 * delivery are not read.
	 */
	record Addressed(String tenant, Stored listener) {
	}

	/**
	 * A listener as stored; its agent's name, delivery count and last delivery are read
	 * by {@code find} and {@code list} only.
	 */
	record Stored(UUID id, String publicId, String name, WebhookProvider provider, String automationKey, UUID agentId,
			String agentName, List<String> eventTypes, String signatureHeader, SignatureEncoding signatureEncoding,
			String eventTypePointer, String eventIdHeader, ListenerMode mode, String messageName,
			String correlationKeyPointer, String correlationKeyHeader, String createdBy, Instant createdAt,
			Instant updatedAt, long deliveries, Instant lastDeliveryAt) {
	}

}
