package io.brain.api.apikey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.brain.api.identity.ApiKeyPrincipal;
import io.brain.api.identity.CurrentUser;
import io.brain.api.identity.Permissions;
import io.brain.api.problem.BrainProblem;
import io.brain.core.tenant.TenantContext;

import org.springframework.stereotype.Service;

/**
 * API keys for external systems: created for a tenant with a subset of the creator's
 * permissions, shown once, kept only as a SHA-256 hash.
 */
@Service
public class ApiKeys {

	/**
	 * Every Brain API key starts with this, so it is recognised (and found by secret
	 * scanners).
	 */
	public static final String PREFIX = "brk_";

	private static final SecureRandom random = new SecureRandom();

	private final ApiKeyRepository repository;

	ApiKeys(ApiKeyRepository repository) {
		this.repository = repository;
	}

	public ApiKeyCreated create(CurrentUser creator, CreateApiKeyRequest request) {
		String tenant = creator.tenant().value();
		List<String> permissions = request.permissions().stream().distinct().sorted().toList();
		List<String> unknown = new ArrayList<>(permissions);
		unknown.removeAll(Permissions.ALL);
		if (!unknown.isEmpty()) {
			throw BrainProblem.badInput("permissions", "Unknown permissions: " + String.join(", ", unknown));
		}
		List<String> beyond = permissions.stream().filter((permission) -> !creator.can(permission)).toList();
		if (!beyond.isEmpty()) {
			throw BrainProblem.badInput("permissions",
					"A key cannot have permissions you do not have: " + String.join(", ", beyond));
		}
		if (request.expiresAt() != null && !request.expiresAt().isAfter(Instant.now())) {
			throw BrainProblem.badInput("expiresAt", "The expiry must be in the future.");
		}
		byte[] secret = new byte[32];
		random.nextBytes(secret);
		String key = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		ApiKeySummary summary = new ApiKeySummary(UUID.randomUUID(), request.name().trim(), key.substring(0, 12),
				permissions, creator.username(), Instant.now(), null, request.expiresAt(), null);
		this.repository.insert(tenant, summary, hash(key));
		return new ApiKeyCreated(summary, key);
	}

	public List<ApiKeySummary> list(CurrentUser user) {
		return this.repository.list(user.tenant().value());
	}

	public ApiKeySummary revoke(CurrentUser user, UUID id) {
		String tenant = user.tenant().value();
		if (!this.repository.revoke(tenant, id)) {
			throw BrainProblem.notFound("No API key " + id + ".");
		}
		return this.repository.find(tenant, id).orElseThrow();
	}

	/**
	 * The caller a presented key stands for.
	 * @param presented the key from the request
	 * @return the key's principal, or empty when it is unknown, expired or revoked
	 */
	public Optional<ApiKeyPrincipal> authenticate(String presented) {
		if (!presented.startsWith(PREFIX) || presented.length() > 100) {
			return Optional.empty();
		}
		Instant now = Instant.now();
		Optional<ApiKeyPrincipal> key = this.repository.findByHash(hash(presented), now);
		key.ifPresent((found) -> TenantContext.run(found.tenantId(), () -> this.repository.touch(found.id(), now)));
		return key;
	}

	static String hash(String key) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JDK", ex);
		}
	}

}
