package io.brain.api.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Fire times on a zone's wall clock, across daylight-saving changes, with fixed instants.
 * Berlin went to summer time on 2025-03-30 (02:00 became 03:00) and back on 2025-10-26
 * (03:00 became 02:00); New York on 2025-03-09 and 2025-11-02 (at 02:00).
 */
class TimetableTests {

	static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	@Test
	void nextWhenNineInBerlinThenEightUtcInWinterAndSevenUtcInSummer() {
		Timetable daily = Timetable.of("0 9 * * *", BERLIN);

		assertThat(daily.next(Instant.parse("2025-01-15T00:00:00Z"))).contains(Instant.parse("2025-01-15T08:00:00Z"));
		assertThat(daily.next(Instant.parse("2025-07-15T00:00:00Z"))).contains(Instant.parse("2025-07-15T07:00:00Z"));
	}

	@Test
	void nextWhenWeekOfSpringForwardThenUtcTimeMovesOnTheSunday() {
		Timetable daily = Timetable.of("0 9 * * *", BERLIN);

		assertThat(instants(daily, "2025-03-28T00:00:00Z", 4)).containsExactly(Instant.parse("2025-03-28T08:00:00Z"),
				Instant.parse("2025-03-29T08:00:00Z"), Instant.parse("2025-03-30T07:00:00Z"),
				Instant.parse("2025-03-31T07:00:00Z"));
	}

	@Test
	void nextWhenWeekOfFallBackThenUtcTimeMovesOnTheSunday() {
		Timetable daily = Timetable.of("0 9 * * *", BERLIN);

		assertThat(instants(daily, "2025-10-24T00:00:00Z", 4)).containsExactly(Instant.parse("2025-10-24T07:00:00Z"),
				Instant.parse("2025-10-25T07:00:00Z"), Instant.parse("2025-10-26T08:00:00Z"),
				Instant.parse("2025-10-27T08:00:00Z"));
	}

	@Test
	void nextWhenEveryMondayAtNineThenTheMondaysAroundTheChangesKeepNineLocal() {
		Timetable mondays = Timetable.of(new ScheduleRule(ScheduleRule.Every.MONDAY, "09:00", null).cron(), BERLIN);

		assertThat(instants(mondays, "2025-03-20T00:00:00Z", 2)).containsExactly(Instant.parse("2025-03-24T08:00:00Z"),
				Instant.parse("2025-03-31T07:00:00Z"));
		assertThat(instants(mondays, "2025-10-22T00:00:00Z", 2)).containsExactly(Instant.parse("2025-10-27T08:00:00Z"),
				Instant.parse("2025-11-03T08:00:00Z"));
		assertThat(mondays.next(Instant.parse("2025-03-20T00:00:00Z"), 2)).extracting(ZonedDateTime::toString)
			.containsExactly("2025-03-24T09:00+01:00[Europe/Berlin]", "2025-03-31T09:00+02:00[Europe/Berlin]");
	}

	@Test
	void nextWhenLocalTimeSkippedBySpringForwardThenFiresOnceAtTheShiftedInstant() {
		Timetable twoThirty = Timetable.of("0 30 2 * * *", BERLIN);

		// 02:30 does not exist on 2025-03-30: it fires at 03:30 CEST, 01:30 UTC, once.
		assertThat(instants(twoThirty, "2025-03-29T00:00:00Z", 3)).containsExactly(
				Instant.parse("2025-03-29T01:30:00Z"), Instant.parse("2025-03-30T01:30:00Z"),
				Instant.parse("2025-03-31T00:30:00Z"));
	}

	@Test
	void nextWhenShiftedInstantMeetsAnotherFireThenFiresOnce() {
		Timetable twoAndThree = Timetable.of("0 30 2,3 * * *", BERLIN);

		// 02:30 shifts onto 03:30 CEST, which the schedule names too: one fire.
		assertThat(instants(twoAndThree, "2025-03-29T23:00:00Z", 3)).containsExactly(
				Instant.parse("2025-03-30T01:30:00Z"), Instant.parse("2025-03-31T00:30:00Z"),
				Instant.parse("2025-03-31T01:30:00Z"));
	}

	@Test
	void nextWhenLocalTimeRepeatedByFallBackThenFiresOnceAtTheFirstOccurrence() {
		Timetable twoThirty = Timetable.of("0 30 2 * * *", BERLIN);

		// 02:30 happens twice on 2025-10-26 (00:30 and 01:30 UTC): it fires at the first.
		assertThat(instants(twoThirty, "2025-10-25T00:00:00Z", 3)).containsExactly(
				Instant.parse("2025-10-25T00:30:00Z"), Instant.parse("2025-10-26T00:30:00Z"),
				Instant.parse("2025-10-27T01:30:00Z"));
		// Counting from inside the repeated hour, the second 02:30 is not a fire either.
		assertThat(twoThirty.next(Instant.parse("2025-10-26T01:10:00Z")))
			.contains(Instant.parse("2025-10-27T01:30:00Z"));
	}

