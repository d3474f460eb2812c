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
import io.brain.core.tenant.TenantId;
import io.brain.engine.Engine;
import io.brain.engine.EngineException;
import io.brain.engine.RunHistory;
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
 * The tenant's runs: started through Brain, read as the engine's run history tells them,
 * retried and cancelled through the engine. A run's id is the engine's, so runs Brain did
 * not start (timers, messages, parent runs) have one too.
 */
@Service
public class RunService {

	private static final Logger logger = LoggerFactory.getLogger(RunService.class);

	private final Engine engine;

	private final RunHistory history;

	private final RunRepository runs;

	/** A savepoint within the caller's transaction (a transaction of its own without). */
	private final TransactionTemplate savepoint;

	RunService(Engine engine, RunHistory history, RunRepository runs, PlatformTransactionManager transactions) {
		this.engine = engine;
		this.history = history;
		this.runs = runs;
		this.savepoint = new TransactionTemplate(transactions);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
	}

	/**
	 * Starts a run of the latest deployed version of a process; the engine creates the
	 * instance before this returns.
	 */
	public Run start(CurrentUser user, StartRunRequest request) {
		return find(user, createOrRefuse(user, request, null).runId());
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
		Optional<String> earlier = this.runs.runOfIdempotencyKey(tenant, idempotencyKey);
		if (earlier.isEmpty() && !this.engine.joinsTransactions()) {
			// Camunda 8 takes the start apart from this transaction: an earlier start the
			// api died after, or whose answer was lost, may have its run already.
			earlier = this.engine.startedWith(tenant, idempotencyKey).map(Engine.RunStarted::runId);
		}
		if (earlier.isPresent()) {
			return new Started(find(user, earlier.get()), true);
		}
		RunRepository.NewRun created = createOrRefuse(user, request, idempotencyKey);
		this.runs.rememberIdempotencyKey(tenant, idempotencyKey, created.id());
		return new Started(find(user, created.runId()), false);
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
	 * One run with its timeline, variables and incidents.
	 * @param id the run's id
	 * @throws BrainProblem 404 when the tenant has no such run
	 */
	public Run find(CurrentUser user, String id) {
		TenantId tenant = user.tenant();
		RunHistory.Run run = this.history.run(tenant, checked(id)).orElseThrow(() -> notFound(id));
		RunRepository.Started started = this.runs.started(tenant, List.of(id)).get(id);
		RunSummary summary = summary(run.summary(), started);
		return new Run(summary.id(), summary.automation(), summary.version(), summary.state(), summary.start(),
				summary.startedAt(), summary.endedAt(), summary.durationMs(),
				(started != null) ? started.input() : null, run.variables(), run.omittedVariables(),
				run.steps().stream().map(RunService::step).toList(),
				run.incidents().stream().map(RunService::incident).toList());
	}

	/**
	 * The tenant's runs, the latest first.
	 * @param state only runs in this state, if given
	 * @param automation only runs of this automation (process id), if given
	 */
	public RunPage list(CurrentUser user, RunState state, String automation, int page, int size) {
		Paging.check(page, size);
		TenantId tenant = user.tenant();
		Optional<String> only = Optional.ofNullable(automation).map(String::strip).filter((id) -> !id.isEmpty());
		RunHistory.Page found = this.history.runs(tenant, new RunHistory.Query(only,
				Optional.ofNullable(state).map((wanted) -> RunHistory.State.valueOf(wanted.name())), page, size));
		Map<String, RunRepository.Started> started = this.runs.started(tenant,
				found.items().stream().map(RunHistory.Summary::id).toList());
		return new RunPage(found.items().stream().map((run) -> summary(run, started.get(run.id()))).toList(), page,
				size, found.total());
	}

	/**
	 * Retries the failed steps of a run: each gets more retries and its incident is
	 * resolved, so the engine tries the step again.
	 * @throws BrainProblem 404 for an unknown run, 409 when nothing waits for a retry
	 */
	public RunActionAccepted retry(CurrentUser user, String id, RetryRunRequest request) {
		TenantId tenant = user.tenant();
		RunHistory.Run run = this.history.run(tenant, checked(id)).orElseThrow(() -> notFound(id));
		List<String> open = run.incidents()
			.stream()
			.filter(RunHistory.Incident::open)
			.map(RunHistory.Incident::id)
			.toList();
		if (open.isEmpty()) {
			throw new BrainProblem(HttpStatus.CONFLICT, "The run has no failed step to retry.");
		}
		try {
			this.engine.retry(tenant, id, request.retries());
		}
		catch (EngineException ex) {
			throw engineProblem(ex);
		}
		return new RunActionAccepted(id, "RETRY", open);
	}

	/**
	 * Cancels a run: the engine terminates its active steps.
	 * @throws BrainProblem 404 for an unknown run, 409 when it has ended
	 */
	public RunActionAccepted cancel(CurrentUser user, String id) {
		TenantId tenant = user.tenant();
		RunHistory.Summary run = this.history.summary(tenant, checked(id)).orElseThrow(() -> notFound(id));
		if (run.state().ended()) {
			throw new BrainProblem(HttpStatus.CONFLICT, "The run has ended (" + run.state() + ").");
		}
		boolean cancelled;
		try {
			cancelled = this.engine.cancel(tenant, id);
		}
		catch (EngineException ex) {
			throw engineProblem(ex);
		}
		if (!cancelled) {
			throw new BrainProblem(HttpStatus.CONFLICT, "The run has ended.");
		}
		return new RunActionAccepted(id, "CANCEL", List.of());
	}

	/** Creates the instance and records it, or answers why not. */
	private RunRepository.NewRun createOrRefuse(CurrentUser user, StartRunRequest request, String startKey) {
		BrainProblem unstorable = unstorable(request.variables());
		if (unstorable != null) {
			throw unstorable;
		}
		RunRepository.NewRun run;
		try {
			run = create(user.tenant(), user.username(), request.processId(), request.variables(), null, Instant.now());
		}
		catch (EngineException ex) {
			throw refusal(request.processId(), ex);
		}
		this.runs.insert(user.tenant(), List.of(run));
		return run;
	}

	private RunRepository.NewRun create(TenantId tenant, String startedBy, String processId,
			Map<String, Object> variables, String startKey, Instant now) {
		Engine.RunStarted started = this.engine.start(tenant, processId, variables, startKey);
		return new RunRepository.NewRun(UUID.randomUUID(), processId, started.definitionId(), started.runId(),
				startedBy, now, variables);
	}

	/**
	 * Starts runs for Brain's own background work (the webhook dispatcher), which tries
	 * again later what the engine cannot take now: one per start, all of the latest
	 * deployed version of one process. On an engine that joins transactions the runs
	 * start, and are recorded, in the caller's transaction.
	 * @param startedBy who the Runs page says started them ({@code webhook:<listener>})
	 * @return one outcome per start, in their order
	 */
	public List<StartOutcome> startAll(TenantId tenant, String processId, String startedBy,
			List<BackgroundStart> starts) {
		List<StartOutcome> outcomes = new ArrayList<>(starts.size());
		List<RunRepository.NewRun> started = new ArrayList<>(starts.size());
		List<Integer> positions = new ArrayList<>(starts.size());
		Instant now = Instant.now();
		for (BackgroundStart start : starts) {
			// Variables that cannot be stored as the run's input never reach the engine.
			BrainProblem unstorable = unstorable(start.variables());
			if (unstorable != null) {
				outcomes.add(new StartOutcome.Refused(unstorable.getBody().getDetail()));
				continue;
			}
			try {
				RunRepository.NewRun run = create(tenant, startedBy, processId, start.variables(), start.startKey(),
						now);
				started.add(run);
				positions.add(outcomes.size());
				outcomes.add(new StartOutcome.Started(run.runId()));
			}
			catch (EngineException ex) {
				outcomes.add(ex.isTransient() ? new StartOutcome.EngineAway(ex)
						: new StartOutcome.Refused(refusal(processId, ex).getBody().getDetail()));
			}
		}
		record(tenant, started, positions, outcomes);
		return outcomes;
	}

	/**
	 * A run Brain's own background work starts.
	 *
	 * @param variables the run's input
	 * @param startKey what starts it, unique in the tenant ({@code webhook:<delivery>}):
	 * the run carries it, so a start whose answer was lost is found before it is tried
	 * again
	 */
	public record BackgroundStart(Map<String, Object> variables, String startKey) {
	}

	/**
	 * Records the runs the engine created, together when it can: should the database
	 * refuse one, it does not take the others with it, and a run whose record cannot be
	 * stored is cancelled in the engine and answered as refused, so its caller fails it
	 * instead of starting it again.
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
				logger.error("Run {} could not be recorded, so it is cancelled: {}", run.runId(), reason);
				cancelQuietly(tenant, run.runId());
				outcomes.set(positions.get(i), new StartOutcome.Refused(
						"The run's input could not be stored, so the run was cancelled: " + reason));
			}
		}
	}

	private void cancelQuietly(TenantId tenant, String runId) {
		try {
			this.engine.cancel(tenant, runId);
		}
		catch (RuntimeException ex) {
			// Its delivery fails all the same; the run is left for an operator to cancel.
			logger.warn("Could not cancel run {}: {}", runId, ex.getMessage());
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

	/** How one of {@link #startAll} went. */
	public sealed interface StartOutcome {

		/** The engine created the run. */
		record Started(String runId) implements StartOutcome {
		}

		/** It will not start as it is: why, in words for the user. */
		record Refused(String reason) implements StartOutcome {
		}

		/** The engine cannot take it now (unreachable, busy): it may later. */
		record EngineAway(EngineException reason) implements StartOutcome {
		}

	}

	/** What a failed start means for the caller. */
	private static BrainProblem refusal(String processId, EngineException ex) {
		return switch (ex.kind()) {
			case NOT_FOUND -> new BrainProblem(HttpStatus.NOT_FOUND, "processId",
					"No process '" + processId + "' is deployed for your tenant.");
			case REFUSED -> BrainProblem.badInput("variables", "The engine refused the variables: " + ex.getMessage());
			case UNAVAILABLE, BUSY -> {
				logger.warn("The engine could not start a run: {}", ex.getMessage());
				yield new BrainProblem(HttpStatus.SERVICE_UNAVAILABLE,
						"The engine cannot start the run now; try again in a moment.");
			}
		};
	}

	private static BrainProblem engineProblem(EngineException ex) {
		logger.warn("The engine refused a run command: {}", ex.getMessage());
		if (ex.kind() == EngineException.Kind.NOT_FOUND) {
			return new BrainProblem(HttpStatus.CONFLICT, "The run has ended.");
		}
		return new BrainProblem(HttpStatus.SERVICE_UNAVAILABLE,
				(ex.kind() == EngineException.Kind.BUSY) ? "The engine is busy: try again in a moment."
						: "The engine did not accept the command: " + ex.getMessage());
	}

	private static RunSummary summary(RunHistory.Summary run, RunRepository.Started started) {
		Long duration = (run.startedAt() != null && run.endedAt() != null)
				? Duration.between(run.startedAt(), run.endedAt()).toMillis() : null;
		return new RunSummary(run.id(), run.processId(), (run.version() > 0) ? run.version() : null,
				RunState.valueOf(run.state().name()), start(run, started), run.startedAt(), run.endedAt(), duration,
				run.openIncidents());
	}

	private static RunStart start(RunHistory.Summary run, RunRepository.Started started) {
		if (started != null) {
			return new RunStart(RunStart.Kind.BRAIN, started.startedBy());
		}
		return switch (run.startKind()) {
			case PARENT_RUN -> new RunStart(RunStart.Kind.PARENT_RUN, run.parentRunId());
			case TIMER -> new RunStart(RunStart.Kind.TIMER, null);
			case MESSAGE -> new RunStart(RunStart.Kind.MESSAGE, null);
			case SIGNAL -> new RunStart(RunStart.Kind.SIGNAL, null);
			case COMMAND -> new RunStart(RunStart.Kind.ENGINE, null);
		};
	}

	private static RunStep step(RunHistory.Step step) {
		Long duration = (step.startedAt() != null && step.endedAt() != null)
				? Duration.between(step.startedAt(), step.endedAt()).toMillis() : null;
		RunHistory.Task task = step.task();
		return new RunStep(step.id(), step.elementId(), step.name(), step.type(), step.eventType(),
				RunStep.Outcome.valueOf(step.outcome().name()), step.startedAt(), step.endedAt(), duration,
				(task != null)
						? new RunStep.Job(task.id(), task.type(), task.state(), task.retriesLeft(), task.errorMessage())
						: null);
	}

	private static RunIncident incident(RunHistory.Incident incident) {
		return new RunIncident(incident.id(), incident.stepId(), incident.elementId(), incident.type(),
				incident.message(), incident.open() ? RunIncident.State.OPEN : RunIncident.State.RESOLVED,
				incident.createdAt(), incident.resolvedAt(), incident.taskId());
	}

	/** A run id as given, when it can name a run at all. */
	private static String checked(String id) {
		if (id == null || id.isBlank() || id.length() > 64 || !id.chars().allMatch(RunService::idCharacter)) {
			throw notFound(id);
		}
		return id;
	}

	private static boolean idCharacter(int c) {
		return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-';
	}

	private static BrainProblem notFound(String id) {
		return BrainProblem.notFound("No run " + id + ".");
	}

}
