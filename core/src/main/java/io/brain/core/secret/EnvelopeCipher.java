package io.brain.core.secret;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import io.brain.core.secret.Envelope.WrappedKey;

/**
 * Envelope encryption with the JDK's AES-256-GCM: a fresh random data key per value,
 * wrapped by the master key.
 * <p>
 * Both encryptions take the secret's scope and name as associated data, so a ciphertext
 * or a wrapped key copied to another secret, in the same tenant or another, fails to
 * decrypt instead of yielding the other secret's value.
 */
final class EnvelopeCipher {

	private static final String AES_GCM = "AES/GCM/NoPadding";

	private static final int NONCE_LENGTH = 12;

	private static final int TAG_BITS = 128;

	private static final SecureRandom random = new SecureRandom();

	private EnvelopeCipher() {
	}

	static Envelope seal(SecretRef ref, String value, MasterKey masterKey) {
		byte[] dataKey = randomBytes(MasterKey.LENGTH);
		byte[] plaintext = value.getBytes(StandardCharsets.UTF_8);
		try {
			byte[] nonce = randomBytes(NONCE_LENGTH);
			byte[] ciphertext = encrypt(new SecretKeySpec(dataKey, "AES"), nonce, associatedData(ref), plaintext);
			return new Envelope(ciphertext, nonce, wrap(ref, dataKey, masterKey));
		}
		finally {
			Arrays.fill(dataKey, (byte) 0);
			Arrays.fill(plaintext, (byte) 0);
		}
	}

	static String open(SecretRef ref, Envelope envelope, MasterKey masterKey) {
		byte[] dataKey = unwrap(ref, envelope.dataKey(), masterKey);
		try {
			byte[] plaintext = decrypt(new SecretKeySpec(dataKey, "AES"), envelope.nonce(), associatedData(ref),
					envelope.ciphertext());
			return new String(plaintext, StandardCharsets.UTF_8);
		}
		catch (AEADBadTagException ex) {
			throw new SecretStoreException("Secret " + ref
					+ " could not be decrypted: its ciphertext was altered or belongs to another secret", ex);
		}
		finally {
			Arrays.fill(dataKey, (byte) 0);
		}
	}

	/**
	 * Wraps a secret's data key with another master key, leaving the value's ciphertext
	 * as it is.
	 * @param ref the secret the key belongs to
	 * @param wrapped the data key as the old master key wrapped it
	 * @param oldKey the master key that wrapped it
	 * @param newKey the master key to wrap it with
	 * @return the data key wrapped by the new master key, checked to unwrap to the same
	 * key
	 */
	static WrappedKey rewrap(SecretRef ref, WrappedKey wrapped, MasterKey oldKey, MasterKey newKey) {
		byte[] dataKey = unwrap(ref, wrapped, oldKey);
		byte[] check = null;
		try {
			WrappedKey rewrapped = wrap(ref, dataKey, newKey);
			check = unwrap(ref, rewrapped, newKey);
			if (!MessageDigest.isEqual(dataKey, check)) {
				throw new IllegalStateException("The data key of secret " + ref + " did not survive re-wrapping");
			}
			return rewrapped;
		}
		finally {
			Arrays.fill(dataKey, (byte) 0);
			if (check != null) {
				Arrays.fill(check, (byte) 0);
			}
		}
	}

	/** Checks that a master key unwraps a secret's data key. */
	static void checkUnwraps(SecretRef ref, WrappedKey wrapped, MasterKey masterKey) {
		Arrays.fill(unwrap(ref, wrapped, masterKey), (byte) 0);
	}

	private static WrappedKey wrap(SecretRef ref, byte[] dataKey, MasterKey masterKey) {
		byte[] nonce = randomBytes(NONCE_LENGTH);
		return new WrappedKey(encrypt(masterKey.secretKey(), nonce, associatedData(ref), dataKey), nonce,
				masterKey.id());
	}

	private static byte[] unwrap(SecretRef ref, WrappedKey wrapped, MasterKey masterKey) {
		if (!wrapped.masterKeyId().equals(masterKey.id())) {
			throw new SecretStoreException("Secret " + ref + " is wrapped by master key " + wrapped.masterKeyId()
					+ ", but the master key in use is " + masterKey.id()
					+ ": configure the key it was stored with (see docs/secrets.md on rotation)");
		}
		try {
			return decrypt(masterKey.secretKey(), wrapped.nonce(), associatedData(ref), wrapped.ciphertext());
		}
		catch (AEADBadTagException ex) {
			throw new SecretStoreException("The data key of secret " + ref + " does not unwrap with master key "
					+ masterKey.id() + ": it was altered or belongs to another secret", ex);
		}
	}

	private static byte[] associatedData(SecretRef ref) {
		return (ref.scope() + "\0" + ref.name()).getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] encrypt(SecretKey key, byte[] nonce, byte[] associatedData, byte[] plaintext) {
		try {
			Cipher cipher = Cipher.getInstance(AES_GCM);
			cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(associatedData);
			return cipher.doFinal(plaintext);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM encryption failed", ex);
		}
	}

	private static byte[] decrypt(SecretKey key, byte[] nonce, byte[] associatedData, byte[] ciphertext)
			throws AEADBadTagException {
		try {
			Cipher cipher = Cipher.getInstance(AES_GCM);
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(associatedData);
			return cipher.doFinal(ciphertext);
		}
		catch (AEADBadTagException ex) {
			throw ex;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM decryption failed", ex);
		}
	}

	private static byte[] randomBytes(int length) {
		byte[] bytes = new byte[length];
		random.nextBytes(bytes);
		return bytes;
	}

}
