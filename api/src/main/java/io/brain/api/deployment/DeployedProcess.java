package io.brain.api.deployment;

import java.time.Instant;

import io.brain.core.deployment.ProcessDeployment;

/**
 * A process definition deployed for the caller's tenant.
 *
 * @param processId the process id as written in the BPMN
 * @param version the engine's version of it
 * @param definitionId the engine's id of the definition
 * @param resourceName the BPMN file it came from
 * @param deployedBy who deployed it
 * @param deployedAt when
 */
public record DeployedProcess(String processId, int version, String definitionId, String resourceName,
		String deployedBy, Instant deployedAt) {

	static DeployedProcess of(ProcessDeployment deployment) {
		return new DeployedProcess(deployment.processId(), deployment.version(), deployment.definitionId(),
				deployment.resourceName(), deployment.deployedBy(), deployment.deployedAt());
	}

}
