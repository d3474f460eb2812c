package io.brain.workers.connection;

/**
 * The outcome of testing a connection, in words a user understands.
 *
 * @param ok whether the provider accepted the credentials
 * @param message what the provider said, e.g. "Signed in as Erin Editor" or "WordPress
 * rejected the application password (401)"
 * @param checked whether the provider was asked at all: a test refused before any call
 * (an address the SSRF rules refuse) says nothing about the credentials
 */
public record ConnectionCheck(boolean ok, String message, boolean checked) {

	public ConnectionCheck(boolean ok, String message) {
		this(ok, message, true);
	}

	public static ConnectionCheck ok(String message) {
		return new ConnectionCheck(true, message);
	}

	public static ConnectionCheck failed(String message) {
		return new ConnectionCheck(false, message);
	}

	/** A test that never reached the provider, so checked no credentials. */
	public static ConnectionCheck notChecked(String message) {
		return new ConnectionCheck(false, message, false);
	}

}
