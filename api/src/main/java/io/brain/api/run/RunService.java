package io.brain.api.run;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.brain.api.identity.CurrentUser;
import io.brain.api.input.InputText;
import io.brain.api.problem.BrainProblem;
import io.brain.api.problem.Paging;
import io.brain.core.deployment.DeploymentRegistry;
import io.brain.core.deployment.ProcessDeployment;
import io.brain.core.tenant.TenantId;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.CamundaFuture;
import io.camunda.client.api.command.ClientException;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.grpc.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.NonTransientDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The tenant's runs: started through Brain, read as the broker's exporter reports them
 * (see docs/decisions/0008-runs-from-the-exporter.md), retried and cancelled through the
 * engine. A run's id is the engine's process instance key, so runs Brain did not start
 * (timers, messages, parent runs) have one too.
 */
@Service
public class RunService {

	private static final Logger logger = LoggerFactory.getLogger(RunService.class);

	/** How long a start waits for the engine's answer unless the caller says. */
	private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

	private final CamundaClient zeebe;

	private final DeploymentRegistry deployments;

	private final RunRepository runs;

	private final RunHistory history;

	/** A savepoint within the caller's transaction (a transaction of its own without). */
	private final TransactionTemplate savepoint;

	RunService(CamundaClient zeebe, DeploymentRegistry deployments, RunRepository runs, RunHistory history,
			PlatformTransactionManager transactions) {
		this.zeebe = zeebe;
		this.deployments = deployments;
		this.runs = runs;
		this.history = history;
		this.savepoint = new TransactionTemplate(transactions);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
	}

	/**
	 * Starts a run of the latest deployed version of a process; the engine creates the
	 * instance before this returns.
	 */
	public Run start(CurrentUser user, StartRunRequest request) {
		return find(user, String.valueOf(createOrRefuse(user, request).processInstanceKey));
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
		Optional<Long> earlier = this.runs.runOfIdempotencyKey(tenant, idempotencyKey);
		if (earlier.isPresent()) {
			return new Started(find(user, String.valueOf(earlier.get())), true);
		}
		Created created = createOrRefuse(user, request);
		this.runs.rememberIdempotencyKey(tenant, idempotencyKey, created.runId());
		return new Started(find(user, String.valueOf(created.processInstanceKey())), false);
	}

	/**
	 * A run as a start request answered it.
	 *
	 * @param run the run
	 * @param replayed whether an earlier request with the same idempotency key started it
	 */
	public record Started(Run run, boolean replayed) {

	}

	/**
	 * Whether a run a caller is awaiting failed: its first open incident, found by a
	 * variable the caller gave the run when it started it (its key is only known once the
	 * run ends). Read from the exporter's rows, so an incident shows within moments.
	 * @param variable the variable's name
	 * @param value its text value, unique to the run
	 * @return the run's id and its incident's message, if it has one open
	 */
	public Optional<FailedRun> failedRunWith(TenantId tenant, String variable, String value) {
		return this.history.openIncidentOfRunWith(tenant, variable, value)
			.map((failed) -> new FailedRun(failed.runId(), failed.message()));
	}

	/**
	 * A run that stopped at an incident.
	 *
	 * @param runId the run's id
	 * @param message what the incident says
	 */
	public record FailedRun(String runId, String message) {

	}

	/**
	 * One run with its timeline, variables and incidents.
	 * @param id the run's id (its process instance key)
	 * @throws BrainProblem 404 when the tenant has no such run
	 */
	public Run find(CurrentUser user, String id) {
		TenantId tenant = user.tenant();
		long key = key(id);
		RunHistory.Found found = this.history.find(tenant, key).orElseThrow(() -> notFound(id));
		RunSummary run = found.summary();
		RunHistory.Variables variables = this.history.variables(tenant, key);
		return new Run(run.id(), run.automation(), run.version(), run.state(), run.start(), run.startedAt(),
				run.endedAt(), run.durationMs(), found.input(), variables.values(), variables.omitted(),
				this.history.steps(tenant, key), this.history.incidents(tenant, key));
	}

