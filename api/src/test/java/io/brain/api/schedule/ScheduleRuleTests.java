package io.brain.api.schedule;

import io.brain.api.problem.BrainProblem;
import io.brain.api.schedule.ScheduleRule.Every;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Rules in words: turned into cron expressions, checked, and found again in cron
 * expressions for their words.
 */
class ScheduleRuleTests {

	@Test
	void cronWhenRuleThenTheExpressionAndWordsOfIt() {
		assertRule(new ScheduleRule(Every.DAY, "9:05", null), "0 5 9 * * *", "Every day at 09:05");
		assertRule(new ScheduleRule(Every.WEEKDAY, "17:30", null), "0 30 17 * * MON-FRI",
				"Every weekday (Monday to Friday) at 17:30");
		assertRule(new ScheduleRule(Every.MONDAY, "09:00", null), "0 0 9 * * MON", "Every Monday at 09:00");
		assertRule(new ScheduleRule(Every.SUNDAY, "23:59", null), "0 59 23 * * SUN", "Every Sunday at 23:59");
		assertRule(new ScheduleRule(Every.MINUTES, null, 15), "0 */15 * * * *", "Every 15 minutes");
		assertRule(new ScheduleRule(Every.MINUTES, null, 1), "0 * * * * *", "Every minute");
		assertRule(new ScheduleRule(Every.HOURS, null, 6), "0 0 */6 * * *", "Every 6 hours");
	}

	@Test
	void ofWhenCronSaysARuleThenTheRule() {
		assertThat(ScheduleRule.of("0 0 9 * * mon")).contains(new ScheduleRule(Every.MONDAY, "09:00", null));
		assertThat(ScheduleRule.of("0 0 9 * * 1-5")).contains(new ScheduleRule(Every.WEEKDAY, "09:00", null));
		assertThat(ScheduleRule.of("0 0 9 * * 0")).contains(new ScheduleRule(Every.SUNDAY, "09:00", null));
		assertThat(ScheduleRule.of("0 0 0 * * *")).contains(new ScheduleRule(Every.DAY, "00:00", null));
		assertThat(ScheduleRule.of("0 */5 * * * *")).contains(new ScheduleRule(Every.MINUTES, null, 5));
		assertThat(ScheduleRule.of("0 0 * * * *")).contains(new ScheduleRule(Every.HOURS, null, 1));
		assertThat(ScheduleRule.of("0 0 9 1 * *")).isEmpty();
		assertThat(ScheduleRule.of("0 */7 * * * *")).isEmpty();
	}

	@Test
	void checkedWhenFieldsDoNotFitTheFrequencyThenNamesTheField() {
		assertRefused(new ScheduleRule(Every.MONDAY, "25:00", null), "rule.at");
		assertRefused(new ScheduleRule(Every.MONDAY, "24:00", null), "rule.at");
		assertRefused(new ScheduleRule(Every.MONDAY, "9.00", null), "rule.at");
		assertRefused(new ScheduleRule(Every.MONDAY, null, null), "rule.at");
		assertRefused(new ScheduleRule(Every.DAY, "09:00", 5), "rule.interval");
		assertRefused(new ScheduleRule(Every.MINUTES, null, 7), "rule.interval");
		assertRefused(new ScheduleRule(Every.HOURS, null, 5), "rule.interval");
		assertRefused(new ScheduleRule(Every.HOURS, "09:00", 2), "rule.at");
		assertRefused(new ScheduleRule(null, "09:00", null), "rule.every");
	}

	private static void assertRule(ScheduleRule rule, String cron, String words) {
		ScheduleRule checked = rule.checked("rule.");
		assertThat(checked.cron()).isEqualTo(cron);
		assertThat(checked.describe()).isEqualTo(words);
		assertThat(ScheduleRule.of(cron)).contains(checked);
	}

	private static void assertRefused(ScheduleRule rule, String field) {
		assertThatThrownBy(() -> rule.checked("rule.")).isInstanceOfSatisfying(BrainProblem.class,
				(problem) -> assertThat(problem.getBody().getProperties()).containsEntry("field", field));
	}

}
