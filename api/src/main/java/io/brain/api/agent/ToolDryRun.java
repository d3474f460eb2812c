package io.brain.api.agent;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.brain.api.connector.ConnectorType;

/**
 * What one of an agent's tools would do with sample input, without doing it: nothing is
 * sent to the provider, whatever the tool's access.
 *
 * @param tool the tool's name as the model sees it
 * @param description the tool as the model is told it
 * @param inputs the inputs the model is told it takes
 * @param connector the connector of the tool's action
 * @param action the action
 * @param access READ or WRITE, as the connector catalog says
 * @param requiresApproval whether a person approves each call before it runs
 * @param connectionId the connection it is bound to
 * @param connectionName that connection's name
 * @param wouldSend the variables the run's step would give the action: the input, with
 * the bound connection by name
 * @param dropped inputs of the sample Brain sets itself and drops (the model never names
 * a connection)
 * @param sent always false: a dry run sends nothing
 */
public record ToolDryRun(String tool, String description, List<ConnectorType.Input> inputs, String connector,
		String action, String access, boolean requiresApproval, UUID connectionId, String connectionName,
		Map<String, Object> wouldSend, List<String> dropped, boolean sent) {

}
