package io.brain.core.secret;

import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link VaultSecretStore} against a real Vault, named by {@code VAULT_ADDR} and
 * {@code VAULT_TOKEN} (for example {@code vault server -dev}, whose KV version 2 engine
 * is at {@code secret}; {@code BRAIN_VAULT_KV_MOUNT} names another mount).
 */
@EnabledIfEnvironmentVariable(named = "VAULT_ADDR", matches = ".+",
		disabledReason = "needs a real Vault: set VAULT_ADDR and VAULT_TOKEN")
@EnabledIfEnvironmentVariable(named = "VAULT_TOKEN", matches = ".+",
		disabledReason = "needs a real Vault: set VAULT_ADDR and VAULT_TOKEN")
class VaultSecretStoreTests {

	private final String scope = "test-" + UUID.randomUUID().toString().substring(0, 8);

	private final VaultSecretStore store = VaultSecretStores.create(VaultSettings.withToken(System.getenv("VAULT_ADDR"),
			System.getenv("VAULT_TOKEN"), System.getenv("BRAIN_VAULT_KV_MOUNT")));

	@AfterEach
	void cleanUp() {
		this.store.list(this.scope).forEach(this.store::delete);
		this.store.close();
	}

	@Test
	void putWhenRealVaultThenReadsListsAndDeletes() {
		SecretRef ref = new SecretRef(this.scope, "stripe/api-key");
		SecretRef other = new SecretRef(this.scope, "openai");

		this.store.put(ref, "first value");
		this.store.put(ref, "second value");
		this.store.put(other, "openai value");

		assertThat(this.store.get(ref)).contains("second value");
		assertThat(this.store.list(this.scope)).containsExactly(other, ref);
		this.store.delete(ref);
		assertThat(this.store.exists(ref)).isFalse();
		assertThat(this.store.list(this.scope)).containsExactly(other);
	}

}
