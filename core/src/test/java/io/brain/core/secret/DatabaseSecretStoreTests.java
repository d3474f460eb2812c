package io.brain.core.secret;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DatabaseSecretStoreTests {

	private static final String VALUE = "sk_live_Distinctive-Plaintext-4711-\u00e9\u00df";

	private static final String OTHER_VALUE = "sk_live_Another-Distinctive-Plaintext-0815";

	private static JdbcClient jdbc;

	private final MasterKey masterKey = MasterKey.generate();

	private final DatabaseSecretStore store = new DatabaseSecretStore(jdbc, this.masterKey);

	@BeforeAll
	static void database() {
		DataSource dataSource = SecretDatabases.migrated("core_secrets");
		jdbc = JdbcClient.create(dataSource);
	}

	@BeforeEach
	void empty() {
		jdbc.sql("delete from secret").update();
	}

	@Test
	void putWhenReadBackThenSameValue() {
		SecretRef ref = new SecretRef("acme", "stripe/api-key");
		this.store.put(ref, VALUE);
		assertThat(this.store.get(ref)).contains(VALUE);
		assertThat(this.store.exists(ref)).isTrue();

		this.store.put(ref, OTHER_VALUE);
		assertThat(this.store.get(ref)).contains(OTHER_VALUE);
		assertThat(this.store.get(new SecretRef("acme", "missing"))).isEmpty();
		assertThat(this.store.exists(new SecretRef("acme", "missing"))).isFalse();
	}

	@Test
	void putWhenSameValueTwiceThenFreshDataKeyAndNonces() {
		SecretRef first = new SecretRef("acme", "first");
		SecretRef second = new SecretRef("acme", "second");
		this.store.put(first, VALUE);
		this.store.put(second, VALUE);
		Map<String, Object> a = row(first);
		Map<String, Object> b = row(second);
		for (String column : List.of("ciphertext", "nonce", "wrapped_key", "key_nonce")) {
			assertThat((byte[]) a.get(column)).as(column).isNotEqualTo(b.get(column));
		}
		assertThat(a.get("master_key_id")).isEqualTo(this.masterKey.id()).isEqualTo(b.get("master_key_id"));
	}

	@Test
	void getWhenOtherScopeThenEmpty() {
		this.store.put(new SecretRef("acme", "api-key"), VALUE);
		assertThat(this.store.get(new SecretRef("globex", "api-key"))).isEmpty();
		assertThat(this.store.get(SecretRef.platform("api-key"))).isEmpty();
		assertThat(this.store.exists(new SecretRef("globex", "api-key"))).isFalse();
		assertThat(this.store.list("globex")).isEmpty();
	}

	@Test
	void getWhenCiphertextMovedToAnotherNameThenFailsWithoutRevealingValue() {
		SecretRef source = new SecretRef("acme", "stripe");
		SecretRef target = new SecretRef("acme", "shopify");
		this.store.put(source, VALUE);
		this.store.put(target, OTHER_VALUE);
		copyEnvelope(source, target);

		assertThatExceptionOfType(SecretStoreException.class).isThrownBy(() -> this.store.get(target))
			.satisfies((ex) -> assertRevealsNoValue(ex))
			.withMessageContaining("acme/shopify")
			.withMessageContaining("belongs to another secret");
	}

	@Test
	void getWhenCiphertextMovedToAnotherTenantThenFailsWithoutRevealingValue() {
		SecretRef source = new SecretRef("acme", "stripe");
		SecretRef target = new SecretRef("globex", "stripe");
		this.store.put(source, VALUE);
		this.store.put(target, OTHER_VALUE);
		copyEnvelope(source, target);

		assertThatExceptionOfType(SecretStoreException.class).isThrownBy(() -> this.store.get(target))
			.satisfies((ex) -> assertRevealsNoValue(ex))
			.withMessageContaining("globex/stripe");
	}

	@Test
	void getWhenValueCiphertextMovedWithoutItsKeyThenFails() {
		SecretRef source = new SecretRef("acme", "stripe");
		SecretRef target = new SecretRef("acme", "shopify");
		this.store.put(source, VALUE);
		this.store.put(target, OTHER_VALUE);
		jdbc.sql("""
				update secret set (ciphertext, nonce) = (select ciphertext, nonce from secret
				    where tenant_id = :sourceScope and name = :sourceName)
				where tenant_id = :targetScope and name = :targetName
				""")
			.params(Map.of("sourceScope", source.scope(), "sourceName", source.name(), "targetScope", target.scope(),
					"targetName", target.name()))
			.update();

		assertThatExceptionOfType(SecretStoreException.class).isThrownBy(() -> this.store.get(target))
			.satisfies((ex) -> assertRevealsNoValue(ex))
			.withMessageContaining("could not be decrypted");
	}

	@Test
	void getWhenCiphertextAlteredThenFailsWithoutRevealingValue() {
		SecretRef ref = new SecretRef("acme", "stripe");
		this.store.put(ref, VALUE);
		jdbc.sql("update secret set ciphertext = set_byte(ciphertext, 0, get_byte(ciphertext, 0) # 1)").update();

		assertThatExceptionOfType(SecretStoreException.class).isThrownBy(() -> this.store.get(ref))
			.satisfies((ex) -> assertRevealsNoValue(ex))
			.withMessageContaining("was altered");
	}

	@Test
	void getWhenOtherMasterKeyThenNamesBothKeys() {
		SecretRef ref = new SecretRef("acme", "stripe");
		this.store.put(ref, VALUE);
		MasterKey other = MasterKey.generate();

		assertThatExceptionOfType(SecretStoreException.class)
			.isThrownBy(() -> new DatabaseSecretStore(jdbc, other).get(ref))
			.satisfies((ex) -> assertRevealsNoValue(ex))
			.withMessageContaining(this.masterKey.id())
			.withMessageContaining(other.id());
	}

	@Test
	void putWhenValueStoredThenNoPlaintextInAnyColumn() {
		this.store.put(new SecretRef("acme", "stripe/api-key"), VALUE);
		this.store.put(SecretRef.platform("smtp-password"), OTHER_VALUE);

		List<String> columns = jdbc.sql("""
				select table_name, column_name, data_type from information_schema.columns
				where table_schema = 'public' order by table_name, ordinal_position
				""").query((rs, row) -> rs.getString(1) + "." + rs.getString(2) + ":" + rs.getString(3)).list();
		assertThat(columns).contains("secret.ciphertext:bytea");
		List<byte[]> needles = new ArrayList<>();
		for (String value : List.of(VALUE, OTHER_VALUE)) {
			needles.add(value.getBytes(StandardCharsets.UTF_8));
			needles
				.add(HexFormat.of().formatHex(value.getBytes(StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
		}
		List<String> scanned = new ArrayList<>();
		for (String column : columns) {
			String table = column.substring(0, column.indexOf('.'));
			String name = column.substring(column.indexOf('.') + 1, column.indexOf(':'));
			boolean bytea = column.endsWith(":bytea");
			// Every column of every table: bytea as its raw bytes, anything else as its
			// text.
			List<byte[]> values = jdbc
				.sql("select \"" + name + "\"" + (bytea ? "" : "::text") + " from \"" + table + "\" where \"" + name
						+ "\" is not null")
				.query((rs, row) -> bytea ? rs.getBytes(1) : rs.getString(1).getBytes(StandardCharsets.UTF_8))
				.list();
			for (byte[] value : values) {
				for (byte[] needle : needles) {
					assertThat(contains(value, needle)).as("plaintext in %s", column).isFalse();
				}
				scanned.add(column);
			}
		}
		assertThat(scanned).contains("secret.ciphertext:bytea", "secret.wrapped_key:bytea",
				"secret.name:character varying");
	}

	@Test
	void listWhenSecretsStoredThenNamesOfTheScopeOnly() {
		this.store.put(new SecretRef("acme", "stripe/webhook-secret"), VALUE);
		this.store.put(new SecretRef("acme", "openai"), VALUE);
		this.store.put(new SecretRef("acme", "Stripe/api-key"), VALUE);
		this.store.put(new SecretRef("globex", "openai"), OTHER_VALUE);

		assertThat(this.store.list("acme")).containsExactly(new SecretRef("acme", "Stripe/api-key"),
				new SecretRef("acme", "openai"), new SecretRef("acme", "stripe/webhook-secret"));
		assertThat(this.store.list("acme").toString()).doesNotContain(VALUE);
		assertThat(this.store.list(SecretRef.PLATFORM)).isEmpty();
	}

	@Test
	void listWhenScopeInvalidThenRejects() {
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> this.store.list("Acme Inc"));
	}

	@Test
	void deleteWhenSecretExistsThenGone() {
		SecretRef ref = new SecretRef("acme", "stripe");
		SecretRef kept = new SecretRef("acme", "shopify");
		this.store.put(ref, VALUE);
		this.store.put(kept, OTHER_VALUE);

		this.store.delete(ref);
		this.store.delete(new SecretRef("acme", "never-stored"));

		assertThat(this.store.get(ref)).isEmpty();
		assertThat(this.store.exists(ref)).isFalse();
		assertThat(this.store.list("acme")).containsExactly(kept);
		assertThat(this.store.get(kept)).contains(OTHER_VALUE);
	}

	private static Map<String, Object> row(SecretRef ref) {
		return jdbc.sql("select * from secret where tenant_id = :scope and name = :name")
			.param("scope", ref.scope())
			.param("name", ref.name())
			.query()
			.singleRow();
	}

	/**
	 * Copies one secret's whole envelope (value ciphertext and wrapped key) over
	 * another's.
	 */
	private static void copyEnvelope(SecretRef source, SecretRef target) {
		jdbc.sql("""
				update secret set (ciphertext, nonce, wrapped_key, key_nonce, master_key_id) = (
				    select ciphertext, nonce, wrapped_key, key_nonce, master_key_id from secret
				    where tenant_id = :sourceScope and name = :sourceName)
				where tenant_id = :targetScope and name = :targetName
				""")
			.params(Map.of("sourceScope", source.scope(), "sourceName", source.name(), "targetScope", target.scope(),
					"targetName", target.name()))
			.update();
	}

	private static void assertRevealsNoValue(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			assertThat(String.valueOf(t.getMessage())).doesNotContain(VALUE).doesNotContain(OTHER_VALUE);
			assertThat(t.toString()).doesNotContain(VALUE).doesNotContain(OTHER_VALUE);
		}
	}

	private static boolean contains(byte[] haystack, byte[] needle) {
		for (int i = 0; i + needle.length <= haystack.length; i++) {
			if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
				return true;
			}
		}
		return false;
	}

}