	@Test
	void nextWhenEveryFifteenMinutesThenIntervalsStayFifteenMinutesAcrossBothChanges() {
		Timetable quarterHours = Timetable.of(new ScheduleRule(ScheduleRule.Every.MINUTES, null, 15).cron(), BERLIN);

		for (String from : List.of("2025-03-30T00:00:00Z", "2025-10-26T00:00:00Z")) {
			List<Instant> fires = instants(quarterHours, from, 12);
			assertThat(fires.get(0)).isEqualTo(Instant.parse(from).plus(Duration.ofMinutes(15)));
			for (int i = 1; i < fires.size(); i++) {
				assertThat(Duration.between(fires.get(i - 1), fires.get(i))).as("after %s", fires.get(i - 1))
					.isEqualTo(Duration.ofMinutes(15));
			}
		}
	}

	@Test
	void nextWhenHourlyThenTheDayOfFallBackHasTwentyFiveFiresAndSpringForwardTwentyThree() {
		Timetable hourly = Timetable.of("@hourly", BERLIN);

		assertThat(fires(hourly, "2025-10-25T22:00:00Z", "2025-10-26T23:00:00Z")).hasSize(25);
		assertThat(fires(hourly, "2025-03-29T23:00:00Z", "2025-03-30T22:00:00Z")).hasSize(23);
	}

	@Test
	void nextWhenNewYorkThenNineLocalIsFourteenUtcInWinterAndThirteenInSummer() {
		Timetable daily = Timetable.of("0 9 * * *", NEW_YORK);

		assertThat(daily.next(Instant.parse("2025-01-15T00:00:00Z"))).contains(Instant.parse("2025-01-15T14:00:00Z"));
		assertThat(daily.next(Instant.parse("2025-07-15T00:00:00Z"))).contains(Instant.parse("2025-07-15T13:00:00Z"));
		assertThat(instants(daily, "2025-03-08T00:00:00Z", 2)).containsExactly(Instant.parse("2025-03-08T14:00:00Z"),
				Instant.parse("2025-03-09T13:00:00Z"));
		assertThat(instants(daily, "2025-11-01T00:00:00Z", 2)).containsExactly(Instant.parse("2025-11-01T13:00:00Z"),
				Instant.parse("2025-11-02T14:00:00Z"));
	}

	@Test
	void nextWhenNewYorkGapAndOverlapThenShiftedOnceAndFirstOccurrenceOnly() {
		assertThat(instants(Timetable.of("0 30 2 * * *", NEW_YORK), "2025-03-08T12:00:00Z", 2)).containsExactly(
				// 02:30 does not exist on 2025-03-09: 03:30 EDT
				Instant.parse("2025-03-09T07:30:00Z"), Instant.parse("2025-03-10T06:30:00Z"));
		assertThat(instants(Timetable.of("0 30 1 * * *", NEW_YORK), "2025-11-01T12:00:00Z", 2)).containsExactly(
				// 01:30 happens twice on 2025-11-02: EDT (05:30 UTC), not EST (06:30 UTC)
				Instant.parse("2025-11-02T05:30:00Z"), Instant.parse("2025-11-03T06:30:00Z"));
	}

	@Test
	void ofWhenFiveFieldsOrMacroThenSixFieldsWithSecondZero() {
		assertThat(Timetable.of("0 9 * * MON", BERLIN).cron()).isEqualTo("0 0 9 * * MON");
		assertThat(Timetable.of("  30 0 9 * * *  ", BERLIN).cron()).isEqualTo("30 0 9 * * *");
		assertThat(Timetable.of("@daily", BERLIN).cron()).isEqualTo("0 0 0 * * *");
	}

	@Test
	void ofWhenMalformedThenSaysWhatIsWrong() {
		assertThatIllegalArgumentException().isThrownBy(() -> Timetable.of("0 25 * * *", BERLIN))
			.withMessageContaining("'0 25 * * *' is not a valid cron expression")
			.withMessageContaining("HourOfDay");
		assertThatIllegalArgumentException().isThrownBy(() -> Timetable.of("every monday", BERLIN))
			.withMessageContaining("has 2");
		assertThatIllegalArgumentException().isThrownBy(() -> Timetable.of("@fortnightly", BERLIN))
			.withMessageContaining("not a cron macro");
		assertThatIllegalArgumentException().isThrownBy(() -> Timetable.of(" ", BERLIN))
			.withMessageContaining("Give a cron expression");
	}

	private static List<Instant> instants(Timetable timetable, String from, int count) {
		return timetable.next(Instant.parse(from), count).stream().map(ZonedDateTime::toInstant).toList();
	}

	private static List<Instant> fires(Timetable timetable, String fromIncluded, String toExcluded) {
		List<Instant> fires = new ArrayList<>();
		Instant at = Instant.parse(fromIncluded).minusNanos(1);
		while ((at = timetable.next(at).orElseThrow()).isBefore(Instant.parse(toExcluded))) {
			fires.add(at);
		}
		return fires;
	}

}
