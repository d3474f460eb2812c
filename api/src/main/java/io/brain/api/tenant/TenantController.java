package io.brain.api.tenant;

import java.util.List;

import io.brain.api.identity.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@SecurityRequirement(name = "bearer")
@PreAuthorize("hasAuthority('tenants:manage')")
class TenantController {

	private final Tenants tenants;

	TenantController(Tenants tenants) {
		this.tenants = tenants;
	}

	@GetMapping("/api/tenants")
	@Operation(operationId = "listTenants", summary = "Every tenant of the platform")
	List<Tenant> list() {
		return this.tenants.list();
	}

	@PostMapping("/api/tenants")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "createTenant", summary = "Create a tenant")
	Tenant create(@Valid @RequestBody CreateTenantRequest request, CurrentUser admin) {
		return this.tenants.create(admin, request);
	}

	@PatchMapping("/api/tenants/{id}")
	@Operation(operationId = "updateTenant", summary = "Disable or re-enable a tenant")
	Tenant update(@PathVariable String id, @Valid @RequestBody UpdateTenantRequest request) {
		return this.tenants.update(id, request);
	}

}
