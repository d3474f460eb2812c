package io.brain.core.deployment;

import java.time.Instant;

import io.brain.core.tenant.TenantId;

/**
 * One process definition that Brain deployed to the engine for a tenant.
 *
 * @param definitionId the engine's id of the definition
 * @param tenant the tenant that deployed it
 * @param processId the process id as the tenant named it in the BPMN
 * @param engineProcessId the tenant-namespaced process id in the engine
 * @param version the engine's version of the definition
 * @param deploymentId the engine's id of the deployment
 * @param resourceName the name of the deployed BPMN resource
 * @param deployedBy who deployed it
 * @param deployedAt when
 */
public record ProcessDeployment(String definitionId, TenantId tenant, String processId, String engineProcessId,
		int version, String deploymentId, String resourceName, String deployedBy, Instant deployedAt) {

}
