package io.brain.api.apikey;

import java.util.List;
import java.util.UUID;

import io.brain.api.identity.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@SecurityRequirement(name = "bearer")
@PreAuthorize("hasAuthority('apikeys:manage')")
class ApiKeyController {

	private final ApiKeys apiKeys;

	ApiKeyController(ApiKeys apiKeys) {
		this.apiKeys = apiKeys;
	}

	@PostMapping("/api/api-keys")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "createApiKey", summary = "Create an API key; the key is shown only in this answer")
	ApiKeyCreated create(@Valid @RequestBody CreateApiKeyRequest request, CurrentUser user) {
		return this.apiKeys.create(user, request);
	}

	@GetMapping("/api/api-keys")
	@Operation(operationId = "listApiKeys", summary = "Your tenant's API keys")
	List<ApiKeySummary> list(CurrentUser user) {
		return this.apiKeys.list(user);
	}

	@DeleteMapping("/api/api-keys/{id}")
	@Operation(operationId = "revokeApiKey", summary = "Revoke an API key; it stops working at once")
	ApiKeySummary revoke(@PathVariable UUID id, CurrentUser user) {
		return this.apiKeys.revoke(user, id);
	}

}
