package io.brain.workers.sync;

import java.sql.Timestamp;
import java.util.HashSet;
import java.util.List;
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
 * Stores what a sync fetched, replacing the connection's previous copy of the resource in
 * one transaction, so readers never see half a sync.
 */
@Component
public class SyncedRecords {

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	private final TransactionTemplate transactions;

	SyncedRecords(JdbcClient jdbc, ObjectMapper json, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.json = json;
		this.transactions = transactions;
	}

	public SyncResult store(TenantId tenant, UUID connection, String resource, List<SyncedRecord> records) {
		return TenantContext.call(tenant.value(), () -> this.transactions.execute((status) -> {
			Set<String> existing = new HashSet<>(this.jdbc
				.sql("select external_id from synced_record where connection_id = :connection and resource = :resource")
				.param("connection", connection)
				.param("resource", resource)
				.query(String.class)
				.list());
			Set<String> fetched = new HashSet<>();
			int created = 0;
			for (SyncedRecord record : records) {
				fetched.add(record.externalId());
				if (!existing.contains(record.externalId())) {
					created++;
				}
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
			Set<String> gone = new HashSet<>(existing);
			gone.removeAll(fetched);
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
			return new SyncResult(resource, records.size(), created, fetched.size() - created, gone.size());
		}));
	}

	private String write(SyncedRecord record) {
		try {
			return this.json.writeValueAsString(record.data());
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("A synced record cannot be written as JSON", ex);
		}
	}

}
