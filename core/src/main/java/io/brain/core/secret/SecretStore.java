package io.brain.core.secret;

import java.util.List;
import java.util.Optional;

/**
 * Where connector credentials and other secrets live, kept apart per tenant and never in
 * plaintext.
 */
public interface SecretStore {

	/**
	 * Stores a value, replacing any value the secret had.
	 * @param ref the secret
	 * @param value the value, which never appears in a log or an exception
	 */
	void put(SecretRef ref, String value);

	/**
	 * Reads a value.
	 * @param ref the secret
	 * @return the value, or empty when the secret does not exist
	 */
	Optional<String> get(SecretRef ref);

	boolean exists(SecretRef ref);

	/**
	 * Deletes a secret; deleting one that does not exist does nothing.
	 * @param ref the secret
	 */
	void delete(SecretRef ref);

	/**
	 * The secrets of one scope, by name: references only, never values.
	 * @param tenantScope a tenant id or {@link SecretRef#PLATFORM}
	 * @return the references, sorted by name
	 */
	List<SecretRef> list(String tenantScope);

}
