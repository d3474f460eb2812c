package io.brain.api.secret;

import java.util.List;

import io.brain.api.problem.BrainProblem;
import io.brain.core.secret.SecretRef;
import io.brain.core.secret.SecretStore;
import io.brain.core.tenant.TenantContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Platform-wide secrets, such as the platform's OpenAI and Stripe keys: set and removed
 * by platform admins, never read back through the API.
 */
@RestController
@SecurityRequirement(name = "bearer")
@PreAuthorize("hasAuthority('secrets:manage')")
class PlatformSecretController {

	private final SecretStore secrets;

	PlatformSecretController(SecretStore secrets) {
		this.secrets = secrets;
	}

	@GetMapping("/api/platform/secrets")
	@Operation(operationId = "listPlatformSecrets", summary = "Names of the platform's secrets; values are never shown")
	List<SecretStatus> list() {
		return TenantContext.call(TenantContext.PLATFORM,
				() -> this.secrets.list(TenantContext.PLATFORM)
					.stream()
					.map((ref) -> SecretStatus.of(ref.name(), true))
					.toList());
	}

	@PutMapping("/api/platform/secrets/{name}")
	@Operation(operationId = "setPlatformSecret", summary = "Set a platform secret (write-only)")
	SecretStatus set(@PathVariable String name, @Valid @RequestBody SetSecretRequest request) {
		SecretRef ref = ref(name);
		TenantContext.run(TenantContext.PLATFORM, () -> this.secrets.put(ref, request.value()));
		return SecretStatus.of(name, true);
	}

	@DeleteMapping("/api/platform/secrets/{name}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(operationId = "deletePlatformSecret", summary = "Remove a platform secret")
	void delete(@PathVariable String name) {
		SecretRef ref = ref(name);
		TenantContext.run(TenantContext.PLATFORM, () -> {
			if (!this.secrets.exists(ref)) {
				throw BrainProblem.notFound("No platform secret '" + name + "'.");
			}
			this.secrets.delete(ref);
		});
	}

	private static SecretRef ref(String name) {
		try {
			return SecretRef.platform(name);
		}
		catch (IllegalArgumentException ex) {
			throw BrainProblem.badInput("name", ex.getMessage());
		}
	}

}
