package io.brain.api.user;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A user invited into the caller's tenant.
 *
 * @param username the login name
 * @param email the e-mail address
 * @param firstName the first name
 * @param lastName the last name
 * @param role one of the tenant roles: tenant-admin, editor, operator, viewer,
 * portal-client
 */
public record InviteUserRequest(
		@NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9._-]{1,62}",
				message = "must be 2 to 63 lower-case letters, digits, dots, dashes or underscores") String username,
		@NotBlank @Email String email, @NotBlank @Size(max = 100) String firstName,
		@NotBlank @Size(max = 100) String lastName, @NotBlank String role) {

}
