package io.brain.core.secret;

import java.net.URI;

/**
 * How to reach HashiCorp Vault: its address, how to sign in (a token, or an AppRole when
 * a role id is given), and the mount of the KV version 2 engine. {@link #toString()}
 * shows no credential.
 *
 * @param address Vault's address, such as {@code https://vault.example.com:8200}
 * ({@code VAULT_ADDR})
 * @param token a token ({@code VAULT_TOKEN}); used when there is no role id
 * @param roleId an AppRole role id ({@code VAULT_ROLE_ID}); chooses AppRole sign-in
 * @param secretId the AppRole secret id ({@code VAULT_SECRET_ID})
 * @param kvMount where the KV version 2 engine is mounted; {@code secret} when blank
 */
public record VaultSettings(String address, String token, String roleId, String secretId, String kvMount) {

	/** The mount of the KV engine of Vault's dev server and of most installations. */
	public static final String DEFAULT_KV_MOUNT = "secret";

	public VaultSettings {
		if (isBlank(address)) {
			throw new IllegalArgumentException("Vault's address (VAULT_ADDR) is required");
		}
		URI uri = URI.create(address);
		if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
			throw new IllegalArgumentException("Vault's address must be an http or https URL, such as"
					+ " https://vault.example.com:8200, not " + address);
		}
		if (isBlank(roleId)) {
			roleId = null;
			secretId = null;
			if (isBlank(token)) {
				throw new IllegalArgumentException(
						"Vault needs a token (VAULT_TOKEN) or an AppRole (VAULT_ROLE_ID and VAULT_SECRET_ID)");
			}
		}
		else {
			token = null;
			if (isBlank(secretId)) {
				throw new IllegalArgumentException(
						"AppRole sign-in needs a secret id (VAULT_SECRET_ID) with the role id");
			}
		}
		kvMount = isBlank(kvMount) ? DEFAULT_KV_MOUNT : kvMount.replaceAll("^/+|/+$", "");
	}

	/** Settings that sign in with a token. */
	public static VaultSettings withToken(String address, String token, String kvMount) {
		return new VaultSettings(address, token, null, null, kvMount);
	}

	/** Settings that sign in with an AppRole. */
	public static VaultSettings withAppRole(String address, String roleId, String secretId, String kvMount) {
		return new VaultSettings(address, null, roleId, secretId, kvMount);
	}

	public boolean usesAppRole() {
		return this.roleId != null;
	}

	@Override
	public String toString() {
		return "VaultSettings[address=" + this.address + ", auth=" + (usesAppRole() ? "AppRole" : "token")
				+ ", kvMount=" + this.kvMount + "]";
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

}
