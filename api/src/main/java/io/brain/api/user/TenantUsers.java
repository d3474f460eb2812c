package io.brain.api.user;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import io.brain.api.identity.CurrentUser;
import io.brain.api.problem.BrainProblem;
import io.brain.api.keycloak.KeycloakProperties;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * A tenant admin's users: invited, given roles and removed in Keycloak, which keeps every
 * user's tenant in the admin-only {@code tenant_id} attribute.
 */
@Service
public class TenantUsers implements DisposableBean {

	/** The roles a tenant admin may give; platform-admin is not among them. */
	static final List<String> TENANT_ROLES = List.of("tenant-admin", "editor", "operator", "viewer", "portal-client");

	private static final SecureRandom random = new SecureRandom();

	private static final Duration VERSION_KEPT_FOR = Duration.ofMinutes(5);

	private final KeycloakProperties properties;

	private volatile Keycloak keycloak;

	private volatile KnownVersion knownVersion;

	TenantUsers(KeycloakProperties properties) {
		this.properties = properties;
	}

	public List<TenantUser> list(CurrentUser admin) {
		String tenant = admin.tenant().value();
		return keycloak(() -> realm().users()
			.searchByAttributes(0, 1000, null, false, "tenant_id:" + tenant)
			.stream()
			.filter((user) -> tenant.equals(tenantOf(user)))
			.map((user) -> toTenantUser(user, rolesOf(user.getId())))
			.toList());
	}

	public UserInvited invite(CurrentUser admin, InviteUserRequest request) {
		String tenant = admin.tenant().value();
		requireTenantRoles("role", List.of(request.role()));
		return keycloak(() -> create(tenant, request));
	}

	private UserInvited create(String tenant, InviteUserRequest request) {
		String password = temporaryPassword();
		UserRepresentation user = new UserRepresentation();
		user.setUsername(request.username());
		user.setEmail(request.email());
		user.setFirstName(request.firstName());
		user.setLastName(request.lastName());
		user.setEnabled(true);
		user.setAttributes(Map.of("tenant_id", List.of(tenant)));
		user.setRequiredActions(List.of("UPDATE_PASSWORD"));
		CredentialRepresentation credential = new CredentialRepresentation();
		credential.setType(CredentialRepresentation.PASSWORD);
		credential.setValue(password);
		credential.setTemporary(true);
		user.setCredentials(List.of(credential));
		String id;
		try (Response response = realm().users().create(user)) {
			if (response.getStatus() == 409) {
				throw taken(tenant, request);
			}
			if (response.getStatus() >= 400) {
				throw new BrainProblem(HttpStatus.BAD_REQUEST, "username",
						"Keycloak refused the user (" + response.getStatus() + ").");
			}
			id = CreatedResponseUtil.getCreatedId(response);
		}
		realm().users().get(id).roles().realmLevel().add(List.of(role(request.role())));
		return new UserInvited(toTenantUser(realm().users().get(id).toRepresentation(), List.of(request.role())),
				password);
	}

	/**
	 * Why Keycloak refused a new user as a duplicate. Usernames and e-mail addresses are
	 * unique in the realm, as people sign in with either (decision 0016): one of the
	 * admin's own tenant is named, one of another tenant only said to be unavailable, so
	 * that nothing of another tenant's users shows.
	 */
	private BrainProblem taken(String tenant, InviteUserRequest request) {
		List<UserRepresentation> sameUsername = realm().users().search(request.username(), true);
		if (!sameUsername.isEmpty()) {
			return tenant.equals(tenantOf(sameUsername.get(0)))
					? new BrainProblem(HttpStatus.CONFLICT, "username",
							"A user of your tenant has this username already.")
					: new BrainProblem(HttpStatus.CONFLICT, "username",
							"This username is not available; choose another one (usernames are unique across Brain).");
		}
		List<UserRepresentation> sameEmail = realm().users()
			.searchByEmail(request.email().toLowerCase(Locale.ROOT), true);
		if (!sameEmail.isEmpty()) {
			UserRepresentation other = sameEmail.get(0);
			return tenant.equals(tenantOf(other))
					? new BrainProblem(HttpStatus.CONFLICT, "email",
							"A user of your tenant has this e-mail address already: " + other.getUsername() + ".")
					: new BrainProblem(HttpStatus.CONFLICT, "email",
							"This e-mail address cannot be used for a new user; use another one (an address signs "
									+ "in to one Brain tenant only).");
		}
		// Gone again since Keycloak refused it.
		return new BrainProblem(HttpStatus.CONFLICT, "username",
				"The username or e-mail address was taken a moment ago; try again.");
	}

	public TenantUser updateRoles(CurrentUser admin, String id, UpdateRolesRequest request) {
		requireTenantRoles("roles", request.roles());
		return keycloak(() -> setRoles(admin, id, request));
	}

	private TenantUser setRoles(CurrentUser admin, String id, UpdateRolesRequest request) {
		UserResource user = userOfTenant(admin, id);
		List<RoleRepresentation> current = user.roles()
			.realmLevel()
			.listAll()
			.stream()
			.filter((role) -> TENANT_ROLES.contains(role.getName()))
			.toList();
		user.roles().realmLevel().remove(current);
		user.roles().realmLevel().add(request.roles().stream().distinct().map(this::role).toList());
		return toTenantUser(user.toRepresentation(), rolesOf(id));
	}

