package io.brain.workers.sync;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brain.core.tenant.TenantContext;
import io.brain.core.tenant.TenantId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores what a sync fetched in one transaction, so readers never see half a sync: a full
 * read replaces the connection's copy of the resource (dropping what the provider no
 * longer lists), a read of changes adds and refreshes records.
 */
@Component
class SyncedRecords {

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	private final TransactionTemplate transactions;

	SyncedRecords(JdbcClient jdbc, ObjectMapper json, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.json = json;
		this.transactions = transactions;
	}

	/** When the resource was last synced, and last read in full. */
	Optional<SyncState> state(TenantId tenant, UUID connection, String resource) {
		return TenantContext.call(tenant.value(), () -> this.jdbc.sql("""
				select last_synced_at, last_full_at from sync_state
				where connection_id = :connection and resource = :resource
				""")
			.param("connection", connection)
			.param("resource", resource)
			.query((row, number) -> new SyncState(row.getTimestamp(1).toInstant(), row.getTimestamp(2).toInstant()))
			.optional());
	}

	SyncResult store(TenantId tenant, UUID connection, String resource, Fetched fetched, Instant startedAt) {
		return TenantContext.call(tenant.value(), () -> this.transactions.execute((status) -> {
			Set<String> existing = new HashSet<>(this.jdbc
				.sql("select external_id from synced_record where connection_id = :connection and resource = :resource")
				.param("connection", connection)
				.param("resource", resource)
				.query(String.class)
				.list());
			Set<String> seen = new HashSet<>();
			int created = 0;
			for (SyncedRecord record : fetched.records()) {
				if (!seen.add(record.externalId())) {
					continue;
				}
				if (!existing.contains(record.externalId())) {
					created++;
				}
				upsert(tenant, connection, resource, record);
			}
			Set<String> gone = new HashSet<>();
			if (fetched.complete()) {
				gone.addAll(existing);
				gone.removeAll(seen);
				for (String externalId : gone) {
					this.jdbc.sql("""
							delete from synced_record where connection_id = :connection and resource = :resource
							    and external_id = :externalId
							""")
						.param("connection", connection)
						.param("resource", resource)
						.param("externalId", externalId)
						.update();
				}
			}
			this.jdbc
				.sql("""
						insert into sync_state (tenant_id, connection_id, resource, last_synced_at, last_full_at)
						values (:tenant, :connection, :resource, :startedAt, :startedAt)
						on conflict (connection_id, resource) do update
						    set last_synced_at = excluded.last_synced_at,
						        last_full_at = case when :complete then excluded.last_full_at else sync_state.last_full_at end
						""")
				.param("tenant", tenant.value())
				.param("connection", connection)
				.param("resource", resource)
				.param("startedAt", Timestamp.from(startedAt))
				.param("complete", fetched.complete())
				.update();
			return new SyncResult(resource, fetched.records().size(), created, seen.size() - created, gone.size());
		}));
	}

	private void upsert(TenantId tenant, UUID connection, String resource, SyncedRecord record) {
		this.jdbc.sql("""
				insert into synced_record (tenant_id, connection_id, resource, external_id, title, url, status,
				    modified_at, data, synced_at)
				values (:tenant, :connection, :resource, :externalId, :title, :url, :status, :modifiedAt,
				    cast(:data as jsonb), now())
				on conflict (connection_id, resource, external_id) do update
				    set title = excluded.title, url = excluded.url, status = excluded.status,
				        modified_at = excluded.modified_at, data = excluded.data, synced_at = now()
				""")
			.param("tenant", tenant.value())
			.param("connection", connection)
			.param("resource", resource)
			.param("externalId", record.externalId())
			.param("title", record.title())
			.param("url", record.url())
			.param("status", record.status())
			.param("modifiedAt", (record.modifiedAt() != null) ? Timestamp.from(record.modifiedAt()) : null)
			.param("data", write(record))
			.update();
	}

	private String write(SyncedRecord record) {
		try {
			return this.json.writeValueAsString(record.data());
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("A synced record cannot be written as JSON", ex);
		}
	}

	/**
	 * @param lastSyncedAt when the last sync started
	 * @param lastFullAt when the last full read started
	 */
	record SyncState(Instant lastSyncedAt, Instant lastFullAt) {

	}

}
