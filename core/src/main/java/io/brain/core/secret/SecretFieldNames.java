package io.brain.core.secret;

import java.util.regex.Pattern;

/**
 * Field names that hold secrets by their look (password, token, key...): masked in the
 * audit trail and refused in URLs, wherever a field's kind is not declared.
 */
public final class SecretFieldNames {

	private static final Pattern SECRET = Pattern.compile(".*(secret|password|token|key|credential|authorization).*",
			Pattern.CASE_INSENSITIVE);

	private SecretFieldNames() {
	}

	public static boolean looksSecret(String name) {
		return name != null && SECRET.matcher(name).matches();
	}

}
