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
 * Tests a connection's credentials the one way the api reaches providers: through Zeebe.
 * A built-in process with the connector's test operation is deployed for the tenant, run,
 * and awaited; the engine workers make the call.
 */
@Component
class ConnectionProbe {

	static final Duration TIMEOUT = Duration.ofSeconds(30);

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
	Outcome run(CurrentUser user, ConnectorType type, UUID connection) {
		String processId = "brain-connection-test-" + type.type();
		BpmnModelInstance model = Bpmn.createExecutableProcess(processId)
			.name("Test a " + type.name() + " connection")
			.startEvent()
			.serviceTask("test",
					(task) -> task.zeebeJobType(type.actions().get(0).jobType())
						.zeebeJobRetries("1")
						.zeebeTaskHeader("operation", type.testOperation())
						.zeebeTaskHeader("resultVariable", "check")
						.zeebeInputExpression("connectionId", "connectionId"))
			.endEvent()
			.done();
		ByteArrayOutputStream xml = new ByteArrayOutputStream();
		Bpmn.writeModelToStream(xml, model);
		Deployment deployment = this.deployments.deploy(user, processId + ".bpmn", xml.toByteArray());
		long definition = Long.parseLong(deployment.processes().get(0).processDefinitionKey());
		try {
			Map<String, Object> variables = this.zeebe.newCreateInstanceCommand()
				.processDefinitionKey(definition)
				.variables(Map.of("connectionId", connection.toString()))
				.withResult()
				.requestTimeout(TIMEOUT)
				.send()
				.join()
				.getVariablesAsMap();
			if (variables.get("check") instanceof Map<?, ?> check) {
				return new Outcome(Boolean.TRUE.equals(check.get("ok")), String.valueOf(check.get("message")));
			}
			return new Outcome(false, "The connector answered no test result.");
		}
		catch (ClientException ex) {
			throw new BrainProblem(HttpStatus.GATEWAY_TIMEOUT,
					"The engine workers did not finish the connection test within " + TIMEOUT.toSeconds()
							+ " s; check that they are running.");
		}
	}

	record Outcome(boolean ok, String message) {
	}

}
