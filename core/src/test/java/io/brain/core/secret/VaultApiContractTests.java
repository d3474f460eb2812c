package io.brain.core.secret;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.brain.core.secret.FakeVault.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * {@link VaultSecretStore} against a stand-in for Vault's documented HTTP API (KV version
 * 2 and AppRole).
 */
class VaultApiContractTests {

	private static final String TOKEN = "hvs.test-root-token";

	private static final String VALUE = "sk_live_Vault-Distinctive-Value-4711";

	private final ObjectMapper json = new ObjectMapper();

	private FakeVault vault;

	private VaultSecretStore store;

	@AfterEach
	void stop() {
		if (this.store != null) {
			this.store.close();
		}
		if (this.vault != null) {
			this.vault.close();
			assertThat(this.vault.violations()).isEmpty();
		}
	}

	@Test
	void putWhenTokenThenWritesDataDocumentUnderBrainPath() throws Exception {
		start("secret", TOKEN);

		this.store.put(new SecretRef("acme", "stripe/api-key"), VALUE);

		Request write = this.vault.requests().get(0);
		assertThat(write.method()).isIn("POST", "PUT");
		assertThat(write.path()).isEqualTo("/v1/secret/data/brain/acme/stripe/api-key");
		assertThat(write.token()).isEqualTo(TOKEN);
		assertThat(this.json.readTree(write.body()))
			.isEqualTo(this.json.readTree("{\"data\": {\"value\": \"" + VALUE + "\"}}"));
	}

	@Test
	void getWhenSecretStoredThenReadsValueField() {
		start("secret", TOKEN);
		SecretRef ref = SecretRef.platform("smtp-password");
		this.store.put(ref, VALUE);

		assertThat(this.store.get(ref)).contains(VALUE);
		assertThat(this.store.exists(ref)).isTrue();
		Request read = this.vault.requests().get(1);
		assertThat(read.method()).isEqualTo("GET");
		assertThat(read.path()).isEqualTo("/v1/secret/data/brain/_platform/smtp-password");
		assertThat(read.token()).isEqualTo(TOKEN);
	}

	@Test
	void getWhenMissingThenEmpty() {
		start("secret", TOKEN);
		SecretRef ref = new SecretRef("acme", "missing");

		assertThat(this.store.get(ref)).isEmpty();
		assertThat(this.store.exists(ref)).isFalse();
	}

	@Test
	void getWhenOtherScopeThenEmpty() {
		start("secret", TOKEN);
		this.store.put(new SecretRef("acme", "api-key"), VALUE);

		assertThat(this.store.get(new SecretRef("globex", "api-key"))).isEmpty();
	}

	@Test
	void listWhenNamesNestedThenWalksFoldersOfTheScopeOnly() {
		start("secret", TOKEN);
		this.store.put(new SecretRef("acme", "stripe/api-key"), VALUE);
		this.store.put(new SecretRef("acme", "stripe/webhooks/signing"), VALUE);
		this.store.put(new SecretRef("acme", "openai"), VALUE);
		this.store.put(new SecretRef("acme-two", "openai"), VALUE);

		assertThat(this.store.list("acme")).containsExactly(new SecretRef("acme", "openai"),
				new SecretRef("acme", "stripe/api-key"), new SecretRef("acme", "stripe/webhooks/signing"));
		assertThat(this.store.list("globex")).isEmpty();
		List<Request> lists = this.vault.requests()
			.stream()
			.filter((request) -> request.path().contains("/metadata/"))
			.toList();
		assertThat(lists).extracting(Request::path)
			.containsExactly("/v1/secret/metadata/brain/acme/", "/v1/secret/metadata/brain/acme/stripe/",
					"/v1/secret/metadata/brain/acme/stripe/webhooks/", "/v1/secret/metadata/brain/globex/");
	}

	@Test
	void deleteWhenSecretStoredThenDeletesMetadataAndAllVersions() {
		start("secret", TOKEN);
		SecretRef ref = new SecretRef("acme", "stripe/api-key");
		this.store.put(ref, VALUE);
		this.store.put(ref, "second version");

		this.store.delete(ref);

		Request delete = this.vault.requests().get(2);
		assertThat(delete.method()).isEqualTo("DELETE");
		assertThat(delete.path()).isEqualTo("/v1/secret/metadata/brain/acme/stripe/api-key");
		assertThat(this.store.get(ref)).isEmpty();
		assertThat(this.store.list("acme")).isEmpty();
	}

