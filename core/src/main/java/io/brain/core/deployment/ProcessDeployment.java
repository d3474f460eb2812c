package io.brain.core.deployment;

import java.time.Instant;

import io.brain.core.tenant.TenantId;

/**
 * One process definition that Brain deployed to Zeebe for a tenant.
 *
 * @param processDefinitionKey the engine's key of the definition
 * @param tenant the tenant that deployed it
 * @param processId the process id as the tenant named it in the BPMN
 * @param engineProcessId the tenant-namespaced process id in the engine
 * @param version the engine's version of the definition
 * @param deploymentKey the engine's key of the deployment
 * @param resourceName the name of the deployed BPMN resource
 * @param deployedBy who deployed it
 * @param deployedAt when
 */
public record ProcessDeployment(long processDefinitionKey, TenantId tenant, String processId, String engineProcessId,
		int version, long deploymentKey, String resourceName, String deployedBy, Instant deployedAt) {

}
