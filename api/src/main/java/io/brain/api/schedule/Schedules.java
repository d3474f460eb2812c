package io.brain.api.schedule;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.brain.api.automation.Automations;
import io.brain.api.identity.CurrentUser;
import io.brain.api.problem.BrainProblem;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tenant's schedules: checked when saved (cron expression, rule, time zone, how often
 * it fires), each shown with its next five fire times.
 */
@Service
public class Schedules {

	/** How many fire times every answer shows. */
	static final int SHOWN_FIRE_TIMES = 5;

	/** How many fire times the minimum interval is checked over. */
	private static final int CHECKED_FIRE_TIMES = 20;

	private static final UUID NONE = new UUID(0, 0);

	private final ScheduleRepository repository;

	private final Automations automations;

	private final ScheduleProperties properties;

	Schedules(ScheduleRepository repository, Automations automations, ScheduleProperties properties) {
		this.repository = repository;
		this.automations = automations;
		this.properties = properties;
	}

	public List<Schedule> list(CurrentUser user) {
		Instant now = Instant.now();
		return this.repository.list(user.tenant().value()).stream().map((stored) -> view(stored, now)).toList();
	}

	public List<Schedule> list(CurrentUser user, String automationKey) {
		this.automations.get(user, automationKey);
		Instant now = Instant.now();
		return this.repository.list(user.tenant().value(), automationKey)
			.stream()
			.map((stored) -> view(stored, now))
			.toList();
	}

	public Schedule get(CurrentUser user, String automationKey, UUID id) {
		return view(stored(user, automationKey, id), Instant.now());
	}

	@Transactional
	public Schedule create(CurrentUser user, String automationKey, ScheduleRequest request) {
		this.automations.get(user, automationKey);
		String tenant = user.tenant().value();
		Checked checked = check(request);
		requireFreeName(tenant, automationKey, request.name(), NONE);
		UUID id = UUID.randomUUID();
		Instant now = Instant.now();
		try {
			this.repository.insert(tenant, id, automationKey, checked.definition(), nextFireAt(checked, now),
					user.username());
		}
		catch (DuplicateKeyException ex) {
			throw nameTaken(request.name());
		}
		return get(user, automationKey, id);
	}

	/** Replaces a schedule; its next fire is counted from now. */
	@Transactional
	public Schedule update(CurrentUser user, String automationKey, UUID id, ScheduleRequest request) {
		String tenant = user.tenant().value();
		stored(user, automationKey, id);
		Checked checked = check(request);
		requireFreeName(tenant, automationKey, request.name(), id);
		try {
			this.repository.update(tenant, id, checked.definition(), nextFireAt(checked, Instant.now()),
					user.username());
		}
		catch (DuplicateKeyException ex) {
			throw nameTaken(request.name());
		}
		return get(user, automationKey, id);
	}

	@Transactional
	public void delete(CurrentUser user, String automationKey, UUID id) {
		this.repository.delete(user.tenant().value(), stored(user, automationKey, id).id());
	}

	/**
	 * Gives an agent its schedule, or changes it: its runs start at the fire times of a
	 * cron expression in a zone, fired as an automation's schedule is. Checked as
	 * {@link #preview(String, String, String)} checks it, problems naming
	 * {@code config.schedule.*}; the next fire is counted from now.
	 * @return when it fires next
	 */
	@Transactional
	public Instant scheduleAgent(CurrentUser user, UUID agentId, String agentName, String cron, String timeZone) {
		String tenant = user.tenant().value();
		Checked checked = check(cron, null, timeZone, "config.schedule.", "config.schedule.rule.");
		ScheduleRepository.Definition definition = new ScheduleRepository.Definition(agentName,
				checked.timetable().cron(), null, checked.timetable().zone().getId(), true, Map.of());
		Instant next = checked.timetable().next(Instant.now()).orElse(null);
		Optional<ScheduleRepository.Stored> existing = this.repository.ofAgent(tenant, agentId);
		if (existing.isPresent()) {
			this.repository.update(tenant, existing.get().id(), definition, next, user.username());
		}
		else {
			this.repository.insert(tenant, UUID.randomUUID(), null, agentId, definition, next, user.username());
		}
		return next;
	}