	/**
	 * The tenant's runs, the latest first.
	 * @param state only runs in this state, if given
	 * @param automation only runs of this automation (process id), if given
	 */
	public RunPage list(CurrentUser user, RunState state, String automation, int page, int size) {
		Paging.check(page, size);
		String only = (automation != null && !automation.isBlank()) ? automation.strip() : null;
		return this.history.page(user.tenant(), state, only, page, size);
	}

	/**
	 * Retries the failed steps of a run: each failed job gets more retries and each open
	 * incident is resolved, so the engine tries the step again.
	 * @throws BrainProblem 404 for an unknown run, 409 when nothing waits for a retry
	 */
	public RunActionAccepted retry(CurrentUser user, String id, RetryRunRequest request) {
		TenantId tenant = user.tenant();
		long key = key(id);
		this.history.find(tenant, key).orElseThrow(() -> notFound(id));
		List<RunIncident> open = this.history.incidents(tenant, key)
			.stream()
			.filter((incident) -> incident.state() == RunIncident.State.OPEN)
			.toList();
		if (open.isEmpty()) {
			throw new BrainProblem(HttpStatus.CONFLICT, "The run has no failed step to retry.");
		}
		List<String> resolved = new ArrayList<>();
		for (RunIncident incident : open) {
			try {
				if (incident.jobId() != null) {
					this.zeebe.newUpdateRetriesCommand(Long.parseLong(incident.jobId()))
						.retries(request.retries())
						.send()
						.join();
				}
				this.zeebe.newResolveIncidentCommand(Long.parseLong(incident.id())).send().join();
				resolved.add(incident.id());
			}
			catch (ClientStatusException ex) {
				// Resolved since the exporter wrote it: nothing left to do for this one.
				if (ex.getStatusCode() != Status.Code.NOT_FOUND) {
					throw engineProblem(ex);
				}
			}
			catch (ClientException ex) {
				throw engineProblem(ex);
			}
		}
		return new RunActionAccepted(id, "RETRY", resolved);
	}

	/**
	 * Cancels a run: the engine terminates its active steps.
	 * @throws BrainProblem 404 for an unknown run, 409 when it has ended
	 */
	public RunActionAccepted cancel(CurrentUser user, String id) {
		RunSummary run = this.history.find(user.tenant(), key(id)).orElseThrow(() -> notFound(id)).summary();
		if (run.state() == RunState.COMPLETED || run.state() == RunState.CANCELLED) {
			throw new BrainProblem(HttpStatus.CONFLICT, "The run has ended (" + run.state() + ").");
		}
		try {
			this.zeebe.newCancelInstanceCommand(key(id)).send().join();
		}
		catch (ClientStatusException ex) {
			if (ex.getStatusCode() == Status.Code.NOT_FOUND) {
				throw new BrainProblem(HttpStatus.CONFLICT, "The run has ended.");
			}
			throw engineProblem(ex);
		}
		catch (ClientException ex) {
			throw engineProblem(ex);
		}
		return new RunActionAccepted(id, "CANCEL", List.of());
	}

	/** Creates the instance, or answers 503 when the engine cannot take it now. */
	private Created createOrRefuse(CurrentUser user, StartRunRequest request) {
		try {
			return create(user, request, null);
		}
		catch (EngineUnavailableException ex) {
			logger.warn("The engine could not start a run: {}", ex.getMessage());
			throw new BrainProblem(HttpStatus.SERVICE_UNAVAILABLE,
					"The engine cannot start the run now; try again in a moment.");
		}
	}

