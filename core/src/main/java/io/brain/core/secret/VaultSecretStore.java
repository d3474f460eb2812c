package io.brain.core.secret;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.vault.VaultException;
import org.springframework.vault.core.VaultKeyValueMetadataOperations;
import org.springframework.vault.core.VaultKeyValueOperations;
import org.springframework.vault.core.VaultKeyValueOperationsSupport.KeyValueBackend;
import org.springframework.vault.core.VaultOperations;
import org.springframework.vault.support.VaultResponse;
import org.springframework.web.client.RestClientException;

/**
 * A secret store in HashiCorp Vault's KV version 2 engine: each secret is the field
 * {@code value} at {@code brain/<scope>/<name>} under the configured mount. Deleting a
 * secret deletes its metadata and every version.
 */
public class VaultSecretStore implements SecretStore, AutoCloseable {

	private static final String ROOT = "brain";

	private static final String FIELD = "value";

	private final VaultKeyValueOperations kv;

	private final VaultKeyValueMetadataOperations metadata;

	private final Runnable onClose;

	/**
	 * Creates a store.
	 * @param vault the client, signed in
	 * @param kvMount where the KV version 2 engine is mounted
	 * @param onClose releases the session and the HTTP client
	 */
	VaultSecretStore(VaultOperations vault, String kvMount, Runnable onClose) {
		this.kv = vault.opsForKeyValue(kvMount, KeyValueBackend.KV_2);
		this.metadata = vault.opsForVersionedKeyValue(kvMount).opsForKeyValueMetadata();
		this.onClose = onClose;
	}

	@Override
	public void put(SecretRef ref, String value) {
		if (value == null) {
			throw new IllegalArgumentException("A secret value must not be null");
		}
		call("store secret " + ref, () -> {
			this.kv.put(path(ref), Map.of(FIELD, value));
			return null;
		});
	}

	@Override
	public Optional<String> get(SecretRef ref) {
		VaultResponse response = call("read secret " + ref, () -> this.kv.get(path(ref)));
		if (response == null || response.getData() == null) {
			return Optional.empty();
		}
		if (!(response.getData().get(FIELD) instanceof String value)) {
			throw new SecretStoreException("Secret " + ref + " in Vault has no text field '" + FIELD + "'");
		}
		return Optional.of(value);
	}

	@Override
	public boolean exists(SecretRef ref) {
		return get(ref).isPresent();
	}

	@Override
	public void delete(SecretRef ref) {
		call("delete secret " + ref, () -> {
			this.metadata.delete(path(ref));
			return null;
		});
	}

	@Override
	public List<SecretRef> list(String tenantScope) {
		String scope = SecretRef.checkScope(tenantScope);
		List<SecretRef> refs = new ArrayList<>();
		collect(scope, "", refs);
		refs.sort(Comparator.comparing(SecretRef::name));
		return refs;
	}

	/**
	 * Walks a scope's folders: Vault lists one level at a time, folders ending in '/'.
	 */
	private void collect(String scope, String folder, List<SecretRef> refs) {
		List<String> keys = call("list the secrets of " + scope, () -> this.kv.list(ROOT + "/" + scope + "/" + folder));
		for (String key : (keys != null) ? keys : List.<String>of()) {
			if (key.endsWith("/")) {
				collect(scope, folder + key, refs);
			}
			else {
				refs.add(new SecretRef(scope, folder + key));
			}
		}
	}

	/** Revokes the AppRole session, if any, and releases the HTTP client. */
	@Override
	public void close() {
		this.onClose.run();
	}

	private static String path(SecretRef ref) {
		return ROOT + "/" + ref.scope() + "/" + ref.name();
	}

	private static <T> T call(String what, Supplier<T> operation) {
		try {
			return operation.get();
		}
		catch (VaultException | RestClientException ex) {
			// Vault's errors name the path and the reason; requests, and so values, are
			// not in them.
			throw new SecretStoreException("Vault could not " + what + ": " + ex.getMessage(), ex);
		}
	}

}
