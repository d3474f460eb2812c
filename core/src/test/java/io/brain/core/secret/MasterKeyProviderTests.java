package io.brain.core.secret;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MasterKeyProviderTests {

	@TempDir
	Path directory;

	@Test
	void loadWhenKeyConfiguredThenUsesItAndNoFile() {
		String encoded = randomBase64(32);
		Path file = this.directory.resolve("secrets/master.key");
		MasterKeyProvider provider = MasterKeyProvider
			.fromEnvironment(Map.of("BRAIN_MASTER_KEY", encoded, "BRAIN_MASTER_KEY_FILE", file.toString()));

		MasterKey key = provider.load();

		assertThat(key.id()).hasSize(16).isEqualTo(MasterKey.fromBase64(encoded).id());
		assertThat(key.toBase64()).isEqualTo(encoded);
		assertThat(key.toString()).doesNotContain(encoded);
		assertThat(provider.isConfiguredKey()).isTrue();
		assertThat(file).doesNotExist();
	}

	@Test
	void loadWhenConfiguredKeyHasWrongLengthThenRejectsWithoutRepeatingIt() {
		String shortKey = randomBase64(16);
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> new MasterKeyProvider(shortKey, this.directory.resolve("master.key")).load())
			.withMessageContaining("BRAIN_MASTER_KEY")
			.withMessageContaining("32")
			.withMessageNotContaining(shortKey);
	}

	@Test
	void loadWhenConfiguredKeyIsNotBase64ThenRejectsWithoutRepeatingIt() {
		String notBase64 = "this-is-not-base64-key-material!";
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> new MasterKeyProvider(notBase64, this.directory.resolve("master.key")).load())
			.withMessageContaining("not base64")
			.withMessageNotContaining(notBase64)
			.withNoCause();
	}

	@Test
	void loadWhenNoKeyFileThenGeneratesOwnerOnlyFile() throws Exception {
		Path file = this.directory.resolve("secrets/master.key");
		MasterKeyProvider provider = new MasterKeyProvider(null, file);

		MasterKey key = provider.load();

		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
			.isEqualTo("rwx------");
		assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(32);
		assertThat(provider.load().id()).isEqualTo(key.id());
		assertThat(new MasterKeyProvider("", file).load().id()).isEqualTo(key.id());
		assertThat(this.directory.resolve("secrets")).isDirectoryNotContaining("glob:**.tmp");
	}

	@Test
	void loadWhenKeyFileReadableByGroupThenRefuses() throws Exception {
		Path file = this.directory.resolve("master.key");
		new MasterKeyProvider(null, file).load();
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));

		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> new MasterKeyProvider(null, file).load())
			.withMessageContaining("chmod 600 " + file)
			.withMessageContaining("rw-r-----");
	}

	@Test
	void loadWhenKeyFileReadableByOthersThenRefuses() throws Exception {
		Path file = this.directory.resolve("master.key");
		new MasterKeyProvider(null, file).load();
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw----r--"));

		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> new MasterKeyProvider(null, file).load())
			.withMessageContaining("chmod 600");
	}

	@Test
	void loadWhenKeyFileHoldsNoKeyThenRefusesWithoutRepeatingIt() throws Exception {
		Path file = this.directory.resolve("master.key");
		String content = randomBase64(24);
		Files.writeString(file, content);
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> new MasterKeyProvider(null, file).load())
			.withMessageContaining(file.toString())
			.withMessageNotContaining(content);
	}

	@Test
	void loadExistingWhenNoKeyThenFailsWithoutCreatingOne() {
		Path file = this.directory.resolve("master.key");
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> new MasterKeyProvider(null, file).loadExisting())
			.withMessageContaining("no master key");
		assertThat(file).doesNotExist();
	}

	private static String randomBase64(int length) {
		byte[] bytes = new byte[length];
		new SecureRandom().nextBytes(bytes);
		return Base64.getEncoder().encodeToString(bytes);
	}

}
