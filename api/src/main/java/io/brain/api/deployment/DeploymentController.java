package io.brain.api.deployment;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.brain.api.identity.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@SecurityRequirement(name = "bearer")
class DeploymentController {

	private final DeploymentService deployments;

	DeploymentController(DeploymentService deployments) {
		this.deployments = deployments;
	}

	@GetMapping("/api/process-templates")
	@PreAuthorize("hasAuthority('automations:read')")
	@Operation(operationId = "listProcessTemplates", summary = "BPMN templates shipped with Brain")
	List<ProcessTemplate> templates() {
		return this.deployments.templates();
	}

	@PostMapping("/api/process-templates/{templateId}/deployments")
	@PreAuthorize("hasAuthority('automations:deploy')")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "deployProcessTemplate", summary = "Deploy a shipped template for your tenant")
	Deployment deployTemplate(@PathVariable String templateId, CurrentUser user) {
		return this.deployments.deployTemplate(user, templateId);
	}

	@PostMapping("/api/deployments")
	@PreAuthorize("hasAuthority('automations:deploy')")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "deploy", summary = "Deploy BPMN for your tenant")
	Deployment deploy(@Valid @RequestBody DeployRequest request, CurrentUser user) {
		return this.deployments.deploy(user, request.resourceName(),
				request.bpmnXml().getBytes(StandardCharsets.UTF_8));
	}

	@GetMapping("/api/deployments")
	@PreAuthorize("hasAuthority('automations:read')")
	@Operation(operationId = "listDeployments", summary = "Process definitions deployed for your tenant")
	List<DeployedProcess> list(CurrentUser user) {
		return this.deployments.list(user);
	}

}
