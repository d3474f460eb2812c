package io.brain.api.connector;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.UUID;

import io.brain.api.deployment.Deployment;
import io.brain.api.deployment.DeploymentService;
import io.brain.api.identity.CurrentUser;
import io.brain.api.problem.BrainProblem;
import io.brain.core.tenant.TenantId;
import io.brain.engine.Engine;
import io.brain.engine.EngineException;
import io.brain.engine.RunHistory;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a connector operation for a connection (its test, a sync) the one way the api
 * reaches providers: through the engine. A built-in process with the operation is
 * deployed for the tenant (once, while the engine knows it), run, and awaited; the engine
 * workers make the calls.
 */
@Component
class ConnectionProbe {

	static final Duration TIMEOUT = Duration.ofSeconds(60);

	/** How often a probe awaiting its run looks at where the run is. */
	static final Duration CHECK_INTERVAL = Duration.ofMillis(100);

	private final DeploymentService deployments;

	private final Engine engine;

	private final RunHistory history;

	private final TransactionTemplate ownTransaction;

	/** The version of each built-in process this api deployed, by tenant and process. */
	private final Map<BuiltInProcess, Integer> versions = new ConcurrentHashMap<>();

	ConnectionProbe(DeploymentService deployments, Engine engine, RunHistory history,
			PlatformTransactionManager transactions) {
		this.deployments = deployments;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.engine = engine;
		this.history = history;
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
		Map<String, Object> variables;
		int version = deployed(user, process, type, operation, input.keySet());
		try {
			variables = runToEnd(process, input, operation, type);
		}
		catch (EngineException ex) {
			if (ex.kind() != EngineException.Kind.NOT_FOUND) {
				throw new BrainProblem(HttpStatus.SERVICE_UNAVAILABLE,
						"The engine could not run the " + type.name() + " " + operation + " now: " + ex.getMessage());
			}
			// The engine no longer knows the process, e.g. after its data was reset.
			this.versions.remove(process, version);
			deployed(user, process, type, operation, input.keySet());
			variables = runToEnd(process, input, operation, type);
		}
		if (variables.get("result") instanceof Map<?, ?> result) {
			@SuppressWarnings("unchecked")
			Map<String, Object> typed = (Map<String, Object>) result;
			return typed;
		}
		throw new BrainProblem(HttpStatus.BAD_GATEWAY, "The connector answered no result.");
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
		// run this request starts and awaits in the deployment registry.
		Deployment deployment = this.ownTransaction
			.execute((transaction) -> this.deployments.deploy(user, process.id() + ".bpmn", xml.toByteArray()));
		return deployment.processes().get(0).version();
	}

	/**
	 * Runs the tenant's built-in process and awaits its end: answers its variables when
	 * it completes, and at once when it stops at an incident or is cancelled.
	 */
	private Map<String, Object> runToEnd(BuiltInProcess process, Map<String, Object> input, String operation,
			ConnectorType type) {
		// Committed at once, not with the request: the workers take the run's step as
		// soon as it exists, and this request awaits its end.
		String runId = this.ownTransaction
			.execute((transaction) -> this.engine.start(process.tenant(), process.id(), new HashMap<>(input), null))
			.runId();
		Instant deadline = Instant.now().plus(TIMEOUT);
		while (Instant.now().isBefore(deadline)) {
			// Where the run is, every check; the whole run only once it has stopped.
			Optional<RunHistory.Summary> run = this.history.summary(process.tenant(), runId);
			if (run.isPresent()) {
				switch (run.get().state()) {
					case COMPLETED:
						return ended(process, runId).variables();
					case INCIDENT:
						throw failed(type, operation, runId,
								ended(process, runId).incidents()
									.stream()
									.filter(RunHistory.Incident::open)
									.map(RunHistory.Incident::message)
									.findFirst()
									.orElse("an incident"));
					case CANCELLED:
						throw new BrainProblem(HttpStatus.BAD_GATEWAY,
								"The " + type.name() + " " + operation + " was cancelled (run " + runId + ").");
					default:
						break;
				}
			}
			try {
				Thread.sleep(CHECK_INTERVAL);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		throw new BrainProblem(HttpStatus.GATEWAY_TIMEOUT, "The " + type.name() + " " + operation
				+ " did not finish within " + TIMEOUT.toSeconds() + " s; the engine workers may not be running.");
	}

	private RunHistory.Run ended(BuiltInProcess process, String runId) {
		return this.history.run(process.tenant(), runId).orElseThrow();
	}

	/** A run that stopped at an incident: what it says, and the run to look at. */
	private static BrainProblem failed(ConnectorType type, String operation, String runId, String message) {
		BrainProblem problem = new BrainProblem(HttpStatus.BAD_GATEWAY,
				"The " + type.name() + " " + operation + " failed: " + message + " (run " + runId + ")");
		problem.getBody().setProperty("runId", runId);
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
