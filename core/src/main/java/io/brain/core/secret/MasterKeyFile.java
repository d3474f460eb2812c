package io.brain.core.secret;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * A master key kept in a file that only its owner may read or write (mode 600), as base64
 * text.
 */
final class MasterKeyFile {

	private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
			PosixFilePermission.OWNER_WRITE);

	private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = EnumSet.of(PosixFilePermission.OWNER_READ,
			PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

	private final Path path;

	MasterKeyFile(Path path) {
		this.path = path.toAbsolutePath();
	}

	Path path() {
		return this.path;
	}

	boolean exists() {
		return Files.exists(this.path);
	}

	/**
	 * Reads the key, refusing a file that anyone but its owner may access.
	 */
	MasterKey read() {
		try {
			Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(this.path);
			if (!OWNER_ONLY.containsAll(permissions)) {
				throw new IllegalStateException("The master key file " + this.path
						+ " may be read or written by others (" + PosixFilePermissions.toString(permissions)
						+ "): run chmod 600 " + this.path + " (and check who may have copied it)");
			}
			String text = Files.readString(this.path, StandardCharsets.US_ASCII);
			try {
				return MasterKey.fromBase64(text);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalStateException(
						"The master key file " + this.path + " holds no valid key: " + ex.getMessage());
			}
		}
		catch (UnsupportedOperationException ex) {
			throw notPosix();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the master key file " + this.path, ex);
		}
	}

	/**
	 * Writes a key unless the file exists. The file appears whole or not at all, so two
	 * processes starting at once agree on one key.
	 * @param key the key to write
	 * @return the key the file holds: the given one, or the one another process wrote
	 * first
	 */
	MasterKey createOrRead(MasterKey key) {
		try {
			Path directory = this.path.getParent();
			if (!Files.isDirectory(directory)) {
				Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
			}
			Path temporary = Files.createTempFile(directory, ".master-key", ".tmp",
					PosixFilePermissions.asFileAttribute(OWNER_ONLY));
			try {
				Files.writeString(temporary, key.toBase64() + "\n", StandardCharsets.US_ASCII);
				// A hard link fails when the target exists, unlike a rename, which would
				// replace it.
				Files.createLink(this.path, temporary);
				return key;
			}
			catch (FileAlreadyExistsException ex) {
				return read();
			}
			finally {
				Files.deleteIfExists(temporary);
			}
		}
		catch (UnsupportedOperationException ex) {
			throw notPosix();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write the master key file " + this.path, ex);
		}
	}

	private IllegalStateException notPosix() {
		return new IllegalStateException("The master key file " + this.path
				+ " needs a file system with POSIX permissions; set BRAIN_MASTER_KEY instead");
	}

}
