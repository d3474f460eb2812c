package io.brain.core.secret;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.brain.core.database.EmbeddedDatabase;
import io.brain.core.secret.Envelope.WrappedKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MasterKeyRotationTests {

	private static final String DATABASE = "core_secret_rotation";

	private static DataSource dataSource;

	private static JdbcClient jdbc;

	private final MasterKey oldKey = MasterKey.generate();

	private final MasterKey newKey = MasterKey.generate();

	@BeforeAll
	static void database() {
		dataSource = SecretDatabases.migrated(DATABASE);
		jdbc = JdbcClient.create(dataSource);
	}

	@BeforeEach
	void empty() {
		jdbc.sql("delete from secret").update();
	}

	@Test
	void rotateWhenSecretsInTwoScopesThenNewKeyReadsAllAndOldKeyNoLonger() {
		Map<SecretRef, String> secrets = Map.of(new SecretRef("acme", "stripe/api-key"), "acme-stripe-value",
				new SecretRef("acme", "openai"), "acme-openai-value", SecretRef.platform("smtp-password"),
				"platform-smtp-value");
		DatabaseSecretStore before = new DatabaseSecretStore(jdbc, this.oldKey);
		secrets.forEach(before::put);
		List<Map<String, Object>> rowsBefore = rows();

		int rewrapped = new MasterKeyRotation(dataSource).rotate(this.oldKey, this.newKey);

		assertThat(rewrapped).isEqualTo(3);
		DatabaseSecretStore after = new DatabaseSecretStore(jdbc, this.newKey);
		secrets.forEach((ref, value) -> assertThat(after.get(ref)).contains(value));
		List<Map<String, Object>> rowsAfter = rows();
		for (int i = 0; i < rowsAfter.size(); i++) {
			Map<String, Object> was = rowsBefore.get(i);
			Map<String, Object> is = rowsAfter.get(i);
			assertThat(is.get("master_key_id")).isEqualTo(this.newKey.id()).isNotEqualTo(was.get("master_key_id"));
			// Envelope encryption: only the wrapped data key changes, never the value's
			// ciphertext.
			assertThat((byte[]) is.get("ciphertext")).isEqualTo(was.get("ciphertext"));
			assertThat((byte[]) is.get("nonce")).isEqualTo(was.get("nonce"));
			assertThat((byte[]) is.get("wrapped_key")).isNotEqualTo(was.get("wrapped_key"));
			assertThat((byte[]) is.get("key_nonce")).isNotEqualTo(was.get("key_nonce"));
		}
		secrets.keySet().forEach((ref) -> {
			assertThatExceptionOfType(SecretStoreException.class)
				.isThrownBy(() -> new DatabaseSecretStore(jdbc, this.oldKey).get(ref))
				.withMessageContaining(this.newKey.id());
			// Even told the row was wrapped by it, the old key cannot unwrap the new
			// wrapping.
			WrappedKey claimed = new WrappedKey(bytes(ref, "wrapped_key"), bytes(ref, "key_nonce"), this.oldKey.id());
			assertThatExceptionOfType(SecretStoreException.class)
				.isThrownBy(() -> EnvelopeCipher.checkUnwraps(ref, claimed, this.oldKey))
				.withMessageContaining("does not unwrap");
		});
	}

	@Test
	void rotateWhenRunAgainThenLeavesRotatedKeys() {
		new DatabaseSecretStore(jdbc, this.oldKey).put(new SecretRef("acme", "stripe"), "value");
		MasterKeyRotation rotation = new MasterKeyRotation(dataSource);
		assertThat(rotation.rotate(this.oldKey, this.newKey)).isOne();

		assertThat(rotation.rotate(this.oldKey, this.newKey)).isZero();
		assertThat(new DatabaseSecretStore(jdbc, this.newKey).get(new SecretRef("acme", "stripe"))).contains("value");
	}

	@Test
	void rotateWhenAKeyIsWrappedByAThirdKeyThenChangesNothing() {
		new DatabaseSecretStore(jdbc, this.oldKey).put(new SecretRef("acme", "a-first"), "first");
		MasterKey third = MasterKey.generate();
		new DatabaseSecretStore(jdbc, third).put(new SecretRef("acme", "z-last"), "last");

		assertThatExceptionOfType(SecretStoreException.class)
			.isThrownBy(() -> new MasterKeyRotation(dataSource).rotate(this.oldKey, this.newKey))
			.withMessageContaining("acme/z-last")
			.withMessageContaining(third.id());

		assertThat(rows()).extracting((row) -> row.get("master_key_id")).containsExactly(this.oldKey.id(), third.id());
		assertThat(new DatabaseSecretStore(jdbc, this.oldKey).get(new SecretRef("acme", "a-first"))).contains("first");
	}

	@Test
	void rotateWhenRoleIsSubjectToRowSecurityThenRefuses() {
		jdbc.sql("drop role if exists brain_rotation_test").update();
		jdbc.sql("create role brain_rotation_test login nosuperuser nobypassrls").update();
		jdbc.sql("grant select, update on secret to brain_rotation_test").update();
		PGSimpleDataSource restricted = new PGSimpleDataSource();
		restricted.setURL(EmbeddedDatabase.forTests().jdbcUrl(DATABASE));
		restricted.setUser("brain_rotation_test");
		try {
			assertThatExceptionOfType(IllegalStateException.class)
				.isThrownBy(() -> new MasterKeyRotation(restricted).rotate(this.oldKey, this.newKey))
				.withMessageContaining("bypasses row-level security");
		}
		finally {
			jdbc.sql("revoke all on secret from brain_rotation_test").update();
			jdbc.sql("drop role brain_rotation_test").update();
		}
	}

	@Test
	void rotateWhenNewKeyIsTheOldOneThenRefuses() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> new MasterKeyRotation(dataSource).rotate(this.oldKey, this.oldKey));
	}

	private static List<Map<String, Object>> rows() {
		return jdbc.sql("select * from secret order by tenant_id, name").query().listOfRows();
	}

	private static byte[] bytes(SecretRef ref, String column) {
		return jdbc.sql("select " + column + " from secret where tenant_id = :scope and name = :name")
			.param("scope", ref.scope())
			.param("name", ref.name())
			.query(byte[].class)
			.single();
	}

}
