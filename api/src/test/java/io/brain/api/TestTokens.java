package io.brain.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

/**
 * Tokens as Keycloak issues them to Brain's users, with the permissions the realm file
 * gives each role (read from the realm itself, the one place that mapping lives).
 */
public final class TestTokens {

	/** Realm role to the permissions of its {@code brain-api} client-role composites. */
	public static final Map<String, List<String>> PERMISSIONS_OF_ROLE = readRealm();

	private TestTokens() {
	}

	/**
	 * A user of a tenant with one realm role.
	 * @param tenant the tenant, or null for platform users
	 * @param role the realm role
	 * @return the token
	 */
	public static RequestPostProcessor user(String tenant, String role) {
		String username = ((tenant != null) ? tenant : "platform") + "-" + role;
		List<String> permissions = PERMISSIONS_OF_ROLE.getOrDefault(role, List.of());
		List<GrantedAuthority> authorities = new ArrayList<>();
		permissions.forEach((permission) -> authorities.add(new SimpleGrantedAuthority(permission)));
		authorities.add(new SimpleGrantedAuthority("ROLE_" + role));
		return jwt().jwt((token) -> {
			token.subject(username + "-id")
				.claim("preferred_username", username)
				.claim("name", "Test " + role)
				.claim("realm_access", Map.of("roles", List.of(role)))
				.claim("permissions", permissions);
			if (tenant != null) {
				token.claim("tenant_id", tenant);
			}
		}).authorities(authorities);
	}

	private static Map<String, List<String>> readRealm() {
		try {
			JsonNode realm = new ObjectMapper()
				.readTree(Path.of("..", "keycloak-realm", "src", "main", "realm", "brain-realm.json").toFile());
			Map<String, List<String>> permissions = new HashMap<>();
			for (JsonNode role : realm.at("/roles/realm")) {
				List<String> granted = new ArrayList<>();
				role.at("/composites/client/brain-api").forEach((permission) -> granted.add(permission.asText()));
				permissions.put(role.get("name").asText(), List.copyOf(granted));
			}
			return Map.copyOf(permissions);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The realm file is not readable", ex);
		}
	}

}
