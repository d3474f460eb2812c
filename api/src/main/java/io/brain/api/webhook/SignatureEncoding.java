package io.brain.api.webhook;

/**
 * How a generic HMAC-SHA256 signature is written in its header.
 */
public enum SignatureEncoding {

	HEX, BASE64

}
