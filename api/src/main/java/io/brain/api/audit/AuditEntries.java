package io.brain.api.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brain.core.tenant.TenantContext;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reads one scope's audit log: filtered pages, CSV export and the hash-chain check.
 */
@Service
public class AuditEntries {

	private static final TypeReference<Map<String, Object>> METADATA = new TypeReference<>() {
	};

	private static final int MAX_EXPORT = 100_000;

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	private final AuditSealing sealing;

	AuditEntries(JdbcClient jdbc, ObjectMapper json, AuditSealing sealing) {
		this.jdbc = jdbc;
		this.json = json;
		this.sealing = sealing;
	}

	public AuditPage page(String scope, AuditQuery query, int page, int size) {
		Where where = where(scope, query);
		return TenantContext.call(scope, () -> {
			long total = bind(this.jdbc.sql("select count(*) from audit_log where " + where.sql()), where)
				.query(Long.class)
				.single();
			List<AuditEntry> items = bind(this.jdbc
				.sql("select * from audit_log where " + where.sql() + " order by id desc limit :limit offset :offset"),
					where)
				.param("limit", size)
				.param("offset", (long) page * size)
				.query(this::map)
				.list();
			return new AuditPage(items, page, size, total);
		});
	}

	public void exportCsv(String scope, AuditQuery query, Writer out) {
		Where where = where(scope, query);
		TenantContext.run(scope, () -> {
			try (CSVPrinter csv = CSVFormat.RFC4180.builder()
				.setHeader("id", "occurred_at", "actor_id", "actor_name", "actor_kind", "action", "target_type",
						"target_id", "target_name", "outcome", "request_id", "client_ip", "metadata", "hash")
				.get()
				.print(out)) {
				bind(this.jdbc.sql("select * from audit_log where " + where.sql() + " order by id limit :limit"), where)
					.param("limit", MAX_EXPORT)
					.query(this::map)
					.stream()
					.forEach((entry) -> print(csv, entry));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	/**
	 * Checks the scope's chain, after sealing every row committed so far: each row's hash
	 * must match its contents, and each must link to the row before it in the chain. Rows
	 * committed while the check runs are left for the next.
	 */
	public ChainVerification verify(String scope) {
		this.sealing.sealAll(true);
		return TenantContext.call(scope, () -> {
			long checked = 0;
			String previous = null;
			for (Map<String, Object> row : this.jdbc.sql("""
					select id, hash, previous_hash, brain_audit_hash(a) as computed
					from audit_log a where tenant_id = :scope and chain_position is not null
					order by chain_position
					""").param("scope", scope).query().listOfRows()) {
				checked++;
				long id = ((Number) row.get("id")).longValue();
				if (!row.get("hash").equals(row.get("computed"))) {
					return new ChainVerification(false, checked, id, "its contents do not match its hash");
				}
				if (previous == null ? row.get("previous_hash") != null : !previous.equals(row.get("previous_hash"))) {
					return new ChainVerification(false, checked, id, "it does not link to the row before it");
				}
				previous = (String) row.get("hash");
			}
			return new ChainVerification(true, checked, null, null);
		});
	}

	private void print(CSVPrinter csv, AuditEntry entry) {
		try {
			csv.printRecord(entry.id(), entry.occurredAt(), cell(entry.actorId()), cell(entry.actorName()),
					entry.actorKind(), cell(entry.action()), cell(entry.targetType()), cell(entry.targetId()),
					cell(entry.targetName()), entry.outcome(), cell(entry.requestId()), cell(entry.clientIp()),
					cell(this.json.writeValueAsString(entry.metadata())), entry.hash());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Keeps spreadsheet programs from running a cell as a formula. */
	private static String cell(String value) {
		if (value != null && !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
			return "'" + value;
		}
		return value;
	}

	private static Where where(String scope, AuditQuery query) {
		List<String> conditions = new ArrayList<>(List.of("tenant_id = :scope"));
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("scope", scope);
		if (query.actor() != null && !query.actor().isBlank()) {
			conditions.add("(actor_id = :actor or actor_name = :actor)");
			params.put("actor", query.actor());
		}
		if (query.action() != null && !query.action().isBlank()) {
			conditions.add("starts_with(action, :action)");
			params.put("action", query.action());
		}
		if (query.targetType() != null && !query.targetType().isBlank()) {
			conditions.add("target_type = :targetType");
			params.put("targetType", query.targetType());
		}
		if (query.targetId() != null && !query.targetId().isBlank()) {
			conditions.add("target_id = :targetId");
			params.put("targetId", query.targetId());
		}
		if (query.from() != null) {
			conditions.add("occurred_at >= :from");
			params.put("from", Timestamp.from(query.from()));
		}
		if (query.to() != null) {
			conditions.add("occurred_at < :to");
			params.put("to", Timestamp.from(query.to()));
		}
		return new Where(String.join(" and ", conditions), params);
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, Where where) {
		where.params().forEach(statement::param);
		return statement;
	}

	private AuditEntry map(ResultSet rs, int row) throws SQLException {
		try {
			return new AuditEntry(rs.getLong("id"), rs.getString("actor_id"), rs.getString("actor_name"),
					rs.getString("actor_kind"), rs.getString("action"), rs.getString("target_type"),
					rs.getString("target_id"), rs.getString("target_name"), rs.getTimestamp("occurred_at").toInstant(),
					rs.getString("request_id"), rs.getString("client_ip"), rs.getString("outcome"),
					this.json.readValue(rs.getString("metadata"), METADATA), rs.getString("hash"));
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Unreadable audit metadata in row " + rs.getLong("id"), ex);
		}
	}

	private record Where(String sql, Map<String, Object> params) {
	}

}
