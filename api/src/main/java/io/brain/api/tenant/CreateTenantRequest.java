package io.brain.api.tenant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A new tenant.
 *
 * @param id its slug: lower-case letters, digits and dashes, starting with a letter
 * @param name its display name
 */
public record CreateTenantRequest(
		@NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{1,62}",
				message = "must be a lower-case slug of 2 to 63 letters, digits and dashes") String id,
		@NotBlank @Size(max = 200) String name) {

}
