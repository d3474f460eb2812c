package io.brain.core.secret;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The command that rotates the embedded store's master key (see docs/secrets.md).
 * <p>
 * With a key file (no {@code BRAIN_MASTER_KEY}) the new key is
 * {@code BRAIN_NEW_MASTER_KEY} or a generated one. It is written to
 * {@code master.key.new} before the database changes, so a key that wraps data is never
 * only in memory; after the commit the old file becomes
 * {@code master.key.<timestamp>.old} and the new one takes its place. Run again after a
 * failure, it picks up {@code master.key.new} and finishes. With {@code BRAIN_MASTER_KEY}
 * the new key must be given in {@code BRAIN_NEW_MASTER_KEY}, and no file is touched.
 */
public final class RotateMasterKey {

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private final Map<String, String> environment;

	private final Clock clock;

	private final PrintStream out;

	RotateMasterKey(Map<String, String> environment, Clock clock, PrintStream out) {
		this.environment = environment;
		this.clock = clock;
		this.out = out;
	}

	public static void main(String[] args) {
		try {
			new RotateMasterKey(System.getenv(), Clock.systemUTC(), System.out).run();
		}
		catch (RuntimeException ex) {
			System.err.println("Master key rotation failed: " + ex.getMessage());
			System.exit(1);
		}
	}

	void run() {
		MasterKeyProvider provider = MasterKeyProvider.fromEnvironment(this.environment);
		MasterKey oldKey = provider.loadExisting();
		String given = setting("BRAIN_NEW_MASTER_KEY");
		if (given != null && newKey(given).id().equals(oldKey.id())) {
			throw new IllegalArgumentException("BRAIN_NEW_MASTER_KEY is the master key in use (" + oldKey.id() + ")");
		}
		if (provider.isConfiguredKey()) {
			if (given == null) {
				throw new IllegalStateException("The master key comes from BRAIN_MASTER_KEY, so give the new one in"
						+ " BRAIN_NEW_MASTER_KEY (openssl rand -base64 32)");
			}
			MasterKey newKey = newKey(given);
			int rewrapped = rotation().rotate(oldKey, newKey);
			this.out.printf("Re-wrapped %d data keys from master key %s to %s.%n", rewrapped, oldKey.id(), newKey.id());
			this.out.println("Set BRAIN_MASTER_KEY to the value of BRAIN_NEW_MASTER_KEY wherever Brain runs,"
					+ " and restart the api and the workers.");
			return;
		}
		MasterKeyFile current = new MasterKeyFile(provider.keyFile());
		MasterKeyFile pending = new MasterKeyFile(sibling(current.path(), ".new"));
		MasterKey newKey = pendingKey(pending, given);
		int rewrapped = rotation().rotate(oldKey, newKey);
		Path archived = sibling(current.path(), "." + TIMESTAMP.format(this.clock.instant()) + ".old");
		try {
			Files.move(current.path(), archived);
			Files.setPosixFilePermissions(archived, PosixFilePermissions.fromString("rw-------"));
			Files.move(pending.path(), current.path(), StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The database now uses master key " + newKey.id() + ", which is in "
					+ pending.path() + ", but the key files could not be swapped: move it to " + current.path(), ex);
		}
		this.out.printf("Re-wrapped %d data keys from master key %s to %s.%n", rewrapped, oldKey.id(), newKey.id());
		this.out.printf("%s now holds the new key; the old one is kept in %s.%n", current.path(), archived);
		this.out.println("Restart the api and the workers so they use the new key.");
	}

	/**
	 * The new key, written to the pending file first, or the one a failed run left there.
	 */
	private MasterKey pendingKey(MasterKeyFile pending, String given) {
		if (pending.exists()) {
			MasterKey left = pending.read();
			if (given != null && !newKey(given).id().equals(left.id())) {
				throw new IllegalStateException(pending.path() + " holds master key " + left.id()
						+ " from an unfinished rotation, which BRAIN_NEW_MASTER_KEY does not match: unset it to finish"
						+ " that rotation");
			}
			this.out.printf("Finishing the rotation to master key %s left in %s.%n", left.id(), pending.path());
			return left;
		}
		return pending.createOrRead((given != null) ? newKey(given) : MasterKey.generate());
	}

	private MasterKeyRotation rotation() {
		// The same defaults as the api and the workers: the local platform's database.
		String url = settingOr("BRAIN_DB_URL", "jdbc:postgresql://127.0.0.1:5433/brain");
		String user = settingOr("BRAIN_DB_USER", "postgres");
		DataSource dataSource = new DriverManagerDataSource(url, user, setting("BRAIN_DB_PASSWORD"));
		return new MasterKeyRotation(dataSource);
	}

	private static MasterKey newKey(String given) {
		try {
			return MasterKey.fromBase64(given);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("BRAIN_NEW_MASTER_KEY is unusable: " + ex.getMessage());
		}
	}

	private String setting(String name) {
		String value = this.environment.get(name);
		return (value != null && !value.isBlank()) ? value : null;
	}

	private String settingOr(String name, String fallback) {
		String value = setting(name);
		return (value != null) ? value : fallback;
	}

	private static Path sibling(Path file, String suffix) {
		return file.resolveSibling(file.getFileName() + suffix);
	}

}
