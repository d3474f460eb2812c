package io.brain.core.secret;

import java.util.regex.Pattern;

/**
 * Field names that hold secrets by their look (password, token, key...): masked in the
 * audit trail and refused in URLs, wherever a field's kind is not declared. Keys that
 * only identify something ({@code automationKey}, {@code idempotencyKey}) are no secrets.
 */
public final class SecretFieldNames {

	private static final Pattern SECRET = Pattern.compile(".*(secret|password|token|key|credential|authorization).*",
			Pattern.CASE_INSENSITIVE);

	/**
	 * Names of keys that identify something rather than unlock it: an automation's key,
	 * an idempotency key, the engine's keys, a message's correlation key, a public key.
	 */
	private static final Pattern IDENTIFYING_KEY = Pattern.compile(
			"((automation|idempotency|process|definition|instance|job|element|message|correlation|deployment|incident"
					+ "|variable|record|event|public|sort|primary|partition|foreign)[-_]?)+keys?"
					+ "([-_]?(pointer|header|source|expression|field|name|id))?",
			Pattern.CASE_INSENSITIVE);

	private SecretFieldNames() {
	}

	public static boolean looksSecret(String name) {
		return name != null && SECRET.matcher(name).matches() && !IDENTIFYING_KEY.matcher(name).matches();
	}

}
