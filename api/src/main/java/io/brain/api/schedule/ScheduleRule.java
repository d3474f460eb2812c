package io.brain.api.schedule;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.brain.api.problem.BrainProblem;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

/**
 * A schedule in plain words, which Brain turns into a cron expression: every day, weekday
 * or Monday to Sunday at a time, or every N minutes or hours.
 *
 * @param every how often: DAY, WEEKDAY (Monday to Friday), MONDAY to SUNDAY, MINUTES or
 * HOURS
 * @param at the time of day for DAY, WEEKDAY and the days of the week, as HH:MM
 * @param interval N for MINUTES (a divisor of 60) and HOURS (a divisor of 24)
 */
public record ScheduleRule(@NotNull Every every, @Schema(nullable = true, example = "09:00") String at,
		@Schema(nullable = true, example = "15") Integer interval) {

	static final List<Integer> MINUTE_INTERVALS = List.of(1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30);

	static final List<Integer> HOUR_INTERVALS = List.of(1, 2, 3, 4, 6, 8, 12);

	private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

	private static final DateTimeFormatter H_MM = DateTimeFormatter.ofPattern("H:mm")
		.withResolverStyle(ResolverStyle.STRICT);

	private static final Pattern AT_TIME = Pattern
		.compile("0 (\\d{1,2}) (\\d{1,2}) \\* \\* (\\*|\\?|MON-FRI|1-5|MON|TUE|WED|THU|FRI|SAT|SUN|[0-7])");

	private static final Pattern MINUTES = Pattern.compile("0 (\\*|\\*/(\\d{1,2})|0/(\\d{1,2})) \\* \\* \\* [*?]");

	private static final Pattern HOURS = Pattern.compile("0 0 (\\*|\\*/(\\d{1,2})|0/(\\d{1,2})) \\* \\* [*?]");

	/** How often a rule fires. */
	public enum Every {

		DAY, WEEKDAY, MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY, MINUTES, HOURS;

		/**
		 * The frequency of a name, in any case.
		 * @return the frequency, or null for no name
		 * @throws BrainProblem 400 naming {@code every} for an unknown name
		 */
		static Every named(String name) {
			if (name == null || name.isBlank()) {
				return null;
			}
			return Arrays.stream(values())
				.filter((every) -> every.name().equalsIgnoreCase(name.strip()))
				.findFirst()
				.orElseThrow(() -> BrainProblem.badInput("every",
						"'" + name + "' is not a frequency: DAY, WEEKDAY, MONDAY to SUNDAY, MINUTES or HOURS."));
		}

		boolean atTimeOfDay() {
			return this != MINUTES && this != HOURS;
		}

	}

	/**
	 * The rule checked and in its canonical form ({@code at} as HH:MM, no field its kind
	 * does not use).
	 * @param prefix how the request names the rule's fields, e.g. {@code rule.}
	 * @throws BrainProblem 400 naming the field at fault
	 */
	ScheduleRule checked(String prefix) {
		if (this.every == null) {
			throw BrainProblem.badInput(prefix + "every",
					"Say how often: DAY, WEEKDAY, MONDAY to SUNDAY, MINUTES or HOURS.");
		}
		if (this.every.atTimeOfDay()) {
			if (this.interval != null) {
				throw BrainProblem.badInput(prefix + "interval",
						"An interval belongs to MINUTES and HOURS; " + this.every + " runs once a day at a time.");
			}
			if (this.at == null || this.at.isBlank()) {
				throw BrainProblem.badInput(prefix + "at", "Give the time of day as HH:MM, for example 09:00.");
			}
			try {
				return new ScheduleRule(this.every, LocalTime.parse(this.at.strip(), H_MM).format(HH_MM), null);
			}
			catch (DateTimeParseException ex) {
				throw BrainProblem.badInput(prefix + "at",
						"'" + this.at + "' is not a time of day as HH:MM (00:00 to 23:59).");
			}
		}
		if (this.at != null) {
			throw BrainProblem.badInput(prefix + "at", "A time of day belongs to DAY, WEEKDAY and the days of the "
					+ "week; every " + this.every.name().toLowerCase(Locale.ROOT) + " runs on the hour's marks.");
		}
		List<Integer> allowed = (this.every == Every.MINUTES) ? MINUTE_INTERVALS : HOUR_INTERVALS;
		if (this.interval == null || !allowed.contains(this.interval)) {
			throw BrainProblem.badInput(prefix + "interval",
					"Every N " + this.every.name().toLowerCase(Locale.ROOT) + " needs an N that divides "
							+ ((this.every == Every.MINUTES) ? "an hour" : "a day") + " evenly: "
							+ String.join(", ", allowed.stream().map(String::valueOf).toList()) + ".");
		}
		return this;
	}

	/** The six-field cron expression of a {@linkplain #checked checked} rule. */
	String cron() {
		return switch (this.every) {
			case MINUTES -> (this.interval == 1) ? "0 * * * * *" : "0 */" + this.interval + " * * * *";
			case HOURS -> (this.interval == 1) ? "0 0 * * * *" : "0 0 */" + this.interval + " * * *";
			default -> {
				LocalTime time = LocalTime.parse(this.at, HH_MM);
				String days = switch (this.every) {
					case DAY -> "*";
					case WEEKDAY -> "MON-FRI";
					default -> this.every.name().substring(0, 3);
				};
				yield "0 " + time.getMinute() + " " + time.getHour() + " * * " + days;
			}
		};
	}

	/** The rule in words, e.g. "Every Monday at 09:00" or "Every 15 minutes". */
	String describe() {
		return switch (this.every) {
			case MINUTES -> (this.interval == 1) ? "Every minute" : "Every " + this.interval + " minutes";
			case HOURS -> (this.interval == 1) ? "Every hour" : "Every " + this.interval + " hours";
			case DAY -> "Every day at " + this.at;
			case WEEKDAY -> "Every weekday (Monday to Friday) at " + this.at;
			default -> "Every " + DayOfWeek.valueOf(this.every.name()).getDisplayName(TextStyle.FULL, Locale.ENGLISH)
					+ " at " + this.at;
		};
	}

	/**
	 * The rule a six-field cron expression says, when it says one.
	 * @param cron a normalized expression
	 * @return the rule, or empty for an expression no rule says
	 */
	static Optional<ScheduleRule> of(String cron) {
		String upper = cron.toUpperCase(Locale.ROOT);
		Matcher atTime = AT_TIME.matcher(upper);
		if (atTime.matches()) {
			int minute = Integer.parseInt(atTime.group(1));
			int hour = Integer.parseInt(atTime.group(2));
			if (minute > 59 || hour > 23) {
				return Optional.empty();
			}
			String at = LocalTime.of(hour, minute).format(HH_MM);
			return Optional.of(new ScheduleRule(every(atTime.group(3)), at, null));
		}
		Matcher minutes = MINUTES.matcher(upper);
		if (minutes.matches()) {
			return interval(Every.MINUTES, minutes, MINUTE_INTERVALS);
		}
		Matcher hours = HOURS.matcher(upper);
		if (hours.matches()) {
			return interval(Every.HOURS, hours, HOUR_INTERVALS);
		}
		return Optional.empty();
	}

	private static Every every(String days) {
		return switch (days) {
			case "*", "?" -> Every.DAY;
			case "MON-FRI", "1-5" -> Every.WEEKDAY;
			case "0", "7" -> Every.SUNDAY;
			default -> Character.isDigit(days.charAt(0)) ? Every.valueOf(DayOfWeek.of(Integer.parseInt(days)).name())
					: Arrays.stream(Every.values())
						.filter((day) -> day.name().startsWith(days))
						.findFirst()
						.orElseThrow();
		};
	}

	private static Optional<ScheduleRule> interval(Every every, Matcher matcher, List<Integer> allowed) {
		String step = (matcher.group(2) != null) ? matcher.group(2) : matcher.group(3);
		int interval = (step != null) ? Integer.parseInt(step) : 1;
		return allowed.contains(interval) ? Optional.of(new ScheduleRule(every, null, interval)) : Optional.empty();
	}

}
