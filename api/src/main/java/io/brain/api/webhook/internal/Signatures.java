package io.brain.api.webhook.internal;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.brain.api.webhook.SignatureEncoding;
import io.brain.api.webhook.WebhookProvider;

/**
 * Checks a webhook's signature the way its provider signs it. Every comparison of a
 * presented signature or token with the expected one takes the same time whatever they
 * share ({@link MessageDigest#isEqual}).
 */
public final class Signatures {

	/** The header a generic HMAC-SHA256 listener reads unless it names another. */
	public static final String DEFAULT_HMAC_HEADER = "X-Signature";

	private Signatures() {
	}

	/**
	 * The header that carries a provider's signature.
	 * @param provider the provider
	 * @param configured the listener's header, for generic HMAC-SHA256
	 * @return the header's name
	 */
	public static String header(WebhookProvider provider, String configured) {
		return switch (provider) {
			case STRIPE -> "Stripe-Signature";
			case SHOPIFY -> "X-Shopify-Hmac-Sha256";
			case WOOCOMMERCE -> "X-WC-Webhook-Signature";
			case GITHUB -> "X-Hub-Signature-256";
			case HMAC_SHA256 -> (configured != null && !configured.isBlank()) ? configured : DEFAULT_HMAC_HEADER;
			case BEARER -> "Authorization";
		};
	}

	/**
	 * Checks a delivery's signature.
	 * @param provider the listener's provider
	 * @param configuredHeader the listener's signature header (generic HMAC only)
	 * @param encoding how the generic HMAC is written
	 * @param headers the request's headers by name (case-insensitive), null when absent
	 * @param body the raw body, exactly as received
	 * @param secret the listener's secret
	 * @param now the time now
	 * @param tolerance how far a signed timestamp may be from now
	 * @return null when the signature is valid, else why not, in words for the sender
	 */
	public static String problem(WebhookProvider provider, String configuredHeader, SignatureEncoding encoding,
			UnaryOperator<String> headers, byte[] body, String secret, Instant now, Duration tolerance) {
		String name = header(provider, configuredHeader);
		String presented = headers.apply(name);
		if (presented == null || presented.isBlank()) {
			return "The " + name + " header is missing.";
		}
		presented = presented.trim();
		byte[] key = secret.getBytes(StandardCharsets.UTF_8);
		if (provider == WebhookProvider.STRIPE) {
			return stripeProblem(presented, body, key, now, tolerance);
		}
		boolean valid = switch (provider) {
			case STRIPE -> false;
			case SHOPIFY, WOOCOMMERCE -> MessageDigest.isEqual(hmac(key, body), base64(presented));
			case GITHUB ->
				presented.startsWith("sha256=") && MessageDigest.isEqual(hmac(key, body), hex(presented.substring(7)));
			case HMAC_SHA256 -> {
				String value = presented.regionMatches(true, 0, "sha256=", 0, 7) ? presented.substring(7) : presented;
				yield MessageDigest.isEqual(hmac(key, body),
						(encoding == SignatureEncoding.BASE64) ? base64(value) : hex(value));
			}
			case BEARER -> presented.regionMatches(true, 0, "Bearer ", 0, 7) && MessageDigest.isEqual(sha256(key),
					sha256(presented.substring(7).trim().getBytes(StandardCharsets.UTF_8)));
		};
		return valid ? null : "The signature in " + name + " does not match the body and the listener's secret.";
	}

	private static String stripeProblem(String presented, byte[] body, byte[] key, Instant now, Duration tolerance) {
		StripeHeader stripe = StripeHeader.parse(presented);
		if (stripe == null) {
			return "The Stripe-Signature header has no timestamp (t=) or no v1 signature.";
		}
		byte[] expected = hmac(key, concat((stripe.timestamp() + ".").getBytes(StandardCharsets.UTF_8), body));
		boolean any = false;
		for (String signature : stripe.signatures()) {
			any |= MessageDigest.isEqual(expected, hex(signature));
		}
		if (!any) {
			return "The signature in Stripe-Signature does not match the body and the listener's secret.";
		}
		if (Duration.between(Instant.ofEpochSecond(stripe.timestamp()), now).abs().compareTo(tolerance) > 0) {
			return "The Stripe-Signature timestamp is more than " + tolerance.toSeconds()
					+ " seconds from now: a late or replayed delivery.";
		}
		return null;
	}

	/**
	 * A Stripe signature header, as Stripe's own libraries sign it: the signed payload is
	 * {@code <t>.<body>}, each {@code v1} an HMAC-SHA256 of it.
	 */
	public static String stripeHeader(String secret, long timestamp, byte[] body) {
		byte[] signed = hmac(secret.getBytes(StandardCharsets.UTF_8),
				concat((timestamp + ".").getBytes(StandardCharsets.UTF_8), body));
		return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(signed);
	}

	/** HMAC-SHA256 of a body with a secret. */
	public static byte[] hmac(String secret, byte[] body) {
		return hmac(secret.getBytes(StandardCharsets.UTF_8), body);
	}

	private static byte[] hmac(byte[] key, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(body);
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

	private static byte[] sha256(byte[] value) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(value);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JDK", ex);
		}
	}

	private static byte[] concat(byte[] first, byte[] second) {
		byte[] both = new byte[first.length + second.length];
		System.arraycopy(first, 0, both, 0, first.length);
		System.arraycopy(second, 0, both, first.length, second.length);
		return both;
	}

	/** Decoded hex, or an empty array (which matches no MAC) when it is not hex. */
	private static byte[] hex(String value) {
		try {
			return HexFormat.of().parseHex(value.trim().toLowerCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return new byte[0];
		}
	}

	private static byte[] base64(String value) {
		try {
			return Base64.getDecoder().decode(value.trim());
		}
		catch (IllegalArgumentException ex) {
			return new byte[0];
		}
	}

	private record StripeHeader(long timestamp, List<String> signatures) {

		static StripeHeader parse(String header) {
			Long timestamp = null;
			List<String> signatures = new ArrayList<>();
			for (String part : header.split(",")) {
				int equals = part.indexOf('=');
				if (equals < 0) {
					continue;
				}
				String name = part.substring(0, equals).trim();
				String value = part.substring(equals + 1).trim();
				if (name.equals("t")) {
					try {
						timestamp = Long.parseLong(value);
					}
					catch (NumberFormatException ex) {
						return null;
					}
				}
				else if (name.equals("v1")) {
					signatures.add(value);
				}
			}
			// Beyond any real clock: refused before it reaches date arithmetic.
			if (timestamp != null && (timestamp < 0 || timestamp > 100_000_000_000L)) {
				return null;
			}
			return (timestamp != null && !signatures.isEmpty()) ? new StripeHeader(timestamp, signatures) : null;
		}

	}

}
