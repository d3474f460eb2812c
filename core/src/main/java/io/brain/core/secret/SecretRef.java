package io.brain.core.secret;

import java.util.regex.Pattern;

import io.brain.core.tenant.TenantContext;
import io.brain.core.tenant.TenantId;

/**
 * The address of one secret: the scope it belongs to and its name. A reference is not
 * secret; the value it points to is.
 *
 * @param scope a tenant id, or {@link #PLATFORM} for the platform's own secrets
 * @param name the secret's name within its scope, such as {@code stripe/api-key}
 */
public record SecretRef(String scope, String name) {

	/** The scope of the platform's own secrets, which no tenant can read. */
	public static final String PLATFORM = TenantContext.PLATFORM;

	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._/-]{1,200}");

	public SecretRef {
		checkScope(scope);
		if (name == null || !NAME.matcher(name).matches()) {
			throw new IllegalArgumentException(
					"A secret name is 1 to 200 characters: letters, digits, '.', '_', '-' and '/'");
		}
		for (String part : name.split("/", -1)) {
			// Names become paths in Vault: an empty, '.' or '..' part could address
			// another secret.
			if (part.isEmpty() || part.equals(".") || part.equals("..")) {
				throw new IllegalArgumentException(
						"A secret name's '/'-separated parts must not be empty, '.' or '..'");
			}
		}
	}

	public static SecretRef of(TenantId tenant, String name) {
		return new SecretRef(tenant.value(), name);
	}

	public static SecretRef platform(String name) {
		return new SecretRef(PLATFORM, name);
	}

	/**
	 * Checks a scope.
	 * @param scope a tenant id or {@link #PLATFORM}
	 * @return the scope
	 * @throws IllegalArgumentException when it is neither
	 */
	public static String checkScope(String scope) {
		if (!PLATFORM.equals(scope) && !TenantId.isValid(scope)) {
			throw new IllegalArgumentException(
					"A secret scope is a tenant id (a lower-case slug of 2 to 63 characters) or " + PLATFORM);
		}
		return scope;
	}

	@Override
	public String toString() {
		return this.scope + "/" + this.name;
	}

}
