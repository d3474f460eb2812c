package io.brain.api.portal;

import java.util.List;

import io.brain.api.connector.Connections;
import io.brain.api.connector.RecordPage;
import io.brain.api.identity.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The client portal: what the tenant's connectors synced, for the portal-client role.
 */
@RestController
@SecurityRequirement(name = "bearer")
@PreAuthorize("hasAuthority('portal:read')")
class PortalController {

	private final Connections connections;

	PortalController(Connections connections) {
		this.connections = connections;
	}

	@GetMapping("/api/portal/cms")
	@Operation(operationId = "portalCms", summary = "Pages and posts of the tenant's WordPress sites")
	RecordPage cms(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size, CurrentUser user) {
		return this.connections.portal(user, List.of("wordpress"), List.of("pages", "posts"), q, page, size);
	}

}