	private Created create(CurrentUser user, StartRunRequest request, Duration timeout) {
		TenantId tenant = user.tenant();
		ProcessDeployment deployment = deployed(tenant, request.processId());
		BrainProblem unstorable = unstorable(request.variables());
		if (unstorable != null) {
			throw unstorable;
		}
		long instance;
		try {
			instance = send(deployment, request.variables(), timeout).join().getProcessInstanceKey();
		}
		catch (ClientException ex) {
			throw refusal(request.processId(), ex);
		}
		UUID id = UUID.randomUUID();
		this.runs.insert(tenant, List.of(new RunRepository.NewRun(id, deployment.processId(),
				deployment.processDefinitionKey(), instance, user.username(), Instant.now(), request.variables())));
		return new Created(id, instance);
	}

	/**
	 * Starts runs for a caller that tries again later what the engine cannot take now
	 * (the webhook dispatcher): one per set of variables, all of the latest deployed
	 * version of one process. The starts go to the engine together and each answer is
	 * awaited; the runs it created are recorded in the caller's transaction.
	 * @param timeout how long to wait for the engine's answers
	 * @return one outcome per set of variables, in their order
	 * @throws BrainProblem 404 when the process is not deployed
	 */
	public List<StartOutcome> startAllAccepted(CurrentUser user, String processId, List<Map<String, Object>> variables,
			Duration timeout) {
		TenantId tenant = user.tenant();
		ProcessDeployment deployment = deployed(tenant, processId);
		List<StartOutcome> outcomes = new ArrayList<>(variables.size());
		List<CamundaFuture<ProcessInstanceEvent>> sent = new ArrayList<>(variables.size());
		for (Map<String, Object> each : variables) {
			// Variables that cannot be stored as the run's input never reach the engine.
			BrainProblem unstorable = unstorable(each);
			outcomes.add((unstorable != null) ? new StartOutcome.NotStarted(unstorable) : null);
			sent.add((unstorable != null) ? null : send(deployment, each, timeout));
		}
		List<RunRepository.NewRun> started = new ArrayList<>(variables.size());
		List<Integer> positions = new ArrayList<>(variables.size());
		Instant now = Instant.now();
		for (int i = 0; i < sent.size(); i++) {
			if (sent.get(i) == null) {
				continue;
			}
			try {
				long instance = sent.get(i).join().getProcessInstanceKey();
				started.add(new RunRepository.NewRun(UUID.randomUUID(), deployment.processId(),
						deployment.processDefinitionKey(), instance, user.username(), now, variables.get(i)));
				positions.add(i);
				outcomes.set(i, new StartOutcome.Started(instance));
			}
			catch (ClientException ex) {
				outcomes.set(i, new StartOutcome.NotStarted(refusal(processId, ex)));
			}
		}
		record(tenant, started, positions, outcomes);
		return outcomes;
	}

	/**
	 * Records the runs the engine created, together when it can: should the database
	 * refuse one, it does not take the others with it, and a run whose record cannot be
	 * stored is cancelled in the engine and answered as not started, so its caller fails
	 * it instead of starting it again.
	 */
	private void record(TenantId tenant, List<RunRepository.NewRun> started, List<Integer> positions,
			List<StartOutcome> outcomes) {
		try {
			this.savepoint.executeWithoutResult((tx) -> this.runs.insert(tenant, started));
			return;
		}
		catch (NonTransientDataAccessException together) {
			logger.warn("Recording {} runs together failed; recording each alone: {}", started.size(),
					together.getMostSpecificCause().getMessage());
		}
		for (int i = 0; i < started.size(); i++) {
			RunRepository.NewRun run = started.get(i);
			try {
				this.savepoint.executeWithoutResult((tx) -> this.runs.insert(tenant, List.of(run)));
			}
			catch (NonTransientDataAccessException refused) {
				String reason = refused.getMostSpecificCause().getMessage();
				logger.error("Run {} could not be recorded, so it is cancelled: {}", run.processInstanceKey(), reason);
				cancelQuietly(run.processInstanceKey());
				outcomes.set(positions.get(i),
						new StartOutcome.NotStarted(new BrainProblem(HttpStatus.UNPROCESSABLE_ENTITY, "variables",
								"The run's input could not be stored, so the run was cancelled: " + reason)));
			}
		}
	}

