package io.brain.api.connector;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.brain.api.deployment.Deployment;
import io.brain.api.deployment.DeploymentService;
import io.brain.api.identity.CurrentUser;
import io.brain.api.problem.BrainProblem;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientException;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Runs a connector operation for a connection (its test, a sync) the one way the api
 * reaches providers: through Zeebe. A built-in process with the operation is deployed for
 * the tenant, run, and awaited; the engine workers make the calls.
 */
@Component
class ConnectionProbe {

	static final Duration TIMEOUT = Duration.ofSeconds(60);

	private final DeploymentService deployments;

	private final CamundaClient zeebe;

	ConnectionProbe(DeploymentService deployments, CamundaClient zeebe) {
		this.deployments = deployments;
		this.zeebe = zeebe;
	}

	/**
	 * Runs the connector's test operation for a connection.
	 * @return whether the provider accepted the credentials, and what it said
	 */
	Outcome test(CurrentUser user, ConnectorType type, UUID connection) {
		Map<String, Object> check = run(user, type, type.testOperation(),
				Map.of("connectionId", connection.toString()));
		return new Outcome(Boolean.TRUE.equals(check.get("ok")), String.valueOf(check.get("message")));
	}

	/**
	 * Runs the connector's sync operation for one resource of a connection.
	 * @return the sync's counts
	 */
	Map<String, Object> sync(CurrentUser user, ConnectorType type, UUID connection, String resource, boolean full) {
		return run(user, type, "sync",
				Map.of("connectionId", connection.toString(), "resource", resource, "full", full));
	}

	private Map<String, Object> run(CurrentUser user, ConnectorType type, String operation, Map<String, Object> input) {
		String processId = "brain-" + type.type() + "-" + operation;
		BpmnModelInstance model = Bpmn.createExecutableProcess(processId)
			.name(type.name() + ": " + operation)
			.startEvent()
			.serviceTask("operation", (task) -> {
				task.zeebeJobType(type.actions().get(0).jobType())
					.zeebeJobRetries("1")
					.zeebeTaskHeader("operation", operation)
					.zeebeTaskHeader("resultVariable", "result");
				input.keySet().forEach((name) -> task.zeebeInputExpression(name, name));
			})
			.endEvent()
			.done();
		ByteArrayOutputStream xml = new ByteArrayOutputStream();
		Bpmn.writeModelToStream(xml, model);
		Deployment deployment = this.deployments.deploy(user, processId + ".bpmn", xml.toByteArray());
		long definition = Long.parseLong(deployment.processes().get(0).processDefinitionKey());
		try {
			Map<String, Object> variables = this.zeebe.newCreateInstanceCommand()
				.processDefinitionKey(definition)
				.variables(input)
				.withResult()
				.fetchVariables("result")
				.requestTimeout(TIMEOUT)
				.send()
				.join()
				.getVariablesAsMap();
			if (variables.get("result") instanceof Map<?, ?> result) {
				@SuppressWarnings("unchecked")
				Map<String, Object> typed = (Map<String, Object>) result;
				return typed;
			}
			throw new BrainProblem(HttpStatus.BAD_GATEWAY, "The connector answered no result.");
		}
		catch (ClientException ex) {
			throw new BrainProblem(HttpStatus.GATEWAY_TIMEOUT,
					"The " + type.name() + " " + operation + " did not finish within " + TIMEOUT.toSeconds()
							+ " s; its run shows why (an incident), or the engine workers are not running.");
		}
	}

	record Outcome(boolean ok, String message) {
	}

}
