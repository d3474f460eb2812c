package io.brain.core.secret;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import io.brain.core.database.EmbeddedDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RotateMasterKeyTests {

	private static final String DATABASE = "core_secret_rotation_command";

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-04T05:06:07Z"), ZoneOffset.UTC);

	private static final SecretRef REF = new SecretRef("acme", "stripe/api-key");

	private static JdbcClient jdbc;

	private final ByteArrayOutputStream output = new ByteArrayOutputStream();

	@TempDir
	Path directory;

	private Path keyFile;

	private Map<String, String> environment;

	@BeforeAll
	static void database() {
		jdbc = JdbcClient.create(SecretDatabases.migrated(DATABASE));
	}

	@BeforeEach
	void setUp() {
		jdbc.sql("delete from secret").update();
		this.keyFile = this.directory.resolve("secrets/master.key");
		this.environment = new HashMap<>(Map.of("BRAIN_DB_URL", EmbeddedDatabase.forTests().jdbcUrl(DATABASE),
				"BRAIN_DB_USER", EmbeddedDatabase.USER, "BRAIN_MASTER_KEY_FILE", this.keyFile.toString()));
	}

	@Test
	void runWhenKeyFileThenRotatesToGeneratedKeyAndKeepsOldFile() throws Exception {
		MasterKey oldKey = new MasterKeyProvider(null, this.keyFile).load();
		new DatabaseSecretStore(jdbc, oldKey).put(REF, "the-value");

		command().run();

		MasterKey newKey = new MasterKeyProvider(null, this.keyFile).loadExisting();
		assertThat(newKey.id()).isNotEqualTo(oldKey.id());
		assertThat(new DatabaseSecretStore(jdbc, newKey).get(REF)).contains("the-value");
		Path archived = this.keyFile.resolveSibling("master.key.20250304T050607Z.old");
		assertThat(new MasterKeyProvider(null, archived).loadExisting().id()).isEqualTo(oldKey.id());
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(archived))).isEqualTo("rw-------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(this.keyFile))).isEqualTo("rw-------");
		assertThat(this.keyFile.resolveSibling("master.key.new")).doesNotExist();
		assertThat(printed()).contains("Re-wrapped 1 data keys from master key " + oldKey.id() + " to " + newKey.id())
			.doesNotContain(newKey.toBase64())
			.doesNotContain(oldKey.toBase64());
	}

	@Test
	void runWhenNewKeyGivenWithKeyFileThenWritesItToTheKeyFile() {
		MasterKey oldKey = new MasterKeyProvider(null, this.keyFile).load();
		new DatabaseSecretStore(jdbc, oldKey).put(REF, "the-value");
		MasterKey given = MasterKey.generate();
		this.environment.put("BRAIN_NEW_MASTER_KEY", given.toBase64());

		command().run();

		assertThat(new MasterKeyProvider(null, this.keyFile).loadExisting().id()).isEqualTo(given.id());
		assertThat(new DatabaseSecretStore(jdbc, given).get(REF)).contains("the-value");
	}

	@Test
	void runWhenKeyConfiguredThenRotatesToGivenKeyAndTouchesNoFile() {
		MasterKey oldKey = MasterKey.generate();
		MasterKey newKey = MasterKey.generate();
		new DatabaseSecretStore(jdbc, oldKey).put(REF, "the-value");
		this.environment.put("BRAIN_MASTER_KEY", oldKey.toBase64());
		this.environment.put("BRAIN_NEW_MASTER_KEY", newKey.toBase64());

		command().run();

		assertThat(new DatabaseSecretStore(jdbc, newKey).get(REF)).contains("the-value");
		assertThat(this.keyFile.getParent()).doesNotExist();
		assertThat(printed()).contains("Set BRAIN_MASTER_KEY");
	}

	@Test
	void runWhenKeyConfiguredWithoutNewKeyThenRefusesAndChangesNothing() {
		MasterKey oldKey = MasterKey.generate();
		new DatabaseSecretStore(jdbc, oldKey).put(REF, "the-value");
		this.environment.put("BRAIN_MASTER_KEY", oldKey.toBase64());

		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> command().run())
			.withMessageContaining("BRAIN_NEW_MASTER_KEY");
		assertThat(new DatabaseSecretStore(jdbc, oldKey).get(REF)).contains("the-value");
	}

	@Test
	void runWhenEarlierRunStoppedAfterCommitThenFinishesWithItsKey() {
		MasterKey oldKey = new MasterKeyProvider(null, this.keyFile).load();
		new DatabaseSecretStore(jdbc, oldKey).put(REF, "the-value");
		// An earlier run wrote master.key.new and committed, but stopped before swapping
		// files.
		MasterKey pending = new MasterKeyFile(this.keyFile.resolveSibling("master.key.new"))
			.createOrRead(MasterKey.generate());
		new MasterKeyRotation(SecretDatabases.migrated(DATABASE)).rotate(oldKey, pending);

		command().run();

		assertThat(new MasterKeyProvider(null, this.keyFile).loadExisting().id()).isEqualTo(pending.id());
		assertThat(new DatabaseSecretStore(jdbc, pending).get(REF)).contains("the-value");
		assertThat(printed()).contains("Finishing the rotation").contains("Re-wrapped 0 data keys");
	}

	@Test
	void runWhenNewKeyIsTheKeyInUseThenRefusesWithoutPendingFile() {
		MasterKey oldKey = new MasterKeyProvider(null, this.keyFile).load();
		this.environment.put("BRAIN_NEW_MASTER_KEY", oldKey.toBase64());

		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> command().run())
			.withMessageContaining("in use");
		assertThat(this.keyFile.resolveSibling("master.key.new")).doesNotExist();
	}

	@Test
	void runWhenNoKeyFileThenRefusesWithoutCreatingOne() {
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> command().run())
			.withMessageContaining("no master key");
		assertThat(this.keyFile).doesNotExist();
	}

	private RotateMasterKey command() {
		return new RotateMasterKey(this.environment, CLOCK, new PrintStream(this.output, true, StandardCharsets.UTF_8));
	}

	private String printed() {
		return this.output.toString(StandardCharsets.UTF_8);
	}

}
