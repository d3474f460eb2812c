package io.brain.api.connector;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.brain.api.deployment.Deployment;
import io.brain.api.deployment.DeploymentService;
import io.brain.api.identity.CurrentUser;
import io.brain.api.problem.BrainProblem;
import io.brain.api.run.RunService;
import io.brain.core.tenant.TenantId;
import io.brain.core.tenant.TenantNamespace;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.CamundaFuture;
import io.camunda.client.api.command.ClientException;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.response.ProcessInstanceResult;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.grpc.Status;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a connector operation for a connection (its test, a sync) the one way the api
 * reaches providers: through Zeebe. A built-in process with the operation is deployed for
 * the tenant (once, while the engine knows it), run, and awaited; the engine workers make
 * the calls.
 */
@Component
class ConnectionProbe {

	static final Duration TIMEOUT = Duration.ofSeconds(60);

	/** How often a probe awaiting its run looks for the run's incident. */
	static final Duration FAILURE_CHECK_INTERVAL = Duration.ofMillis(100);

	/**
	 * The variable that marks a probe's run, so its incident can be found before the run
	 * ends; it is no input of the built-in process.
	 */
	static final String RUN_MARK = "brainProbe";

	private final DeploymentService deployments;

	private final CamundaClient zeebe;

	private final RunService runs;

	private final TransactionTemplate ownTransaction;

	/** The version of each built-in process this api deployed, by tenant and process. */
	private final Map<BuiltInProcess, Integer> versions = new ConcurrentHashMap<>();

	ConnectionProbe(DeploymentService deployments, CamundaClient zeebe, RunService runs,
			PlatformTransactionManager transactions) {
		this.deployments = deployments;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.zeebe = zeebe;
		this.runs = runs;
	}

	/**
	 * Runs the connector's test operation for a connection.
	 * @return whether the provider accepted the credentials, whether it was asked at all,
	 * and what it said
	 */
	Outcome test(CurrentUser user, ConnectorType type, UUID connection) {
		Map<String, Object> check = run(user, type, type.testOperation(),
				Map.of("connectionId", connection.toString()));
		return new Outcome(Boolean.TRUE.equals(check.get("ok")), !Boolean.FALSE.equals(check.get("checked")),
				String.valueOf(check.get("message")));
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
		BuiltInProcess process = new BuiltInProcess(user.tenant(), "brain-" + type.type() + "-" + operation);
		try {
			Map<String, Object> variables;
			int version = deployed(user, process, type, operation, input.keySet());
			try {
				variables = runToEnd(process, version, input, operation, type);
			}
			catch (ClientStatusException ex) {
				if (ex.getStatusCode() != Status.Code.NOT_FOUND) {
					throw ex;
				}
				// The engine no longer knows the process, e.g. after its data was reset.
				this.versions.remove(process, version);
				variables = runToEnd(process, deployed(user, process, type, operation, input.keySet()), input,
						operation, type);
			}
			if (variables.get("result") instanceof Map<?, ?> result) {
				@SuppressWarnings("unchecked")
				Map<String, Object> typed = (Map<String, Object>) result;
				return typed;
			}
			throw new BrainProblem(HttpStatus.BAD_GATEWAY, "The connector answered no result.");
		}
		catch (ClientException ex) {
			throw new BrainProblem(HttpStatus.GATEWAY_TIMEOUT, "The " + type.name() + " " + operation
					+ " did not finish within " + TIMEOUT.toSeconds() + " s; the engine workers may not be running.");
		}
	}

	/**
	 * The version of a built-in process the engine runs, deployed unless this api did so
	 * already. Probes racing to deploy it do no harm: the engine keeps one version of
	 * identical BPMN.
	 */
	private int deployed(CurrentUser user, BuiltInProcess process, ConnectorType type, String operation,
			Set<String> inputs) {
		Integer version = this.versions.get(process);
		if (version == null) {
			version = deploy(user, process, type, operation, inputs);
			this.versions.put(process, version);
		}
		return version;
	}

	private int deploy(CurrentUser user, BuiltInProcess process, ConnectorType type, String operation,
			Set<String> inputs) {
		BpmnModelInstance model = Bpmn.createExecutableProcess(process.id())
			.name(type.name() + ": " + operation)
			.startEvent()
			.serviceTask("operation", (task) -> {
				task.zeebeJobType(type.actions().get(0).jobType())
					.zeebeJobRetries("1")
					.zeebeTaskHeader("operation", operation)
					.zeebeTaskHeader("resultVariable", "result");
				// In a stable order: the same BPMN from every api instance and restart is
				// one version in the engine.
				inputs.stream().sorted().forEach((name) -> task.zeebeInputExpression(name, name));
			})
			.endEvent()
			.done();
		ByteArrayOutputStream xml = new ByteArrayOutputStream();
		Bpmn.writeModelToStream(xml, model);
		// Committed at once, not with the request: the workers look up the tenant of the
		// run
		// this request starts and awaits in the deployment registry.
		Deployment deployment = this.ownTransaction
			.execute((transaction) -> this.deployments.deploy(user, process.id() + ".bpmn", xml.toByteArray()));
		return deployment.processes().get(0).version();
	}

	/**
	 * Runs a built-in process by id and version rather than by definition key: keys
	 * restart when the engine's data is reset, so a remembered key could come to name
	 * another tenant's process, while the id stays the tenant's own. While it waits for
	 * the result, it looks for an incident of the run (marked with a variable, as its key
	 * is only known at its end), and answers at once when the run failed.
	 */
	private Map<String, Object> runToEnd(BuiltInProcess process, int version, Map<String, Object> input,
			String operation, ConnectorType type) {
		String mark = UUID.randomUUID().toString();
		Map<String, Object> variables = new HashMap<>(input);
		variables.put(RUN_MARK, mark);
		CamundaFuture<ProcessInstanceResult> result = this.zeebe.newCreateInstanceCommand()
			.bpmnProcessId(TenantNamespace.engineId(process.tenant(), process.id()))
			.version(version)
			.variables(variables)
			.withResult()
			.fetchVariables("result")
			.requestTimeout(TIMEOUT)
			.send();
		while (true) {
			try {
				return result.join(FAILURE_CHECK_INTERVAL.toMillis(), TimeUnit.MILLISECONDS).getVariablesAsMap();
			}
			catch (ClientException ex) {
				if (!(ex.getCause() instanceof TimeoutException)) {
					throw ex;
				}
			}
			Optional<RunService.FailedRun> failed = this.runs.failedRunWith(process.tenant(), RUN_MARK, mark);
			if (failed.isPresent()) {
				result.cancel(true);
				throw failed(type, operation, failed.get());
			}
		}
	}

	/** A run that stopped at an incident: what it says, and the run to look at. */
	private static BrainProblem failed(ConnectorType type, String operation, RunService.FailedRun run) {
		BrainProblem problem = new BrainProblem(HttpStatus.BAD_GATEWAY,
				"The " + type.name() + " " + operation + " failed: " + run.message() + " (run " + run.runId() + ")");
		problem.getBody().setProperty("runId", run.runId());
		return problem;
	}

	private record BuiltInProcess(TenantId tenant, String id) {
	}

	/**
	 * A connection test's outcome.
	 *
	 * @param ok whether the provider accepted the credentials
	 * @param checked whether it was asked: a test refused before any call (an address the
	 * SSRF rules refuse) checked no credentials
	 * @param message what the provider, or the refusal, said
	 */
	record Outcome(boolean ok, boolean checked, String message) {
	}

}
