package io.brain.api.schedule;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.brain.api.automation.Automation;
import io.brain.api.automation.Automations;
import io.brain.api.identity.CurrentUser;
import io.brain.api.problem.BrainProblem;
import io.brain.api.run.RunService;
import io.brain.api.run.StartRunRequest;
import io.brain.core.audit.AuditEvent;
import io.brain.core.audit.AuditEvent.Outcome;
import io.brain.core.audit.AuditLog;
import io.brain.core.tenant.TenantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts the runs of due schedules, for every tenant.
 * <p>
 * Each look lists the due schedules across tenants through a narrow database function,
 * then fires each one as its tenant, the tenant read from the schedule's row: in one
 * transaction it locks the row ({@code for update skip locked}, so two api instances
 * never fire one schedule together), starts the run with the idempotency key
 * {@code schedule:<id>:<fire time>} (so a fire never starts two runs, whatever happens
 * between the start and the marking) and stores the next fire time.
 * <p>
 * A fire missed while the api was not running starts its run late if it is within the
 * grace period; otherwise it is skipped, and the schedule says so.
 */
@Component
class ScheduleFiring {

	private static final Logger logger = LoggerFactory.getLogger(ScheduleFiring.class);

	private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx");

	private final ScheduleRepository repository;

	private final Automations automations;

	private final RunService runs;

	private final AuditLog auditLog;

	private final TransactionTemplate transaction;

	private final ScheduleProperties properties;

	private final ScheduledAgentRuns agentRuns;

	ScheduleFiring(ScheduleRepository repository, Automations automations, RunService runs, AuditLog auditLog,
			PlatformTransactionManager transactions, ScheduleProperties properties, ScheduledAgentRuns agentRuns) {
		this.repository = repository;
		this.automations = automations;
		this.runs = runs;
		this.agentRuns = agentRuns;
		this.auditLog = auditLog;
		this.transaction = new TransactionTemplate(transactions);
		this.properties = properties;
	}

	/** Fires every schedule due now, a batch at a time. */
	void fireDue() {
		List<ScheduleRepository.Due> due;
		do {
			due = this.repository.due(Instant.now(), this.properties.batchSize());
			int fired = 0;
			for (ScheduleRepository.Due schedule : due) {
				if (fire(schedule)) {
					fired++;
				}
			}
			if (fired == 0) {
				return;
			}
		}
		while (due.size() == this.properties.batchSize());
	}

	/**
	 * Fires one schedule if it is still due and no one else is firing it.
	 * @return whether this call handled it
	 */
	boolean fire(ScheduleRepository.Due due) {
		return TenantContext.call(due.tenant(), () -> {
			try {
				return Boolean.TRUE.equals(this.transaction.execute((status) -> fireLocked(due)));
			}
			catch (RuntimeException ex) {
				logger.warn("Schedule {} of tenant {} could not start its run", due.id(), due.tenant(), ex);
				return Boolean.TRUE.equals(this.transaction.execute((status) -> recordFailure(due, ex)));
			}
		});
	}

	private boolean fireLocked(ScheduleRepository.Due due) {
		Instant now = Instant.now();
		Optional<ScheduleRepository.Stored> locked = this.repository.lockIfDue(due.tenant(), due.id(), now);
		if (locked.isEmpty()) {
			return false;
		}
		ScheduleRepository.Stored schedule = locked.get();
		Timetable timetable = timetable(schedule);
		Instant next = timetable.next(now).orElse(null);
		Optional<Instant> fireTime = latestWithinGrace(schedule, timetable, now);
		if (fireTime.isEmpty()) {
			String error = "Missed the fire at " + LOCAL_TIME.format(schedule.nextFireAt().atZone(timetable.zone()))
					+ " (Brain was not running then, or the tenant was disabled). It was more than "
					+ Schedules.inWords(this.properties.gracePeriod()) + " late, so no run was started.";
			this.repository.fired(due.tenant(), schedule.id(), next, null, null, error);
			audit(schedule, Outcome.FAILURE, Map.of("missed", schedule.nextFireAt().toString()));
			return true;
		}
		CurrentUser actor = actor(schedule);
		if (schedule.agentId() != null) {
			String runId = this.agentRuns.start(actor, schedule.agentId(),
					"schedule:" + schedule.id() + ":" + fireTime.get());
			this.repository.fired(due.tenant(), schedule.id(), next, fireTime.get(), runId, null);
			audit(schedule, Outcome.SUCCESS, Map.of("fireTime", fireTime.get().toString(), "runId", runId));
			return true;
		}
		Automation automation = this.automations.get(actor, schedule.automationKey());
		if (automation.deployedVersion() == null) {
			String error = "Automation '" + schedule.automationKey()
					+ "' has no deployed version, so no run was started at "
					+ LOCAL_TIME.format(fireTime.get().atZone(timetable.zone()))
					+ ". Deploy a version to let the schedule start runs.";
			this.repository.fired(due.tenant(), schedule.id(), next, null, null, error);
			audit(schedule, Outcome.FAILURE, Map.of("fireTime", fireTime.get().toString(), "error", error));
			return true;
		}
		RunService.Started started = this.runs.startOnce(actor,
				new StartRunRequest(schedule.automationKey(), schedule.definition().variables()),
				"schedule:" + schedule.id() + ":" + fireTime.get());
		this.repository.fired(due.tenant(), schedule.id(), next, fireTime.get(), started.run().id(), null);
		audit(schedule, Outcome.SUCCESS, Map.of("fireTime", fireTime.get().toString(), "runId", started.run().id()));
		return true;
	}