	/** Takes an agent's schedule away, if it has one. */
	@Transactional
	public void unscheduleAgent(CurrentUser user, UUID agentId) {
		String tenant = user.tenant().value();
		this.repository.ofAgent(tenant, agentId).ifPresent((schedule) -> this.repository.delete(tenant, schedule.id()));
	}

	/** When an agent's schedule fires next, and how its last fire went, if it has one. */
	public Optional<Schedule> ofAgent(CurrentUser user, UUID agentId) {
		return this.repository.ofAgent(user.tenant().value(), agentId).map((stored) -> view(stored, Instant.now()));
	}

	/**
	 * When a cron expression or rule would fire in a zone, checked as saving it would be.
	 * @param rule the rule; {@code null} for a cron expression
	 */
	public SchedulePreview preview(String cron, ScheduleRule rule, String timeZone) {
		return preview(check(cron, rule, timeZone, "", ""));
	}

	/**
	 * When a cron expression would fire in a zone, checked by the rules a schedule's is
	 * (the expression, an IANA region zone, the shortest interval): for a feature that
	 * keeps a timetable of its own, such as an agent's.
	 * @param prefix how the caller's request names the schedule, e.g.
	 * {@code config.schedule.}; a problem names {@code <prefix>cron} or
	 * {@code <prefix>timeZone}
	 * @throws BrainProblem 400 naming the field at fault
	 */
	public SchedulePreview preview(String cron, String timeZone, String prefix) {
		return preview(check(cron, null, timeZone, prefix, prefix + "rule."));
	}

	private static SchedulePreview preview(Checked checked) {
		return new SchedulePreview(checked.timetable().cron(), checked.timetable().zone().getId(),
				checked.description(), offsets(checked.timetable().next(Instant.now(), SHOWN_FIRE_TIMES)));
	}

	private Checked check(ScheduleRequest request) {
		Checked checked = check(request.cron(), request.rule(), request.timeZone(), "", "rule.");
		return new Checked(checked.timetable(), checked.description(),
				new ScheduleRepository.Definition(request.name().strip(), checked.timetable().cron(), checked.rule(),
						checked.timetable().zone().getId(), request.enabled(), request.variables()),
				checked.rule());
	}

	/**
	 * @param prefix how the request names the schedule's {@code cron} and
	 * {@code timeZone}
	 * @param rulePrefix how it names the rule's fields
	 */
	private Checked check(String cron, ScheduleRule rule, String timeZone, String prefix, String rulePrefix) {
		ZoneId zone = zone(timeZone, prefix + "timeZone");
		if (rule != null && cron != null) {
			throw BrainProblem.badInput(prefix + "cron", "Give either a cron expression or a rule, not both.");
		}
		if (rule == null && cron == null) {
			throw BrainProblem.badInput(prefix + "cron",
					"Give a cron expression, for example '0 9 * * MON', or a rule such as every Monday at 09:00.");
		}
		ScheduleRule checkedRule = (rule != null) ? rule.checked(rulePrefix) : null;
		Timetable timetable;
		try {
			timetable = Timetable.of((checkedRule != null) ? checkedRule.cron() : cron, zone);
		}
		catch (IllegalArgumentException ex) {
			throw BrainProblem.badInput(prefix + "cron", ex.getMessage());
		}
		List<ZonedDateTime> upcoming = timetable.next(Instant.now(), CHECKED_FIRE_TIMES);
		if (upcoming.isEmpty()) {
			throw BrainProblem.badInput(prefix + "cron", "'" + cron + "' never fires: no such date comes.");
		}
		for (int i = 1; i < upcoming.size(); i++) {
			if (Duration.between(upcoming.get(i - 1), upcoming.get(i))
				.compareTo(this.properties.minimumInterval()) < 0) {
				throw BrainProblem.badInput((rule != null) ? rulePrefix + "interval" : prefix + "cron",
						"Two fires of this schedule come closer together than the shortest interval Brain allows ("
								+ inWords(this.properties.minimumInterval()) + ").");
			}
		}
		return new Checked(timetable, describe(timetable, checkedRule), null, checkedRule);
	}

