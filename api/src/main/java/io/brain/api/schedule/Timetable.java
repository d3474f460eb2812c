package io.brain.api.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.scheduling.support.CronExpression;

/**
 * A cron expression read on the wall clock of a time zone: the instants a schedule fires.
 * <p>
 * Daylight-saving time is handled the way Vixie cron does:
 * <ul>
 * <li>A schedule at clock times (its hour field names some hours, such as "09:00 every
 * Monday") fires once for each matching local time. A local time that does not exist (the
 * hour skipped when clocks go forward) fires once at the instant it is shifted to by the
 * length of the gap (02:30 becomes 03:30); a local time that occurs twice (the hour
 * repeated when clocks go back) fires once, at its first occurrence.</li>
 * <li>A schedule that fires in every hour ("every 15 minutes") follows elapsed time: the
 * skipped hour has nothing to fire, and the repeated hour fires like any other hour.</li>
 * </ul>
 * Expressions are Spring's cron syntax with six fields (seconds first); the common
 * five-field form is read with second 0, and the macros {@code @hourly}, {@code @daily},
 * {@code @midnight}, {@code @weekly}, {@code @monthly}, {@code @yearly} and
 * {@code @annually} are accepted.
 */
final class Timetable {

	private static final Map<String, String> MACROS = Map.of("@yearly", "0 0 0 1 1 *", "@annually", "0 0 0 1 1 *",
			"@monthly", "0 0 0 1 * *", "@weekly", "0 0 0 * * SUN", "@daily", "0 0 0 * * *", "@midnight", "0 0 0 * * *",
			"@hourly", "0 0 * * * *");

	/** More than enough to step over the repeated hour of any zone's fall-back. */
	private static final int MAX_SKIPPED = 10_000;

	private final String cron;

	private final CronExpression expression;

	private final ZoneId zone;

	private final boolean everyHour;

	private Timetable(String cron, ZoneId zone) {
		this.cron = cron;
		this.expression = CronExpression.parse(cron);
		this.zone = zone;
		this.everyHour = firesInEveryHour(cron.split(" ")[2]);
	}

	/**
	 * A timetable of a cron expression in a zone.
	 * @param cron a cron expression of 5 or 6 fields, or a macro
	 * @param zone the zone whose wall clock the expression is read on
	 * @throws IllegalArgumentException saying in plain words what is wrong with the
	 * expression
	 */
	static Timetable of(String cron, ZoneId zone) {
		return new Timetable(normalize(cron), zone);
	}

	/**
	 * The six-field form of an expression: a macro spelled out, a five-field expression
	 * with second 0 in front.
	 * @throws IllegalArgumentException saying in plain words what is wrong with it
	 */
	static String normalize(String cron) {
		if (cron == null || cron.isBlank()) {
			throw new IllegalArgumentException(
					"Give a cron expression, for example '0 9 * * MON' for every Monday at 09:00.");
		}
		String given = cron.strip();
		if (given.startsWith("@")) {
			String macro = MACROS.get(given.toLowerCase(Locale.ROOT));
			if (macro == null) {
				throw new IllegalArgumentException("'" + given + "' is not a cron macro; Brain knows "
						+ String.join(", ", MACROS.keySet().stream().sorted().toList()) + ".");
			}
			return macro;
		}
		String[] fields = given.split("\\s+");
		String six = switch (fields.length) {
			case 5 -> "0 " + String.join(" ", fields);
			case 6 -> String.join(" ", fields);
			default -> throw new IllegalArgumentException("A cron expression has 5 fields (minute, hour, day of month, "
					+ "month, day of week) or 6 with seconds first; '" + given + "' has " + fields.length + ".");
		};
		try {
			CronExpression.parse(six);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("'" + given + "' is not a valid cron expression: " + ex.getMessage(),
					ex);
		}
		return six;
	}

	/** The six-field expression. */
	String cron() {
		return this.cron;
	}

	ZoneId zone() {
		return this.zone;
	}

	/**
	 * The first instant strictly after another at which the schedule fires.
	 * @return the instant, or empty when the expression never matches again
	 */
	Optional<Instant> next(Instant after) {
		if (this.everyHour) {
			return Optional.ofNullable(this.expression.next(after.atZone(this.zone))).map(ZonedDateTime::toInstant);
		}
		LocalDateTime local = LocalDateTime.ofInstant(after, this.zone);
		for (int skipped = 0; skipped < MAX_SKIPPED; skipped++) {
			LocalDateTime candidate = this.expression.next(local);
			if (candidate == null) {
				return Optional.empty();
			}
			// The earlier offset for a repeated local time, shifted forward for a skipped
			// one.
			Instant at = ZonedDateTime.ofLocal(candidate, this.zone, null).toInstant();
			if (at.isAfter(after)) {
				return Optional.of(at);
			}
			// A local time repeated after clocks went back, which fired at its first
			// occurrence, or a skipped one shifted onto an instant already fired.
			local = candidate;
		}
		throw new IllegalStateException("No fire time of '" + this.cron + "' in " + this.zone + " after " + after);
	}

	/**
	 * The next fire times after an instant, on the zone's clock.
	 * @param after the instant to count from (excluded)
	 * @param count how many at most
	 */
	List<ZonedDateTime> next(Instant after, int count) {
		List<ZonedDateTime> times = new ArrayList<>(count);
		Instant from = after;
		while (times.size() < count) {
			Optional<Instant> next = next(from);
			if (next.isEmpty()) {
				break;
			}
			times.add(next.get().atZone(this.zone));
			from = next.get();
		}
		return times;
	}

	/** Whether the hour field matches all 24 hours of a day. */
	private static boolean firesInEveryHour(String hourField) {
		CronExpression hours = CronExpression.parse("0 0 " + hourField + " * * *");
		LocalDateTime day = LocalDate.of(2001, 1, 1).atStartOfDay();
		LocalDateTime at = day.minusSeconds(1);
		int matched = 0;
		while ((at = hours.next(at)) != null && at.isBefore(day.plusDays(1))) {
			matched++;
		}
		return matched == 24;
	}

}
