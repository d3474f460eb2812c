package io.brain.core.secret;

/**
 * One secret value as the embedded store keeps it: encrypted with its own data key, which
 * is itself encrypted (wrapped) by the master key.
 *
 * @param ciphertext the value, encrypted with the data key (AES-256-GCM, tag appended)
 * @param nonce the 12-byte nonce of the value's encryption
 * @param dataKey the wrapped data key
 */
record Envelope(byte[] ciphertext, byte[] nonce, WrappedKey dataKey) {

	/**
	 * A data key encrypted with a master key.
	 *
	 * @param ciphertext the data key, encrypted with the master key (AES-256-GCM, tag
	 * appended)
	 * @param nonce the 12-byte nonce of the wrapping
	 * @param masterKeyId the fingerprint of the master key that wrapped it
	 */
	record WrappedKey(byte[] ciphertext, byte[] nonce, String masterKeyId) {

	}

}
