package io.brain.core.secret;

import java.nio.file.Path;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the master key: the {@code BRAIN_MASTER_KEY} setting when there is one, else the
 * key file, which is generated on first use.
 */
public final class MasterKeyProvider {

	/** Where the key file is kept unless configured otherwise. */
	public static final Path DEFAULT_KEY_FILE = Path.of(".brain", "secrets", "master.key");

	private static final Logger logger = LoggerFactory.getLogger(MasterKeyProvider.class);

	private final String encodedKey;

	private final MasterKeyFile keyFile;

	/**
	 * Creates a provider.
	 * @param encodedKey the key as base64 of 32 bytes, or {@code null} or blank to use
	 * the key file
	 * @param keyFile where the key file is kept
	 */
	public MasterKeyProvider(String encodedKey, Path keyFile) {
		this.encodedKey = (encodedKey != null && !encodedKey.isBlank()) ? encodedKey : null;
		this.keyFile = new MasterKeyFile(keyFile);
	}

	/**
	 * A provider configured by {@code BRAIN_MASTER_KEY} and {@code BRAIN_MASTER_KEY_FILE}
	 * (default {@link #DEFAULT_KEY_FILE}).
	 * @param environment the environment, such as {@link System#getenv()}
	 * @return the provider
	 */
	public static MasterKeyProvider fromEnvironment(Map<String, String> environment) {
		String file = environment.get("BRAIN_MASTER_KEY_FILE");
		return new MasterKeyProvider(environment.get("BRAIN_MASTER_KEY"),
				(file != null && !file.isBlank()) ? Path.of(file) : DEFAULT_KEY_FILE);
	}

	/**
	 * The master key, generating the key file when there is neither a configured key nor
	 * a file.
	 * @return the key
	 * @throws IllegalArgumentException when the configured key is not base64 of 32 bytes
	 * @throws IllegalStateException when the key file is unusable, or others may read it
	 */
	public MasterKey load() {
		if (this.encodedKey == null && !this.keyFile.exists()) {
			MasterKey generated = MasterKey.generate();
			MasterKey key = this.keyFile.createOrRead(generated);
			if (key == generated) {
				logger.info("Generated master key {} in {}: back it up, no secret can be read without it", key.id(),
						this.keyFile.path());
			}
			return key;
		}
		return loadExisting();
	}

	/**
	 * The master key, which must exist already: the configured key or the key file.
	 * @return the key
	 * @throws IllegalStateException when there is neither, or the key file is unusable
	 */
	public MasterKey loadExisting() {
		if (this.encodedKey != null) {
			try {
				return MasterKey.fromBase64(this.encodedKey);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException(
						"The configured master key (BRAIN_MASTER_KEY) is unusable: " + ex.getMessage());
			}
		}
		if (!this.keyFile.exists()) {
			throw new IllegalStateException("There is no master key: BRAIN_MASTER_KEY is not set and "
					+ this.keyFile.path() + " does not exist");
		}
		return this.keyFile.read();
	}

	/** Whether the key is configured directly rather than kept in the key file. */
	public boolean isConfiguredKey() {
		return this.encodedKey != null;
	}

	public Path keyFile() {
		return this.keyFile.path();
	}

}
