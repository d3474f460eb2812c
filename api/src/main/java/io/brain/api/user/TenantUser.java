package io.brain.api.user;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A user of the caller's tenant, as Keycloak keeps it.
 *
 * @param id Keycloak's id of the user
 * @param username the login name
 * @param email the e-mail address
 * @param firstName the first name
 * @param lastName the last name
 * @param enabled whether the user may sign in
 * @param roles the user's tenant roles
 */
public record TenantUser(String id, String username, @Schema(nullable = true) String email,
		@Schema(nullable = true) String firstName, @Schema(nullable = true) String lastName, boolean enabled,
		List<String> roles) {

}
