package io.brain.core.secret;

import java.util.List;

import javax.sql.DataSource;

import io.brain.core.secret.Envelope.WrappedKey;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Replaces the master key of the embedded store by re-wrapping every secret's data key,
 * in every scope, in one transaction. Values stay as they are: only the small wrapped
 * keys change.
 */
public class MasterKeyRotation {

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	public MasterKeyRotation(DataSource dataSource) {
		this.jdbc = JdbcClient.create(dataSource);
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
	}

	/**
	 * Re-wraps every data key wrapped by the old master key with the new one, checking
	 * each unwraps with the new key before it is written. Keys the new master key wraps
	 * already (a rotation run again) are checked and left alone. Nothing changes unless
	 * all succeed.
	 * @param oldKey the master key in use
	 * @param newKey the master key to use from now on
	 * @return how many data keys were re-wrapped
	 * @throws SecretStoreException when a data key is wrapped by neither key, or does not
	 * unwrap
	 * @throws IllegalStateException when the database role would not see every tenant's
	 * rows
	 */
	public int rotate(MasterKey oldKey, MasterKey newKey) {
		if (oldKey.id().equals(newKey.id())) {
			throw new IllegalArgumentException("The new master key is the one in use (" + oldKey.id() + ")");
		}
		Integer rewrapped = this.transactions.execute((status) -> {
			checkSeesEveryTenant();
			List<Row> rows = this.jdbc.sql("""
					select tenant_id, name, wrapped_key, key_nonce, master_key_id from secret
					order by tenant_id, name for update
					""")
				.query((rs, row) -> new Row(new SecretRef(rs.getString(1), rs.getString(2)),
						new WrappedKey(rs.getBytes(3), rs.getBytes(4), rs.getString(5))))
				.list();
			int count = 0;
			for (Row row : rows) {
				if (row.dataKey().masterKeyId().equals(newKey.id())) {
					EnvelopeCipher.checkUnwraps(row.ref(), row.dataKey(), newKey);
					continue;
				}
				WrappedKey rewrappedKey = EnvelopeCipher.rewrap(row.ref(), row.dataKey(), oldKey, newKey);
				this.jdbc
					.sql("""
							update secret set wrapped_key = :wrappedKey, key_nonce = :keyNonce, master_key_id = :masterKeyId,
							    updated_at = now()
							where tenant_id = :scope and name = :name
							""")
					.param("wrappedKey", rewrappedKey.ciphertext())
					.param("keyNonce", rewrappedKey.nonce())
					.param("masterKeyId", rewrappedKey.masterKeyId())
					.param("scope", row.ref().scope())
					.param("name", row.ref().name())
					.update();
				count++;
			}
			return count;
		});
		return (rewrapped != null) ? rewrapped : 0;
	}

	/**
	 * Row-level security would hide other tenants' rows and leave them wrapped by a key
	 * that is about to be retired.
	 */
	private void checkSeesEveryTenant() {
		boolean bypasses = this.jdbc.sql("select rolsuper or rolbypassrls from pg_roles where rolname = current_user")
			.query(Boolean.class)
			.single();
		if (!bypasses) {
			String user = this.jdbc.sql("select current_user").query(String.class).single();
			throw new IllegalStateException("Rotation re-wraps the secrets of every tenant, so it must run as a role"
					+ " that bypasses row-level security (a superuser or a role with BYPASSRLS); " + user
					+ " does not");
		}
	}

	private record Row(SecretRef ref, WrappedKey dataKey) {
	}

}