	@Test
	void putWhenMountConfiguredThenUsesIt() {
		start("kv-brain", TOKEN);

		this.store.put(new SecretRef("acme", "openai"), VALUE);

		assertThat(this.vault.requests().get(0).path()).isEqualTo("/v1/kv-brain/data/brain/acme/openai");
		assertThat(this.vault.stored("brain/acme/openai").get("value").asText()).isEqualTo(VALUE);
	}

	@Test
	void putWhenAppRoleThenLogsInAndUsesClientTokenAndRevokesOnClose() throws Exception {
		this.vault = FakeVault.start("secret", null).appRole("role-1234", "secret-5678");
		this.store = VaultSecretStores
			.create(VaultSettings.withAppRole(this.vault.address(), "role-1234", "secret-5678", null));

		this.store.put(new SecretRef("acme", "openai"), VALUE);
		assertThat(this.store.get(new SecretRef("acme", "openai"))).contains(VALUE);
		this.store.close();
		this.store = null;

		List<Request> requests = this.vault.requests();
		assertThat(requests).extracting(Request::method, Request::path)
			.containsExactly(tuple("POST", "/v1/auth/approle/login"),
					tuple("POST", "/v1/secret/data/brain/acme/openai"),
					tuple("GET", "/v1/secret/data/brain/acme/openai"), tuple("POST", "/v1/auth/token/revoke-self"));
		assertThat(this.json.readTree(requests.get(0).body()))
			.isEqualTo(this.json.readTree("{\"role_id\": \"role-1234\", \"secret_id\": \"secret-5678\"}"));
		assertThat(requests.subList(1, 4)).extracting(Request::token).containsOnly(FakeVault.APPROLE_TOKEN);
	}

	@Test
	void putWhenAppRoleRejectedThenClearErrorWithoutCredentials() {
		this.vault = FakeVault.start("secret", null).appRole("role-1234", "secret-5678");
		this.store = VaultSecretStores
			.create(VaultSettings.withAppRole(this.vault.address(), "role-1234", "wrong-secret-id", null));

		assertThatExceptionOfType(SecretStoreException.class)
			.isThrownBy(() -> this.store.put(new SecretRef("acme", "openai"), VALUE))
			.withMessageContaining("acme/openai")
			.withMessageContaining("invalid role or secret ID")
			.withMessageNotContaining(VALUE)
			.withMessageNotContaining("wrong-secret-id");
	}

	@Test
	void putWhenTokenRejectedThenClearErrorWithoutValue() {
		this.vault = FakeVault.start("secret", TOKEN);
		this.store = VaultSecretStores.create(VaultSettings.withToken(this.vault.address(), "hvs.wrong-token", null));

		assertThatExceptionOfType(SecretStoreException.class)
			.isThrownBy(() -> this.store.put(new SecretRef("acme", "openai"), VALUE))
			.withMessageContaining("acme/openai")
			.withMessageContaining("permission denied")
			.satisfies((ex) -> {
				for (Throwable t = ex; t != null; t = t.getCause()) {
					assertThat(String.valueOf(t.getMessage())).doesNotContain(VALUE).doesNotContain("hvs.wrong-token");
				}
			});
	}

	@Test
	void getWhenVaultUnreachableThenClearError() {
		this.vault = FakeVault.start("secret", TOKEN);
		String address = this.vault.address();
		this.vault.close();
		this.store = VaultSecretStores.create(VaultSettings.withToken(address, TOKEN, null));

		assertThatExceptionOfType(SecretStoreException.class)
			.isThrownBy(() -> this.store.get(new SecretRef("acme", "openai")))
			.withMessageContaining("Vault could not read secret acme/openai");
	}

	@Test
	void settingsWhenPrintedThenShowNoCredentials() {
		assertThat(VaultSettings.withToken("http://127.0.0.1:8200", TOKEN, null).toString()).doesNotContain(TOKEN)
			.contains("kvMount=secret");
		assertThat(VaultSettings.withAppRole("http://127.0.0.1:8200", "role-1234", "secret-5678", "/kv/").toString())
			.doesNotContain("secret-5678")
			.contains("AppRole")
			.contains("kvMount=kv");
	}

	private void start(String mount, String token) {
		this.vault = FakeVault.start(mount, token);
		this.store = VaultSecretStores.create(VaultSettings.withToken(this.vault.address(), token, mount));
	}

}
