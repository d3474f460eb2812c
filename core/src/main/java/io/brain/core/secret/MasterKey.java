package io.brain.core.secret;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256 key that wraps every secret's data key in the embedded store. Only its
 * {@link #id() fingerprint} is ever shown; {@link #toString()} does not reveal the key.
 */
public final class MasterKey {

	static final int LENGTH = 32;

	private static final SecureRandom random = new SecureRandom();

	private final SecretKey key;

	private final String id;

	private MasterKey(byte[] bytes) {
		this.key = new SecretKeySpec(bytes, "AES");
		this.id = fingerprint(bytes);
	}

	/** A new random key. */
	public static MasterKey generate() {
		byte[] bytes = new byte[LENGTH];
		random.nextBytes(bytes);
		try {
			return new MasterKey(bytes);
		}
		finally {
			Arrays.fill(bytes, (byte) 0);
		}
	}

	/**
	 * Reads a key from its base64 text.
	 * @param encoded the base64 of exactly 32 bytes, such as
	 * {@code openssl rand -base64 32} prints
	 * @return the key
	 * @throws IllegalArgumentException when the text is not that, without repeating it
	 */
	public static MasterKey fromBase64(String encoded) {
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(encoded.strip());
		}
		catch (IllegalArgumentException ex) {
			// The decoder's message quotes the offending character: not repeated here.
			throw new IllegalArgumentException(
					"A master key is the base64 of 32 random bytes (openssl rand -base64 32), but this is not base64");
		}
		try {
			if (bytes.length != LENGTH) {
				throw new IllegalArgumentException(
						"A master key is the base64 of 32 random bytes (openssl rand -base64 32), but this is "
								+ bytes.length + " bytes");
			}
			return new MasterKey(bytes);
		}
		finally {
			Arrays.fill(bytes, (byte) 0);
		}
	}

	/**
	 * The key's fingerprint: the first 16 hex characters of the SHA-256 of the key. Rows
	 * record it so a store can tell which key wrapped them.
	 */
	public String id() {
		return this.id;
	}

	SecretKey secretKey() {
		return this.key;
	}

	String toBase64() {
		return Base64.getEncoder().encodeToString(this.key.getEncoded());
	}

	@Override
	public String toString() {
		return "MasterKey[id=" + this.id + "]";
	}

	private static String fingerprint(byte[] bytes) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
			return HexFormat.of().formatHex(digest).substring(0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JDK has SHA-256", ex);
		}
	}

}