	/**
	 * The latest fire time that is due and at most the grace period late, if any; the
	 * fires before it are skipped.
	 */
	private Optional<Instant> latestWithinGrace(ScheduleRepository.Stored schedule, Timetable timetable, Instant now) {
		Instant earliest = now.minus(this.properties.gracePeriod());
		Optional<Instant> candidate = schedule.nextFireAt().isBefore(earliest) ? timetable.next(earliest.minusNanos(1))
				: Optional.of(schedule.nextFireAt());
		if (candidate.isEmpty() || candidate.get().isAfter(now)) {
			return Optional.empty();
		}
		Instant latest = candidate.get();
		for (Optional<Instant> next = timetable.next(latest); next.isPresent()
				&& !next.get().isAfter(now); next = timetable.next(latest)) {
			latest = next.get();
		}
		return Optional.of(latest);
	}

	/** Records why a fire failed and moves the schedule on to its next fire. */
	private boolean recordFailure(ScheduleRepository.Due due, RuntimeException failure) {
		Instant now = Instant.now();
		Optional<ScheduleRepository.Stored> locked = this.repository.lockIfDue(due.tenant(), due.id(), now);
		if (locked.isEmpty()) {
			return false;
		}
		ScheduleRepository.Stored schedule = locked.get();
		// A problem's detail is meant for users; anything else stays in the log.
		String error = "The run could not be started: " + ((failure instanceof BrainProblem problem)
				? problem.getBody().getDetail() : "Brain failed on its side; the error is logged.");
		this.repository.fired(due.tenant(), schedule.id(), timetable(schedule).next(now).orElse(null), null, null,
				error);
		audit(schedule, Outcome.FAILURE, Map.of("fireTime", schedule.nextFireAt().toString(), "error", error));
		return true;
	}

	private static Timetable timetable(ScheduleRepository.Stored schedule) {
		return Timetable.of(schedule.definition().cron(), ZoneId.of(schedule.definition().timeZone()));
	}

	/** Who starts a schedule's runs: the schedule itself, inside its tenant. */
	private static CurrentUser actor(ScheduleRepository.Stored schedule) {
		return CurrentUser.system("schedule", schedule.id(), schedule.definition().name(), schedule.tenant());
	}

	private void audit(ScheduleRepository.Stored schedule, Outcome outcome, Map<String, Object> details) {
		Map<String, Object> metadata = new LinkedHashMap<>();
		metadata.put("operation", "schedule.fire");
		if (schedule.agentId() != null) {
			metadata.put("agent", schedule.agentId().toString());
		}
		else {
			metadata.put("automation", schedule.automationKey());
		}
		metadata.putAll(details);
		CurrentUser actor = actor(schedule);
		String name = schedule.definition().name();
		String target = (schedule.agentId() != null) ? "agent '" + name + "'"
				: "automation " + schedule.automationKey();
		String words = ((outcome == Outcome.SUCCESS) ? "started a run of " : "could not start a run of ") + target;
		this.auditLog.record(new AuditEvent(schedule.tenant(), actor.id(), actor.name(), actor.kind(), words,
				"schedule", schedule.id().toString(), name, null, null, outcome, metadata));
	}

}
