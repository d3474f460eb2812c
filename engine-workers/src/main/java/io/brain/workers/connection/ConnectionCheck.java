package io.brain.workers.connection;

/**
 * The outcome of testing a connection, in words a user understands.
 *
 * @param ok whether the provider accepted the credentials
 * @param message what the provider said, e.g. "Signed in as Erin Editor" or "WordPress
 * rejected the application password (401)"
 */
public record ConnectionCheck(boolean ok, String message) {

	public static ConnectionCheck ok(String message) {
		return new ConnectionCheck(true, message);
	}

	public static ConnectionCheck failed(String message) {
		return new ConnectionCheck(false, message);
	}

}
