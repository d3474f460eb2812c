package io.brain.api.run;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.brain.api.identity.CurrentUser;
import io.brain.api.problem.BrainProblem;
import io.brain.core.deployment.DeploymentRegistry;
import io.brain.core.deployment.ProcessDeployment;
import io.brain.core.tenant.TenantContext;
import io.brain.core.tenant.TenantId;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientException;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.client.api.response.ProcessInstanceResult;
import io.grpc.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Starts runs of a tenant's deployed processes and follows each to its end.
 * <p>
 * The api asks Zeebe for the instance's result and records the outcome when it arrives. A
 * run still active when the api stops, or longer than {@code brain.runs.result-timeout},
 * stays ACTIVE here; the Runs page fed by the broker's exporter replaces this tracking.
 */
@Service
public class RunService {

	private static final Logger logger = LoggerFactory.getLogger(RunService.class);

	/** Answers after which the engine did not start the instance, and may later. */
	private static final Set<Status.Code> RETRYABLE = Set.of(Status.Code.UNAVAILABLE, Status.Code.RESOURCE_EXHAUSTED,
			Status.Code.DEADLINE_EXCEEDED, Status.Code.ABORTED, Status.Code.CANCELLED);

	private final CamundaClient zeebe;

	private final DeploymentRegistry deployments;

	private final RunRepository runs;

	private final RunProperties properties;

	RunService(CamundaClient zeebe, DeploymentRegistry deployments, RunRepository runs, RunProperties properties) {
		this.zeebe = zeebe;
		this.deployments = deployments;
		this.runs = runs;
		this.properties = properties;
	}

	public Run start(CurrentUser user, StartRunRequest request) {
		TenantId tenant = user.tenant();
		ProcessDeployment deployment = this.deployments.latest(tenant, request.processId())
			.orElseThrow(() -> new BrainProblem(org.springframework.http.HttpStatus.NOT_FOUND, "processId",
					"No process '" + request.processId() + "' is deployed for your tenant."));
		Run run = new Run(UUID.randomUUID(), deployment.processId(), String.valueOf(deployment.processDefinitionKey()),
				null, RunState.ACTIVE, user.username(), Instant.now(), null, null, request.variables(), null);
		this.runs.insert(tenant, run);
		Runnable send = () -> this.zeebe.newCreateInstanceCommand()
			.processDefinitionKey(deployment.processDefinitionKey())
			.variables(request.variables())
			.withResult()
			.requestTimeout(this.properties.resultTimeout())
			.send()
			.whenComplete((result, failure) -> finish(tenant, run.id(), result, failure));
		// Inside a transaction the run row is not visible to the completion until it
		// commits.
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					send.run();
				}
			});
		}
		else {
			send.run();
		}
		return run;
	}

	/**
	 * Starts a run and waits until the engine has accepted its instance (not until it
	 * ends), so the caller knows the start happened before it commits. The run row is
	 * written in the caller's transaction: rolled back with it, no run remains.
	 * @param timeout how long to wait for the engine's answer
	 * @return the run, with the engine's instance key
	 * @throws EngineUnavailableException when the engine could not take the start now
	 * (unreachable, back-pressure, timeout): the caller may try again later
	 * @throws BrainProblem 404 when the process is not deployed
	 */
	public Run startAccepted(CurrentUser user, StartRunRequest request, Duration timeout) {
		TenantId tenant = user.tenant();
		ProcessDeployment deployment = this.deployments.latest(tenant, request.processId())
			.orElseThrow(() -> new BrainProblem(org.springframework.http.HttpStatus.NOT_FOUND, "processId",
					"No process '" + request.processId() + "' is deployed for your tenant."));
		Run run = new Run(UUID.randomUUID(), deployment.processId(), String.valueOf(deployment.processDefinitionKey()),
				null, RunState.ACTIVE, user.username(), Instant.now(), null, null, request.variables(), null);
		this.runs.insert(tenant, run);
		ProcessInstanceEvent instance;
		try {
			instance = this.zeebe.newCreateInstanceCommand()
				.processDefinitionKey(deployment.processDefinitionKey())
				.variables(request.variables())
				.requestTimeout(timeout)
				.send()
				.join();
		}
		catch (ClientStatusException ex) {
			if (RETRYABLE.contains(ex.getStatusCode())) {
				throw new EngineUnavailableException(
						"Zeebe could not take the start now (" + ex.getStatusCode() + "): " + describe(ex), ex);
			}
			throw ex;
		}
		catch (ClientException ex) {
			// No status: the request did not reach the gateway (connection, channel).
			throw new EngineUnavailableException("Zeebe is unreachable: " + describe(ex), ex);
		}
		this.runs.accepted(tenant, run.id(), instance.getProcessInstanceKey());
		return new Run(run.id(), run.processId(), run.processDefinitionKey(),
				String.valueOf(instance.getProcessInstanceKey()), run.state(), run.startedBy(), run.startedAt(), null,
				null, run.input(), null);
	}

	/**
	 * Starts a run unless one was started with the same idempotency key before, which it
	 * then answers instead.
	 * @param idempotencyKey the caller's key for this start; {@code null} for none
	 * @return the run, and whether it was started before
	 */
	@Transactional
	public Started startOnce(CurrentUser user, StartRunRequest request, String idempotencyKey) {
		if (idempotencyKey == null) {
			return new Started(start(user, request), false);
		}
		TenantId tenant = user.tenant();
		this.runs.lockIdempotencyKey(tenant, idempotencyKey);
		Optional<UUID> earlier = this.runs.runOfIdempotencyKey(tenant, idempotencyKey);
		if (earlier.isPresent()) {
			return new Started(find(user, earlier.get()), true);
		}
		Run run = start(user, request);
		this.runs.rememberIdempotencyKey(tenant, idempotencyKey, run.id());
		return new Started(run, false);
	}

	/**
	 * A run as a start request answered it.
	 *
	 * @param run the run
	 * @param replayed whether an earlier request with the same idempotency key started it
	 */
	public record Started(Run run, boolean replayed) {

	}

	public Run find(CurrentUser user, UUID id) {
		return this.runs.find(user.tenant(), id).orElseThrow(() -> BrainProblem.notFound("No run " + id + "."));
	}

	public List<Run> recent(CurrentUser user, int limit) {
		return this.runs.recent(user.tenant(), Math.clamp(limit, 1, 200));
	}

	private void finish(TenantId tenant, UUID id, ProcessInstanceResult result, Throwable failure) {
		TenantContext.run(tenant.value(), () -> record(tenant, id, result, failure));
	}

	private void record(TenantId tenant, UUID id, ProcessInstanceResult result, Throwable failure) {
		try {
			if (failure == null) {
				this.runs.completed(tenant, id, result.getProcessInstanceKey(), result.getVariablesAsMap());
			}
			else {
				logger.warn("Run {} of tenant {} did not complete: {}", id, tenant, failure.getMessage());
				this.runs.failed(tenant, id, describe(failure));
			}
		}
		catch (RuntimeException ex) {
			logger.error("Could not record the end of run {} of tenant {}", id, tenant, ex);
		}
	}

	private static String describe(Throwable failure) {
		Throwable cause = (failure.getCause() != null) ? failure.getCause() : failure;
		return (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getSimpleName();
	}

}
