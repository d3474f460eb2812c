package io.brain.api.health;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@SecurityRequirement(name = "bearer")
@PreAuthorize("hasAuthority('system:read')")
class SystemHealthController {

	private final SystemHealthService health;

	SystemHealthController(SystemHealthService health) {
		this.health = health;
	}

	@GetMapping("/api/system/health")
	@Operation(operationId = "getSystemHealth",
			summary = "Every component's state and version, the webhook inbox, incidents, runs and usage across tenants")
	SystemHealth get() {
		return this.health.read();
	}

}
