package io.brain.api.deployment;

import java.util.List;

/**
 * The outcome of one deployment.
 *
 * @param deploymentKey the engine's key of the deployment
 * @param processes the process definitions it created or found unchanged
 */
public record Deployment(String deploymentKey, List<DeployedProcess> processes) {

}