	private void cancelQuietly(long processInstanceKey) {
		try {
			this.zeebe.newCancelInstanceCommand(processInstanceKey).send().join();
		}
		catch (ClientException ex) {
			logger.warn("Could not cancel run {}: {}", processInstanceKey, ex.getMessage());
		}
	}

	/** Why variables cannot be stored as a run's input, or null when they can. */
	private static BrainProblem unstorable(Map<String, Object> variables) {
		InputText.Refusal refusal = InputText.refusalIn(variables);
		if (refusal == null) {
			return null;
		}
		String field = refusal.field().isEmpty() ? "variables" : "variables." + refusal.field();
		return BrainProblem.badInput(field,
				"The variable '" + refusal.field() + "' " + refusal.reason() + ": a run cannot take it.");
	}

	/**
	 * How one of {@link #startAllAccepted} went.
	 */
	public sealed interface StartOutcome {

		/** The engine created the instance: the run's id is its key. */
		record Started(long runId) implements StartOutcome {
		}

		/**
		 * The engine did not start it: an {@link EngineUnavailableException} when it may
		 * later, a {@link BrainProblem} when it refused.
		 */
		record NotStarted(RuntimeException reason) implements StartOutcome {
		}

	}

	private ProcessDeployment deployed(TenantId tenant, String processId) {
		return this.deployments.latest(tenant, processId)
			.orElseThrow(() -> new BrainProblem(HttpStatus.NOT_FOUND, "processId",
					"No process '" + processId + "' is deployed for your tenant."));
	}

	private CamundaFuture<ProcessInstanceEvent> send(ProcessDeployment deployment, Map<String, Object> variables,
			Duration timeout) {
		return this.zeebe.newCreateInstanceCommand()
			.processDefinitionKey(deployment.processDefinitionKey())
			.variables(variables)
			.requestTimeout((timeout != null) ? timeout : DEFAULT_TIMEOUT)
			.send();
	}

	/**
	 * What a failed start means: a {@link BrainProblem} for the caller, or an
	 * {@link EngineUnavailableException} when the same start may succeed later.
	 */
	private static RuntimeException refusal(String processId, ClientException ex) {
		if (ex instanceof ClientStatusException status) {
			if (status.getStatusCode() == Status.Code.NOT_FOUND) {
				return new BrainProblem(HttpStatus.CONFLICT, "processId",
						"The engine does not know process '" + processId + "' (its data was reset?): deploy it again.");
			}
			if (status.getStatusCode() == Status.Code.INVALID_ARGUMENT) {
				return BrainProblem.badInput("variables", "The engine refused the variables: " + ex.getMessage());
			}
		}
		// No status: the request did not reach the gateway (connection, channel).
		return EngineUnavailableException.isTransient(ex) ? EngineUnavailableException.of("the start", ex)
				: engineProblem(ex);
	}

	private static BrainProblem engineProblem(ClientException ex) {
		logger.warn("The engine refused a run command: {}", ex.getMessage());
		if (ex instanceof ClientStatusException status && status.getStatusCode() == Status.Code.RESOURCE_EXHAUSTED) {
			return new BrainProblem(HttpStatus.SERVICE_UNAVAILABLE, "The engine is busy: try again in a moment.");
		}
		return new BrainProblem(HttpStatus.SERVICE_UNAVAILABLE, "The engine did not accept the command: "
				+ ((ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName()));
	}

	private static long key(String id) {
		try {
			long key = Long.parseLong(id);
			if (key > 0) {
				return key;
			}
		}
		catch (NumberFormatException ex) {
			// not a run id
		}
		throw notFound(id);
	}

	private static BrainProblem notFound(String id) {
		return BrainProblem.notFound("No run " + id + ".");
	}

	private record Created(UUID runId, long processInstanceKey) {

	}

}
