package io.brain.api.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brain.api.ApiTestContext;
import io.brain.api.TestTokens;
import io.brain.core.tenant.TenantContext;
import io.camunda.zeebe.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Schedules through the API, checked on save, and fired by the api's scheduler against
 * the open engine embedded in the api.
 */
class ScheduleTests extends ApiTestContext {

	static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	ScheduleFiring firing;

	@Test
	void createWhenRuleInBerlinThenCronWordsAndNextFiveFireTimesInTheZone() throws Exception {
		automation("sched-a", "weekly-digest", false);

		JsonNode created = body(this.mvc
			.perform(post("/api/automations/weekly-digest/schedules").with(editor("sched-a"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"name": "Monday digest", "rule": {"every": "MONDAY", "at": "9:00"},
						 "timeZone": "Europe/Berlin", "variables": {"list": "newsletter"}}
						"""))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.cron").value("0 0 9 * * MON"))
			.andExpect(jsonPath("$.rule.at").value("09:00"))
			.andExpect(jsonPath("$.description").value("Every Monday at 09:00 (Europe/Berlin)"))
			.andExpect(jsonPath("$.enabled").value(true))
			.andExpect(jsonPath("$.variables.list").value("newsletter"))
			.andExpect(jsonPath("$.nextFireTimes", hasSize(5)))
			.andExpect(jsonPath("$.lastFiredAt").doesNotExist()));
		for (JsonNode fire : created.get("nextFireTimes")) {
			ZonedDateTime local = OffsetDateTime.parse(fire.asText()).atZoneSameInstant(ZoneId.of("Europe/Berlin"));
			assertThat(local.getDayOfWeek()).hasToString("MONDAY");
			assertThat(local.toLocalTime()).hasToString("09:00");
			assertThat(OffsetDateTime.parse(fire.asText()).getOffset()).isEqualTo(local.getOffset());
		}
		String id = created.get("id").asText();

		this.mvc
			.perform(put("/api/automations/weekly-digest/schedules/{id}", id).with(editor("sched-a"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"name": "Monday digest", "cron": "30 8 * * 1-5", "timeZone": "America/New_York",
						 "enabled": false}
						"""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.cron").value("0 30 8 * * 1-5"))
			.andExpect(jsonPath("$.rule").doesNotExist())
			.andExpect(jsonPath("$.description").value("Every weekday (Monday to Friday) at 08:30 (America/New_York)"))
			.andExpect(jsonPath("$.enabled").value(false))
			.andExpect(jsonPath("$.nextFireTimes", hasSize(5)));
		this.mvc.perform(get("/api/automations/weekly-digest/schedules").with(viewer("sched-a")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].id").value(id));
		this.mvc.perform(get("/api/schedules").with(viewer("sched-a")))
			.andExpect(jsonPath("$[0].automationKey").value("weekly-digest"));
		this.mvc
			.perform(get("/api/schedule-preview").with(viewer("sched-a"))
				.param("cron", "0 0 1 * *")
				.param("timeZone", "Asia/Tokyo"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.cron").value("0 0 0 1 * *"))
			.andExpect(jsonPath("$.description").value("On the cron schedule '0 0 0 1 * *' (Asia/Tokyo)"))
			.andExpect(jsonPath("$.nextFireTimes[0]", containsString("T00:00:00+09:00")));
		this.mvc
			.perform(get("/api/schedule-preview").with(viewer("sched-a"))
				.param("every", "minutes")
				.param("interval", "7")
				.param("timeZone", "Europe/Berlin"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("interval"));

		this.mvc.perform(delete("/api/automations/weekly-digest/schedules/{id}", id).with(editor("sched-a")))
			.andExpect(status().isNoContent());
		this.mvc.perform(get("/api/automations/weekly-digest/schedules/{id}", id).with(editor("sched-a")))
			.andExpect(status().isNotFound());
	}

	@Test
	void createWhenInputIsBadThenFourHundredNamingTheFieldAndNothingStored() throws Exception {
		automation("sched-b", "bad-input", false);
		Map<String, String> refused = new LinkedHashMap<>();
		refused.put("""
				{"name": "x", "cron": "0 25 * * *", "timeZone": "Europe/Berlin"}""", "cron");
		refused.put("""
				{"name": "x", "cron": "every monday", "timeZone": "Europe/Berlin"}""", "cron");
		refused.put("""
				{"name": "x", "cron": "0 0 30 2 *", "timeZone": "Europe/Berlin"}""", "cron");
		refused.put("""
				{"name": "x", "cron": "*/10 * * * * *", "timeZone": "Europe/Berlin"}""", "cron");
		refused.put("""
				{"name": "x", "timeZone": "Europe/Berlin"}""", "cron");
		refused.put("""
				{"name": "x", "cron": "0 9 * * *", "rule": {"every": "DAY", "at": "09:00"}, "timeZone": "UTC"}""",
				"cron");
		refused.put("""
				{"name": "x", "cron": "0 9 * * *", "timeZone": "Europe/Atlantis"}""", "timeZone");
		refused.put("""
				{"name": "x", "cron": "0 9 * * *", "timeZone": "+02:00"}""", "timeZone");
		refused.put("""
				{"name": "x", "cron": "0 9 * * *"}""", "timeZone");
		refused.put("""
				{"name": "x", "rule": {"every": "FORTNIGHT", "at": "09:00"}, "timeZone": "UTC"}""", "rule.every");
		refused.put("""
				{"name": "x", "rule": {"every": "DAY", "at": "24:00"}, "timeZone": "UTC"}""", "rule.at");
		refused.put("""
				{"name": "x", "rule": {"every": "HOURS", "interval": 5}, "timeZone": "UTC"}""", "rule.interval");
		refused.put("""
				{"name": "", "cron": "0 9 * * *", "timeZone": "UTC"}""", "name");
		refused.put("""
				{"name": "x", "cron": "0 9 * * *", "timeZone": "UTC", "variables": [1, 2]}""", "variables");
		for (Map.Entry<String, String> request : refused.entrySet()) {
			this.mvc
				.perform(post("/api/automations/bad-input/schedules").with(editor("sched-b"))
					.contentType(MediaType.APPLICATION_JSON)
					.content(request.getKey()))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.field").value(request.getValue()));
		}
		this.mvc
			.perform(post("/api/automations/no-such-automation/schedules").with(editor("sched-b"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": \"x\", \"cron\": \"0 9 * * *\", \"timeZone\": \"UTC\"}"))
			.andExpect(status().isNotFound());
		assertThat(schedules("sched-b")).isZero();

		String id = create("sched-b", "bad-input", "{\"name\": \"x\", \"cron\": \"0 9 * * *\", \"timeZone\": \"UTC\"}");
		this.mvc
			.perform(post("/api/automations/bad-input/schedules").with(editor("sched-b"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": \"x\", \"cron\": \"0 10 * * *\", \"timeZone\": \"UTC\"}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.field").value("name"));
		this.mvc
			.perform(put("/api/automations/bad-input/schedules/{id}", id).with(editor("sched-b"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": \"x\", \"cron\": \"0 61 * * *\", \"timeZone\": \"UTC\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("cron"));
		this.mvc.perform(get("/api/automations/bad-input/schedules/{id}", id).with(editor("sched-b")))
			.andExpect(jsonPath("$.cron").value("0 0 9 * * *"));
		assertThat(schedules("sched-b")).isOne();
	}

	@Test
	void scheduleWhenOtherTenantThenItCanNeitherSeeNorChangeIt() throws Exception {
		automation("sched-c", "shared-key", false);
		automation("sched-d", "shared-key", false);
		String id = create("sched-c", "shared-key",
				"{\"name\": \"Nightly\", \"cron\": \"0 2 * * *\", \"timeZone\": \"Europe/Berlin\"}");
		String change = "{\"name\": \"Mine now\", \"cron\": \"0 3 * * *\", \"timeZone\": \"UTC\"}";

		this.mvc.perform(get("/api/automations/shared-key/schedules/{id}", id).with(editor("sched-d")))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(put("/api/automations/shared-key/schedules/{id}", id).with(editor("sched-d"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(change))
			.andExpect(status().isNotFound());
		this.mvc.perform(delete("/api/automations/shared-key/schedules/{id}", id).with(editor("sched-d")))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/schedules").with(editor("sched-d"))).andExpect(jsonPath("$", hasSize(0)));
		this.mvc.perform(get("/api/automations/shared-key/schedules").with(editor("sched-d")))
			.andExpect(jsonPath("$", hasSize(0)));

		this.mvc.perform(get("/api/automations/shared-key/schedules/{id}", id).with(editor("sched-c")))
			.andExpect(jsonPath("$.name").value("Nightly"));
		// Row-level security: without a tenant the table shows nothing.
		assertThat(this.jdbc.sql("select count(*) from automation_schedule").query(Long.class).single()).isZero();
	}

	@Test
	void scheduleWhenFireTimeComesThenStartsOneRunOnTime() throws Exception {
		automation("sched-e", "on-time", true);
		ZoneId berlin = ZoneId.of("Europe/Berlin");
		ZonedDateTime fireAt = ZonedDateTime.now(berlin).plusSeconds(4).truncatedTo(ChronoUnit.SECONDS);
		String cron = fireAt.getSecond() + " " + fireAt.getMinute() + " " + fireAt.getHour() + " "
				+ fireAt.getDayOfMonth() + " " + fireAt.getMonthValue() + " *";
		String id = create("sched-e", "on-time", "{\"name\": \"Soon\", \"cron\": \"" + cron
				+ "\", \"timeZone\": \"Europe/Berlin\", \"variables\": {\"campaign\": \"spring\"}}");

		await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> runs("sched-e") > 0);
		Instant started = TenantContext.call("sched-e",
				() -> this.jdbc.sql("select started_at from run where process_id = 'on-time'")
					.query(java.sql.Timestamp.class)
					.single()
					.toInstant());
		assertThat(started).isBetween(fireAt.toInstant(), fireAt.toInstant().plusSeconds(5));
		String runId = await().atMost(Duration.ofSeconds(20))
			.until(() -> runOfSchedule("sched-e", id), (run) -> run != null);
		this.mvc.perform(get("/api/runs/{id}", runId).with(editor("sched-e")))
			.andExpect(jsonPath("$.input.campaign").value("spring"))
			.andExpect(jsonPath("$.start.kind").value("BRAIN"))
			.andExpect(jsonPath("$.start.by").value("schedule:Soon"));
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> this.mvc.perform(get("/api/runs/{id}", runId).with(editor("sched-e")))
				.andExpect(jsonPath("$.state").value("COMPLETED")));
		JsonNode schedule = body(
				this.mvc.perform(get("/api/automations/on-time/schedules/{id}", id).with(editor("sched-e")))
					.andExpect(jsonPath("$.lastError").doesNotExist()));
		assertThat(OffsetDateTime.parse(schedule.get("lastFiredAt").asText())).isEqualTo(fireAt.toOffsetDateTime());
		// The same time of the same day, a year (or a leap day's four years) on.
		assertThat(OffsetDateTime.parse(schedule.get("nextFireTimes").get(0).asText()).toInstant())
			.isAfter(fireAt.plusDays(360).toInstant());
		Thread.sleep(2000);
		assertThat(runs("sched-e")).isOne();
		assertThat(TenantContext.call("sched-e",
				() -> this.jdbc.sql("select idempotency_key from run_request").query(String.class).single()))
			.isEqualTo("schedule:" + id + ":" + fireAt.toInstant());
	}

	@Test
	void fireWhenSeveralInstancesFireTogetherOrTheMarkIsLostThenOneRunPerFire() throws Exception {
		automation("sched-f", "exactly-once", true);
		String id = create("sched-f", "exactly-once",
				"{\"name\": \"Daily\", \"cron\": \"" + farFromNow() + "\", \"timeZone\": \"UTC\"}");
		Instant due = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(1);
		ScheduleRepository.Due schedule = new ScheduleRepository.Due(UUID.fromString(id), "sched-f");
		setNextFireAt("sched-f", id, due);

		ExecutorService instances = Executors.newFixedThreadPool(4);
		try {
			List<Callable<Boolean>> fires = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				fires.add(() -> this.firing.fire(schedule));
			}
			for (Future<Boolean> fire : instances.invokeAll(fires)) {
				fire.get();
			}
		}
		finally {
			instances.shutdown();
		}
		await().atMost(Duration.ofSeconds(20)).until(() -> runOfSchedule("sched-f", id) != null);
		assertThat(runs("sched-f")).isOne();

		// As if the api had stopped after starting the run and before moving the schedule
		// on: the same fire again starts no second run.
		setNextFireAt("sched-f", id, due);
		await().atMost(Duration.ofSeconds(20)).until(() -> nextFireAt("sched-f", id).isAfter(Instant.now()));
		assertThat(runs("sched-f")).isOne();
	}

	@Test
	void fireWhenMissedWhileDownThenStartsWithinGraceAndSkipsBeyondIt() throws Exception {
		automation("sched-g", "missed", true);
		String id = create("sched-g", "missed",
				"{\"name\": \"Daily\", \"cron\": \"" + farFromNow() + "\", \"timeZone\": \"UTC\"}");
		Instant twoMinutesAgo = Instant.now().minus(Duration.ofMinutes(2)).truncatedTo(ChronoUnit.SECONDS);

		setNextFireAt("sched-g", id, twoMinutesAgo);
		await().atMost(Duration.ofSeconds(20)).until(() -> runs("sched-g") == 1);
		await().atMost(Duration.ofSeconds(20)).until(() -> nextFireAt("sched-g", id).isAfter(Instant.now()));
		this.mvc.perform(get("/api/automations/missed/schedules/{id}", id).with(editor("sched-g")))
			.andExpect(jsonPath("$.lastError").doesNotExist())
			.andExpect(jsonPath("$.lastRunId").isNotEmpty());

		setNextFireAt("sched-g", id, Instant.now().minus(Duration.ofMinutes(10)));
		await().atMost(Duration.ofSeconds(20)).until(() -> nextFireAt("sched-g", id).isAfter(Instant.now()));
		this.mvc.perform(get("/api/automations/missed/schedules/{id}", id).with(editor("sched-g")))
			.andExpect(jsonPath("$.lastError", containsString("Missed the fire")));
		assertThat(runs("sched-g")).isOne();
	}

	@Test
	void fireWhenAutomationNotDeployedThenRecordsTheErrorAndMovesOn() throws Exception {
		automation("sched-h", "draft-only", false);
		String id = create("sched-h", "draft-only",
				"{\"name\": \"Daily\", \"cron\": \"0 9 * * *\", \"timeZone\": \"Europe/Berlin\"}");

		setNextFireAt("sched-h", id, Instant.now().minusSeconds(1));
		await().atMost(Duration.ofSeconds(20)).until(() -> nextFireAt("sched-h", id).isAfter(Instant.now()));
		this.mvc.perform(get("/api/automations/draft-only/schedules/{id}", id).with(editor("sched-h")))
			.andExpect(jsonPath("$.lastError", containsString("no deployed version")))
			.andExpect(jsonPath("$.lastFiredAt").doesNotExist());
		assertThat(runs("sched-h")).isZero();
		assertThat(TenantContext.call("sched-h",
				() -> this.jdbc.sql("select outcome from audit_log where metadata ->> 'operation' = 'schedule.fire'")
					.query(String.class)
					.list()))
			.containsExactly("FAILURE");
	}

	@Test
	void fireWhenScheduleDisabledThenNothingStarts() throws Exception {
		automation("sched-i", "paused", true);
		String id = create("sched-i", "paused",
				"{\"name\": \"Paused\", \"cron\": \"0 9 * * *\", \"timeZone\": \"UTC\", \"enabled\": false}");
		Instant due = Instant.now().minusSeconds(1).truncatedTo(ChronoUnit.SECONDS);

		setNextFireAt("sched-i", id, due);
		assertThat(this.firing.fire(new ScheduleRepository.Due(UUID.fromString(id), "sched-i"))).isFalse();
		Thread.sleep(2000);
		assertThat(runs("sched-i")).isZero();
		assertThat(nextFireAt("sched-i", id)).isEqualTo(due);
	}

	/**
	 * A daily cron expression (UTC) twelve hours from now, so no fire of its own comes
	 * near the fire times a test sets.
	 */
	private static String farFromNow() {
		return "0 " + ((ZonedDateTime.now(ZoneId.of("UTC")).getHour() + 12) % 24) + " * * *";
	}

	private void automation(String tenant, String key, boolean deployed) throws Exception {
		this.mvc
			.perform(post("/api/automations").with(editor(tenant))
				.contentType(MediaType.APPLICATION_JSON)
				.content(JSON.writeValueAsString(Map.of("key", key, "name", key, "bpmnXml",
						Bpmn.convertToString(Bpmn.createExecutableProcess("p").startEvent().endEvent().done())))))
			.andExpect(status().isCreated());
		if (deployed) {
			this.mvc.perform(post("/api/automations/{key}/versions/1/deployment", key).with(editor(tenant)))
				.andExpect(status().isOk());
		}
	}

	private String create(String tenant, String key, String request) throws Exception {
		return body(this.mvc
			.perform(post("/api/automations/{key}/schedules", key).with(editor(tenant))
				.contentType(MediaType.APPLICATION_JSON)
				.content(request))
			.andExpect(status().isCreated())).get("id").asText();
	}

	private void setNextFireAt(String tenant, String id, Instant at) {
		TenantContext.run(tenant,
				() -> this.jdbc.sql("update automation_schedule set next_fire_at = :at where id = :id")
					.param("at", java.sql.Timestamp.from(at))
					.param("id", UUID.fromString(id))
					.update());
	}

	private Instant nextFireAt(String tenant, String id) {
		return TenantContext.call(tenant,
				() -> this.jdbc.sql("select next_fire_at from automation_schedule where id = :id")
					.param("id", UUID.fromString(id))
					.query(java.sql.Timestamp.class)
					.single()
					.toInstant());
	}

	private String runOfSchedule(String tenant, String id) {
		return TenantContext.call(tenant,
				() -> this.jdbc.sql("select cast(last_run_id as text) from automation_schedule where id = :id")
					.param("id", UUID.fromString(id))
					.query(String.class)
					.optional()
					.orElse(null));
	}

	private long runs(String tenant) {
		return TenantContext.call(tenant, () -> this.jdbc.sql("select count(*) from run").query(Long.class).single());
	}

	private long schedules(String tenant) {
		return TenantContext.call(tenant,
				() -> this.jdbc.sql("select count(*) from automation_schedule").query(Long.class).single());
	}

	private static JsonNode body(org.springframework.test.web.servlet.ResultActions result) throws Exception {
		return JSON.readTree(result.andReturn().getResponse().getContentAsString());
	}

	private static RequestPostProcessor editor(String tenant) {
		return TestTokens.user(tenant, "editor");
	}

	private static RequestPostProcessor viewer(String tenant) {
		return TestTokens.user(tenant, "viewer");
	}

}
