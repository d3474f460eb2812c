package io.brain.api.connector;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the records syncs stored, searched by title and paged, within one tenant.
 */
@Repository
class SyncedRecordReader {

	private static final TypeReference<Map<String, Object>> DATA = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	SyncedRecordReader(JdbcClient jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * Records of some resources, of one connection or of every connection of some types.
	 */
	RecordPage find(String tenant, UUID connection, List<String> types, List<String> resources, String query, int page,
			int size) {
		String where = """
				r.tenant_id = :tenant and r.resource in (:resources)
				and (cast(:connection as uuid) is null or r.connection_id = cast(:connection as uuid))
				and c.type in (:types)
				and (cast(:query as text) is null or r.title ilike '%' || cast(:query as text) || '%'
				     or r.data ->> 'email' ilike '%' || cast(:query as text) || '%')
				""";
		String from = " from synced_record r join connector_connection c on c.id = r.connection_id where ";
		long total = bind(this.jdbc.sql("select count(*)" + from + where), tenant, connection, types, resources, query)
			.query(Long.class)
			.single();
		List<SyncedRecordView> items = bind(
				this.jdbc.sql("select r.*" + from + where
						+ " order by r.modified_at desc nulls last, r.external_id limit :limit offset :offset"),
				tenant, connection, types, resources, query)
			.param("limit", size)
			.param("offset", (long) page * size)
			.query(this::map)
			.list();
		return new RecordPage(items, page, size, total);
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, String tenant, UUID connection,
			List<String> types, List<String> resources, String query) {
		return statement.param("tenant", tenant)
			.param("connection", (connection != null) ? connection.toString() : null)
			.param("types", types)
			.param("resources", resources)
			.param("query", (query != null && !query.isBlank()) ? query.trim() : null);
	}

	private SyncedRecordView map(ResultSet rs, int row) throws SQLException {
		Timestamp modified = rs.getTimestamp("modified_at");
		try {
			return new SyncedRecordView(rs.getString("connection_id"), rs.getString("resource"),
					rs.getString("external_id"), rs.getString("title"), rs.getString("url"), rs.getString("status"),
					(modified != null) ? modified.toInstant() : null, this.json.readValue(rs.getString("data"), DATA),
					rs.getTimestamp("synced_at").toInstant());
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Unreadable synced record", ex);
		}
	}

}
