package io.brain.api.connector;

import java.util.List;
import java.util.UUID;

import io.brain.api.audit.RequestAudit;
import io.brain.api.identity.CurrentUser;
import io.brain.api.problem.BrainProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@SecurityRequirement(name = "bearer")
class ConnectorController {

	private final ConnectorTypes types;

	private final Connections connections;

	private final RequestAudit audit;

	ConnectorController(ConnectorTypes types, Connections connections, RequestAudit audit) {
		this.types = types;
		this.connections = connections;
		this.audit = audit;
	}

	@GetMapping("/api/connector-types")
	@PreAuthorize("hasAuthority('connectors:read')")
	@Operation(operationId = "listConnectorTypes", summary = "Connector types with the fields of their connections")
	List<ConnectorType> types() {
		return this.types.all();
	}

	@GetMapping("/api/connector-types/{type}")
	@PreAuthorize("hasAuthority('connectors:read')")
	@Operation(operationId = "getConnectorType", summary = "One connector type's configuration form")
	ConnectorType type(@PathVariable String type) {
		return this.types.find(type).orElseThrow(() -> BrainProblem.notFound("Unknown connector type '" + type + "'."));
	}

	@GetMapping("/api/connectors")
	@PreAuthorize("hasAuthority('connectors:read')")
	@Operation(operationId = "listConnections", summary = "Your tenant's connections")
	List<Connection> list(CurrentUser user) {
		return this.connections.list(user);
	}

	@PostMapping("/api/connectors")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('connectors:write')")
	@Operation(operationId = "createConnection", summary = "Create a connection; secret fields are write-only")
	Connection create(@Valid @RequestBody ConnectionRequest request, CurrentUser user, HttpServletRequest http) {
		return this.connections.create(user, request, http.getParameterMap().keySet());
	}

	@GetMapping("/api/connectors/{id}")
	@PreAuthorize("hasAuthority('connectors:read')")
	@Operation(operationId = "getConnection", summary = "One connection; secret fields only as set or not")
	Connection get(@PathVariable UUID id, CurrentUser user) {
		return this.connections.get(user, id);
	}

	@PutMapping("/api/connectors/{id}")
	@PreAuthorize("hasAuthority('connectors:write')")
	@Operation(operationId = "updateConnection",
			summary = "Replace a connection's fields; a secret field left out keeps its value")
	Connection update(@PathVariable UUID id, @Valid @RequestBody ConnectionRequest request, CurrentUser user,
			HttpServletRequest http) {
		return this.connections.update(user, id, request, http.getParameterMap().keySet());
	}

	@PostMapping("/api/connectors/{id}/test")
	@PreAuthorize("hasAuthority('connectors:write')")
	@Operation(operationId = "testConnection",
			summary = "Test a connection with the provider; its status and message show the outcome")
	Connection test(@PathVariable UUID id, CurrentUser user, HttpServletRequest http) {
		Connection tested = this.connections.test(user, id);
		if (!"OK".equals(tested.status())) {
			// Answered 200 with the outcome, which the user sees as a failed test.
			this.audit.failed(http, tested.statusMessage());
		}
		return tested;
	}

	@PostMapping("/api/connectors/{id}/sync/{resource}")
	@PreAuthorize("hasAuthority('connectors:write')")
	@Operation(operationId = "syncConnection",
			summary = "Fetch a resource's records from the provider into Brain and count what changed: those changed "
					+ "since the last sync where the provider can tell, every record with full=true "
					+ "(which also drops records the provider deleted)")
	SyncSummary sync(@PathVariable UUID id, @PathVariable String resource,
			@RequestParam(defaultValue = "false") boolean full, CurrentUser user) {
		return this.connections.sync(user, id, resource, full);
	}

	@GetMapping("/api/connectors/{id}/records/{resource}")
	@PreAuthorize("hasAuthority('connectors:read')")
	@Operation(operationId = "listSyncedRecords", summary = "Records a connection's syncs stored, searched and paged")
	RecordPage records(@PathVariable UUID id, @PathVariable String resource, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size, CurrentUser user) {
		return this.connections.records(user, id, resource, q, page, size);
	}

	@DeleteMapping("/api/connectors/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@PreAuthorize("hasAuthority('connectors:write')")
	@Operation(operationId = "deleteConnection", summary = "Delete a connection and its secrets")
	void delete(@PathVariable UUID id, CurrentUser user) {
		this.connections.delete(user, id);
	}

}
