package io.brain.api.identity;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.brain.api.problem.BrainProblem;
import io.brain.core.audit.AuditEvent.ActorKind;
import io.brain.core.tenant.TenantId;
import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who makes the current request, read from the verified access token or the API key.
 *
 * @param id the token's subject, or {@code apikey:<id>}
 * @param username the login name, or the API key's name
 * @param name the display name
 * @param email the e-mail address, if any
 * @param tenantId the tenant; none for platform admins
 * @param kind a user or an API key
 * @param roles the realm roles (none for API keys)
 * @param permissions what the caller may do
 */
public record CurrentUser(String id, String username, String name, @Schema(nullable = true) String email,
		@Schema(nullable = true) String tenantId, ActorKind kind, List<String> roles, List<String> permissions) {

	/**
	 * The request attribute holding the caller once authenticated, for the audit trail.
	 */
	public static final String REQUEST_ATTRIBUTE = CurrentUser.class.getName();

	/**
	 * The caller behind an authentication.
	 * @param authentication a verified JWT or API key authentication
	 * @return the caller
	 * @throws IllegalArgumentException for any other authentication
	 */
	public static CurrentUser from(Authentication authentication) {
		if (authentication.getPrincipal() instanceof Jwt jwt) {
			return fromJwt(jwt);
		}
		if (authentication.getPrincipal() instanceof ApiKeyPrincipal key) {
			return new CurrentUser("apikey:" + key.id(), key.name(), "API key " + key.name(), null, key.tenantId(),
					ActorKind.API_KEY, List.of(), List.copyOf(key.permissions()));
		}
		throw new IllegalArgumentException("Not a Brain authentication: " + authentication.getClass().getSimpleName());
	}

	/**
	 * A part of Brain acting on its own inside a tenant, such as a schedule or a webhook
	 * listener: {@code system("schedule", id, "Nightly sync", tenant)} is
	 * {@code schedule:<id>}, named "Schedule Nightly sync".
	 * @param kind what acts, in lower case
	 * @param id its id
	 * @param name its name
	 * @param tenantId the tenant it acts in
	 * @return the actor, without permissions
	 */
	public static CurrentUser system(String kind, Object id, String name, String tenantId) {
		String label = Character.toUpperCase(kind.charAt(0)) + kind.substring(1);
		return new CurrentUser(kind + ":" + id, kind + ":" + name, label + " " + name, null, tenantId, ActorKind.SYSTEM,
				List.of(), List.of());
	}

	static CurrentUser fromJwt(Jwt jwt) {
		String username = Optional.ofNullable(jwt.getClaimAsString("preferred_username")).orElse(jwt.getSubject());
		String name = Optional.ofNullable(jwt.getClaimAsString("name")).orElse(username);
		String tenant = jwt.getClaimAsString("tenant_id");
		List<String> permissions = Optional.ofNullable(jwt.getClaimAsStringList("permissions"))
			.map((list) -> list.stream().sorted().toList())
			.orElse(List.of());
		return new CurrentUser(jwt.getSubject(), username, name, jwt.getClaimAsString("email"),
				TenantId.isValid(tenant) ? tenant : null, ActorKind.USER, roles(jwt), permissions);
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
	 * @throws BrainProblem 403 when the caller belongs to no tenant
	 */
	public TenantId tenant() {
		if (this.tenantId == null) {
			throw new BrainProblem(HttpStatus.FORBIDDEN, "This request acts for a tenant, and you belong to none.");
		}
		return new TenantId(this.tenantId);
	}

	public boolean can(String permission) {
		return this.permissions.contains(permission);
	}

}
