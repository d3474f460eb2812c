package io.brain.core.secret;

/**
 * A secret could not be stored or read. The message names the secret, never its value.
 */
public class SecretStoreException extends RuntimeException {

	public SecretStoreException(String message) {
		super(message);
	}

	public SecretStoreException(String message, Throwable cause) {
		super(message, cause);
	}

}
