package io.brain.core.tenant;

import java.util.regex.Pattern;

/**
 * The identifier of a tenant: a lower-case slug, safe inside Zeebe process ids and URLs.
 *
 * @param value the slug
 */
public record TenantId(String value) {

	private static final Pattern SLUG = Pattern.compile("[a-z][a-z0-9-]{1,62}");

	public TenantId {
		if (value == null || !SLUG.matcher(value).matches()) {
			throw new IllegalArgumentException("A tenant id is a lower-case slug of 2 to 63 characters");
		}
	}

	public static boolean isValid(String value) {
		return value != null && SLUG.matcher(value).matches();
	}

	@Override
	public String toString() {
		return this.value;
	}

}
