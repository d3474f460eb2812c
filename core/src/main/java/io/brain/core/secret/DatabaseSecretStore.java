package io.brain.core.secret;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.brain.core.secret.Envelope.WrappedKey;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The embedded secret store: envelope-encrypted values in PostgreSQL's {@code secret}
 * table, keyed by a {@link MasterKey}.
 * <p>
 * Row-level security shows a connection only the rows of the scope it states, so a caller
 * reads and writes the secrets of the tenant (or the platform) it works for.
 */
public class DatabaseSecretStore implements SecretStore {

	private final JdbcClient jdbc;

	private final MasterKey masterKey;

	public DatabaseSecretStore(JdbcClient jdbc, MasterKey masterKey) {
		this.jdbc = jdbc;
		this.masterKey = masterKey;
	}

	@Override
	public void put(SecretRef ref, String value) {
		Objects.requireNonNull(value, "A secret value must not be null");
		Envelope envelope = EnvelopeCipher.seal(ref, value, this.masterKey);
		this.jdbc.sql("""
				insert into secret (tenant_id, name, ciphertext, nonce, wrapped_key, key_nonce, master_key_id)
				values (:scope, :name, :ciphertext, :nonce, :wrappedKey, :keyNonce, :masterKeyId)
				on conflict (tenant_id, name) do update set ciphertext = excluded.ciphertext, nonce = excluded.nonce,
				    wrapped_key = excluded.wrapped_key, key_nonce = excluded.key_nonce,
				    master_key_id = excluded.master_key_id, updated_at = now()
				""")
			.param("scope", ref.scope())
			.param("name", ref.name())
			.param("ciphertext", envelope.ciphertext())
			.param("nonce", envelope.nonce())
			.param("wrappedKey", envelope.dataKey().ciphertext())
			.param("keyNonce", envelope.dataKey().nonce())
			.param("masterKeyId", envelope.dataKey().masterKeyId())
			.update();
	}

	@Override
	public Optional<String> get(SecretRef ref) {
		return this.jdbc.sql("""
				select ciphertext, nonce, wrapped_key, key_nonce, master_key_id from secret
				where tenant_id = :scope and name = :name
				""")
			.param("scope", ref.scope())
			.param("name", ref.name())
			.query(DatabaseSecretStore::envelope)
			.optional()
			.map((envelope) -> EnvelopeCipher.open(ref, envelope, this.masterKey));
	}

	@Override
	public boolean exists(SecretRef ref) {
		return this.jdbc.sql("select exists (select 1 from secret where tenant_id = :scope and name = :name)")
			.param("scope", ref.scope())
			.param("name", ref.name())
			.query(Boolean.class)
			.single();
	}

	@Override
	public void delete(SecretRef ref) {
		this.jdbc.sql("delete from secret where tenant_id = :scope and name = :name")
			.param("scope", ref.scope())
			.param("name", ref.name())
			.update();
	}

	@Override
	public List<SecretRef> list(String tenantScope) {
		String scope = SecretRef.checkScope(tenantScope);
		return this.jdbc.sql("select name from secret where tenant_id = :scope order by name collate \"C\"")
			.param("scope", scope)
			.query((rs, row) -> new SecretRef(scope, rs.getString(1)))
			.list();
	}

	private static Envelope envelope(ResultSet rs, int row) throws SQLException {
		return new Envelope(rs.getBytes("ciphertext"), rs.getBytes("nonce"),
				new WrappedKey(rs.getBytes("wrapped_key"), rs.getBytes("key_nonce"), rs.getString("master_key_id")));
	}

}
