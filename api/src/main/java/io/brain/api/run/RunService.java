package io.brain.api.run;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.brain.api.identity.CurrentUser;
import io.brain.api.problem.BrainProblem;
import io.brain.core.deployment.DeploymentRegistry;
import io.brain.core.deployment.ProcessDeployment;
import io.brain.core.tenant.TenantContext;
import io.brain.core.tenant.TenantId;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ProcessInstanceResult;
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