	/**
	 * Only region zones of the IANA database: a fixed offset would ignore daylight
	 * saving.
	 */
	private static ZoneId zone(String timeZone, String field) {
		if (timeZone == null || timeZone.isBlank()) {
			throw BrainProblem.badInput(field, "Name the time zone the schedule follows, such as Europe/Berlin.");
		}
		try {
			ZoneId zone = ZoneId.of(timeZone);
			if (ZoneId.getAvailableZoneIds().contains(zone.getId())) {
				return zone;
			}
		}
		catch (DateTimeException ex) {
			// refused below
		}
		throw BrainProblem.badInput(field, "'" + timeZone + "' is not a time zone of the IANA database; name "
				+ "a region such as Europe/Berlin or America/New_York (a fixed offset would ignore daylight saving).");
	}

	private Instant nextFireAt(Checked checked, Instant now) {
		return checked.definition().enabled() ? checked.timetable().next(now).orElse(null) : null;
	}

	private void requireFreeName(String tenant, String automationKey, String name, UUID except) {
		if (this.repository.nameTaken(tenant, automationKey, name.strip(), except)) {
			throw nameTaken(name);
		}
	}

	private static BrainProblem nameTaken(String name) {
		return new BrainProblem(HttpStatus.CONFLICT, "name", "This automation has a schedule named '" + name + "'.");
	}

	private ScheduleRepository.Stored stored(CurrentUser user, String automationKey, UUID id) {
		this.automations.get(user, automationKey);
		return this.repository.find(user.tenant().value(), automationKey, id)
			.orElseThrow(() -> BrainProblem.notFound("Automation '" + automationKey + "' has no schedule " + id + "."));
	}

	Schedule view(ScheduleRepository.Stored stored, Instant now) {
		ScheduleRepository.Definition definition = stored.definition();
		ZoneId zone = ZoneId.of(definition.timeZone());
		Timetable timetable = Timetable.of(definition.cron(), zone);
		return new Schedule(stored.id(), stored.automationKey(), definition.name(), definition.cron(),
				definition.rule(), definition.timeZone(), definition.enabled(), definition.variables(),
				describe(timetable, definition.rule()), offsets(timetable.next(now, SHOWN_FIRE_TIMES)),
				(stored.lastFiredAt() != null) ? stored.lastFiredAt().atZone(zone).toOffsetDateTime() : null,
				stored.lastRunId(), stored.lastError(), stored.createdBy(), stored.createdAt(), stored.updatedBy(),
				stored.updatedAt());
	}

	/**
	 * When a schedule fires, in words: its rule's, those of the rule its cron expression
	 * says, or the expression itself; with its zone.
	 */
	private static String describe(Timetable timetable, ScheduleRule rule) {
		String words = (rule != null) ? rule.describe()
				: ScheduleRule.of(timetable.cron())
					.map(ScheduleRule::describe)
					.orElse("On the cron schedule '" + timetable.cron() + "'");
		return words + " (" + timetable.zone().getId() + ")";
	}

	private static List<OffsetDateTime> offsets(List<ZonedDateTime> times) {
		return times.stream().map(ZonedDateTime::toOffsetDateTime).toList();
	}

	/** A duration in words: "1 minute", "5 minutes", "30 seconds". */
	static String inWords(Duration duration) {
		if (duration.toSeconds() % 60 == 0) {
			long minutes = duration.toMinutes();
			return minutes + ((minutes == 1) ? " minute" : " minutes");
		}
		return duration.toSeconds() + " seconds";
	}

	/**
	 * A schedule checked: when it fires, in words, and what to store.
	 */
	private record Checked(Timetable timetable, String description, ScheduleRepository.Definition definition,
			ScheduleRule rule) {

	}

}