	public void remove(CurrentUser admin, String id) {
		keycloak(() -> {
			userOfTenant(admin, id).remove();
			return null;
		});
	}

	/**
	 * Disables or re-enables every user of a tenant, as the platform admin decides.
	 * @param tenant the tenant
	 * @param enabled whether its users may sign in
	 */
	public void setTenantEnabled(String tenant, boolean enabled) {
		keycloak(() -> {
			enableAll(tenant, enabled);
			return null;
		});
	}

	private void enableAll(String tenant, boolean enabled) {
		for (UserRepresentation user : realm().users()
			.searchByAttributes(0, 10_000, null, false, "tenant_id:" + tenant)) {
			if (tenant.equals(tenantOf(user)) && user.isEnabled() != enabled) {
				user.setEnabled(enabled);
				realm().users().get(user.getId()).update(user);
			}
		}
	}

	/**
	 * Runs a Keycloak call, turning an unreachable or failing Keycloak into a clear 503.
	 */
	private static <T> T keycloak(Supplier<T> call) {
		try {
			return call.get();
		}
		catch (ProcessingException ex) {
			throw new BrainProblem(HttpStatus.SERVICE_UNAVAILABLE, "Keycloak is not reachable; try again shortly.");
		}
		catch (WebApplicationException ex) {
			if (ex.getResponse().getStatus() == 404) {
				throw BrainProblem.notFound("Not found in Keycloak.");
			}
			throw new BrainProblem(HttpStatus.BAD_GATEWAY,
					"Keycloak refused the request (" + ex.getResponse().getStatus() + ").");
		}
	}

	private UserResource userOfTenant(CurrentUser admin, String id) {
		String tenant = admin.tenant().value();
		UserResource user = realm().users().get(id);
		try {
			if (!tenant.equals(tenantOf(user.toRepresentation()))) {
				throw BrainProblem.notFound("No user " + id + ".");
			}
		}
		catch (NotFoundException ex) {
			throw BrainProblem.notFound("No user " + id + ".");
		}
		return user;
	}

	private static void requireTenantRoles(String field, List<String> roles) {
		List<String> unknown = new ArrayList<>(roles);
		unknown.removeAll(TENANT_ROLES);
		if (!unknown.isEmpty()) {
			throw BrainProblem.badInput(field,
					"Not tenant roles: " + String.join(", ", unknown) + "; use " + String.join(", ", TENANT_ROLES));
		}
	}

	private RoleRepresentation role(String name) {
		return realm().roles().get(name).toRepresentation();
	}

	private List<String> rolesOf(String id) {
		return realm().users()
			.get(id)
			.roles()
			.realmLevel()
			.listAll()
			.stream()
			.map(RoleRepresentation::getName)
			.filter(TENANT_ROLES::contains)
			.sorted()
			.toList();
	}

	private static String tenantOf(UserRepresentation user) {
		Map<String, List<String>> attributes = user.getAttributes();
		List<String> values = (attributes != null) ? attributes.get("tenant_id") : null;
		return (values != null && !values.isEmpty()) ? values.get(0) : null;
	}

	private static TenantUser toTenantUser(UserRepresentation user, List<String> roles) {
		return new TenantUser(user.getId(), user.getUsername(), user.getEmail(), user.getFirstName(),
				user.getLastName(), Boolean.TRUE.equals(user.isEnabled()), roles);
	}

	private static String temporaryPassword() {
		byte[] bytes = new byte[12];
		random.nextBytes(bytes);
		return "Tmp-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/**
	 * Keycloak's version, as its server information tells Brain's admin client, when it
	 * does: Keycloak may keep it to the administrators of its own realm. Asked again at
	 * most every five minutes.
	 */
	public Optional<String> keycloakVersion() {
		KnownVersion known = this.knownVersion;
		if (known != null && known.askedAt().isAfter(Instant.now().minus(VERSION_KEPT_FOR))) {
			return Optional.ofNullable(known.version());
		}
		String version;
		try {
			version = client().serverInfo().getInfo().getSystemInfo().getVersion();
		}
		catch (RuntimeException ex) {
			version = null;
		}
		this.knownVersion = new KnownVersion(version, Instant.now());
		return Optional.ofNullable(version);
	}

	private RealmResource realm() {
		return client().realm(this.properties.realm());
	}

	private Keycloak client() {
		Keycloak client = this.keycloak;
		if (client == null) {
			synchronized (this) {
				if (this.keycloak == null) {
					this.keycloak = KeycloakBuilder.builder()
						.serverUrl(this.properties.url())
						.realm(this.properties.realm())
						.grantType("client_credentials")
						.clientId(this.properties.adminClientId())
						.clientSecret(this.properties.adminClientSecret())
						.build();
				}
				client = this.keycloak;
			}
		}
		return client;
	}

	private record KnownVersion(String version, Instant askedAt) {
	}

	@Override
	public void destroy() {
		if (this.keycloak != null) {
			this.keycloak.close();
		}
	}

}
