package io.brain.engine.operaton;

import java.util.Map;

/**
 * Cron expressions as Zeebe reads them (Spring's six fields: second, minute, hour, day of
 * month, month, day of week with 0 or 7 for Sunday, and macros such as {@code @daily})
 * rewritten as Operaton's Quartz-style timer reads them (one of the two day fields is
 * {@code ?}, days of the week by name).
 */
final class Cron {

	private static final Map<String, String> MACROS = Map.of("@yearly", "0 0 0 1 1 ?", "@annually", "0 0 0 1 1 ?",
			"@monthly", "0 0 0 1 * ?", "@weekly", "0 0 0 ? * SUN", "@daily", "0 0 0 * * ?", "@midnight", "0 0 0 * * ?",
			"@hourly", "0 0 * * * ?");

	private static final String[] DAYS = { "SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN" };

	private Cron() {
	}

	/** The Quartz form of a Spring cron expression, or null when it is not one. */
	static String toQuartz(String spring) {
		String text = spring.strip();
		if (MACROS.containsKey(text.toLowerCase())) {
			return MACROS.get(text.toLowerCase());
		}
		String[] fields = text.split("\\s+");
		if (fields.length != 6) {
			return null;
		}
		String dayOfMonth = fields[3];
		String dayOfWeek = daysByName(fields[5]);
		if (dayOfWeek == null) {
			return null;
		}
		if (dayOfWeek.equals("*") || dayOfWeek.equals("?")) {
			dayOfWeek = "?";
			if (dayOfMonth.equals("?")) {
				dayOfMonth = "*";
			}
		}
		else if (dayOfMonth.equals("*") || dayOfMonth.equals("?")) {
			dayOfMonth = "?";
		}
		else {
			// Spring fires when either day field matches; Quartz cannot say that.
			return null;
		}
		return String.join(" ", fields[0], fields[1], fields[2], dayOfMonth, fields[4], dayOfWeek);
	}

	private static String daysByName(String field) {
		StringBuilder named = new StringBuilder();
		int i = 0;
		while (i < field.length()) {
			char c = field.charAt(i);
			if (Character.isDigit(c) && (i == 0 || "-,".indexOf(field.charAt(i - 1)) >= 0)) {
				int end = i;
				while (end < field.length() && Character.isDigit(field.charAt(end))) {
					end++;
				}
				int day = Integer.parseInt(field.substring(i, end));
				if (day > 7) {
					return null;
				}
				named.append(DAYS[day]);
				i = end;
			}
			else {
				named.append(c);
				i++;
			}
		}
		return named.toString();
	}

}
