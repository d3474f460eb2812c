package io.brain.api.apikey;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.brain.api.identity.ApiKeyPrincipal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ApiKeyRepository {

	private final JdbcClient jdbc;

	ApiKeyRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(String tenant, ApiKeySummary key, String hash) {
		this.jdbc
			.sql("""
					insert into api_key (id, tenant_id, name, prefix, key_hash, permissions, created_by, created_at, expires_at)
					values (:id, :tenant, :name, :prefix, :hash, :permissions, :createdBy, :createdAt, :expiresAt)
					""")
			.param("id", key.id())
			.param("tenant", tenant)
			.param("name", key.name())
			.param("prefix", key.prefix())
			.param("hash", hash)
			.param("permissions", key.permissions().toArray(String[]::new))
			.param("createdBy", key.createdBy())
			.param("createdAt", Timestamp.from(key.createdAt()))
			.param("expiresAt", (key.expiresAt() != null) ? Timestamp.from(key.expiresAt()) : null)
			.update();
	}

	List<ApiKeySummary> list(String tenant) {
		return this.jdbc.sql("select * from api_key where tenant_id = :tenant order by created_at desc")
			.param("tenant", tenant)
			.query(this::map)
			.list();
	}

	Optional<ApiKeySummary> find(String tenant, UUID id) {
		return this.jdbc.sql("select * from api_key where tenant_id = :tenant and id = :id")
			.param("tenant", tenant)
			.param("id", id)
			.query(this::map)
			.optional();
	}

	boolean revoke(String tenant, UUID id) {
		return this.jdbc.sql("""
				update api_key set revoked_at = coalesce(revoked_at, now()) where tenant_id = :tenant and id = :id
				""").param("tenant", tenant).param("id", id).update() == 1;
	}

	Optional<ApiKeyPrincipal> findByHash(String hash, Instant now) {
		return this.jdbc.sql("""
				select * from brain_find_api_key(:hash)
				where revoked_at is null and (expires_at is null or expires_at > :now)
				""")
			.param("hash", hash)
			.param("now", Timestamp.from(now))
			.query((rs, row) -> new ApiKeyPrincipal(rs.getObject("id", UUID.class), rs.getString("name"),
					rs.getString("tenant_id"), strings(rs.getArray("permissions")), rs.getString("created_by")))
			.optional();
	}

	void touch(UUID id, Instant now) {
		// Once a minute at most: every request with a key would otherwise be a write.
		this.jdbc
			.sql("""
					update api_key set last_used_at = :now
					where id = :id and (last_used_at is null or last_used_at < cast(:now as timestamptz) - interval '1 minute')
					""")
			.param("now", Timestamp.from(now))
			.param("id", id)
			.update();
	}

	private ApiKeySummary map(ResultSet rs, int row) throws SQLException {
		return new ApiKeySummary(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("prefix"),
				strings(rs.getArray("permissions")), rs.getString("created_by"), instant(rs, "created_at"),
				instant(rs, "last_used_at"), instant(rs, "expires_at"), instant(rs, "revoked_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

	private static List<String> strings(Array array) throws SQLException {
		return (array != null) ? Arrays.asList((String[]) array.getArray()) : List.of();
	}

}
