package io.brain.api.identity;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.brain.api.problem.BrainProblem;
import io.brain.core.tenant.TenantId;
import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The signed-in user of a request, read from the verified access token.
 *
 * @param id the subject
 * @param username the login name
 * @param name the display name
 * @param email the e-mail address, if any
 * @param tenantId the tenant, from the token's {@code tenant_id} claim; none for platform
 * admins
 * @param roles the realm roles
 */
public record CurrentUser(String id, String username, String name, @Schema(nullable = true) String email,
		@Schema(nullable = true) String tenantId, List<String> roles) {

	static CurrentUser from(Jwt jwt) {
		String username = Optional.ofNullable(jwt.getClaimAsString("preferred_username")).orElse(jwt.getSubject());
		String name = Optional.ofNullable(jwt.getClaimAsString("name")).orElse(username);
		String tenant = jwt.getClaimAsString("tenant_id");
		return new CurrentUser(jwt.getSubject(), username, name, jwt.getClaimAsString("email"),
				TenantId.isValid(tenant) ? tenant : null, roles(jwt));
	}

	private static List<String> roles(Jwt jwt) {
		Map<String, Object> realmAccess = jwt.getClaimAsMap("realm_access");
		if (realmAccess != null && realmAccess.get("roles") instanceof List<?> roles) {
			return roles.stream().map(String::valueOf).sorted().toList();
		}
		return List.of();
	}

	/**
	 * The tenant this request acts for.
	 * @return the tenant
	 * @throws BrainProblem 403 when the user belongs to no tenant
	 */
	public TenantId tenant() {
		if (this.tenantId == null) {
			throw new BrainProblem(HttpStatus.FORBIDDEN, "This request acts for a tenant, and you belong to none.");
		}
		return new TenantId(this.tenantId);
	}

}
