package io.brain.exporter;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * How the exporter reaches Brain's PostgreSQL and how it batches, from the exporter's
 * arguments ({@code zeebe.broker.exporters.brain.args.*}), falling back to the
 * environment variables the api and the workers read.
 *
 * @param jdbcUrl the database, {@code jdbc:postgresql://...} (argument {@code jdbcUrl},
 * else {@code BRAIN_DB_URL})
 * @param username Brain's application role (argument {@code username}, else
 * {@code BRAIN_DB_USER})
 * @param password its password, if it has one (argument {@code password}, else
 * {@code BRAIN_DB_PASSWORD})
 * @param batchSize how many rows it writes in one transaction at most
 * @param flushInterval how long a row waits at most before it is written
 * @param maxVariableSize the largest variable value (JSON characters) it keeps
 * @param unknownDefinitionWait how long rows of a definition Brain has not registered
 * wait for the registration before they are skipped
 */
public record ExporterSettings(String jdbcUrl, String username, String password, int batchSize, Duration flushInterval,
		int maxVariableSize, Duration unknownDefinitionWait) {

	public ExporterSettings {
		if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
			throw new IllegalArgumentException("The Brain exporter needs a PostgreSQL JDBC URL (argument jdbcUrl or "
					+ "BRAIN_DB_URL), not '" + jdbcUrl + "'");
		}
		if (username == null || username.isBlank()) {
			throw new IllegalArgumentException(
					"The Brain exporter needs the database user (argument username or BRAIN_DB_USER)");
		}
		if (batchSize < 1) {
			throw new IllegalArgumentException("batchSize must be 1 or more, not " + batchSize);
		}
		if (flushInterval.isNegative() || flushInterval.isZero()) {
			throw new IllegalArgumentException("flushIntervalMs must be positive");
		}
	}

	/**
	 * Reads the settings. Argument names match in any case, since the broker lowercases
	 * those set by environment variables
	 * ({@code ZEEBE_BROKER_EXPORTERS_BRAIN_ARGS_JDBCURL}).
	 * @param arguments the exporter's arguments
	 * @param env the broker's environment
	 * @return the settings
	 * @throws IllegalArgumentException when the database is not named or a number is not
	 * one
	 */
	public static ExporterSettings from(Map<String, Object> arguments, Map<String, String> env) {
		Map<String, Object> args = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		if (arguments != null) {
			args.putAll(arguments);
		}
		return new ExporterSettings(text(args, "jdbcUrl", env.get("BRAIN_DB_URL")),
				text(args, "username", env.get("BRAIN_DB_USER")), text(args, "password", env.get("BRAIN_DB_PASSWORD")),
				number(args, "batchSize", 500), Duration.ofMillis(number(args, "flushIntervalMs", 500)),
				number(args, "maxVariableSize", 8192),
				Duration.ofMillis(number(args, "unknownDefinitionWaitMs", 30_000)));
	}

	private static String text(Map<String, Object> args, String name, String fallback) {
		Object value = args.get(name);
		String text = (value != null) ? value.toString() : fallback;
		return (text == null || text.isBlank()) ? null : text.trim();
	}

	private static int number(Map<String, Object> args, String name, int fallback) {
		Object value = args.get(name);
		if (value == null || value.toString().isBlank()) {
			return fallback;
		}
		try {
			return Integer.parseInt(value.toString().trim());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(
					"The Brain exporter's " + name + " must be a whole number, not '" + value + "'");
		}
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT,
				"ExporterSettings[jdbcUrl=%s, username=%s, batchSize=%d, flushInterval=%s, maxVariableSize=%d]",
				this.jdbcUrl.replaceFirst("\\?.*", "?..."), this.username, this.batchSize, this.flushInterval,
				this.maxVariableSize);
	}

}
