package io.brain.infra.launcher;

import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.brain.infra.bench.CallTarget;
import io.brain.infra.bench.WebhookBenchmark;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static io.brain.infra.launcher.SharedPlatform.read;
import static io.brain.infra.launcher.SharedPlatform.send;
import static io.brain.infra.launcher.SharedPlatform.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two api nodes and two workers processes on one PostgreSQL, as the compose file and the
 * Helm chart run them (docs/operations.md, Scaling out): the platform {@code ./brain up}
 * starts, plus a second api node (another node of the open engine, its job executor on)
 * and a second workers process. Runs started through either node complete, each of a
 * schedule's fires starts exactly one run, and each webhook posted to either node is
 * dispatched exactly once. Both workers processes take steps, each step once. Every run's
 * one step posts to a local server, which counts the calls by the {@code id} in their
 * bodies.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScaleOutEndToEndTests {

	static final String SECRET = "scale-out-e2e-secret-0123456789";

	private Platform platform;

	private Platform.Node secondApi;

	private Platform.Node secondWorkers;

	private CallTarget provider;

	private String token;

	/** The two api nodes' addresses, the platform's own first. */
	private List<String> nodes;

	@BeforeAll
	void twoApiNodesAndTwoWorkers() {
		this.platform = SharedPlatform.get();
		this.secondApi = this.platform.startApiNode("api-2", Map.of());
		this.secondWorkers = this.platform.startWorkersNode("workers-2", Map.of());
		this.nodes = List.of(SharedPlatform.apiUrl(), this.secondApi.url());
		this.provider = CallTarget.start();
		this.token = SharedPlatform.token("acme-editor");
	}

	@AfterAll
	void backToOneOfEach() {
		if (this.provider != null) {
			this.provider.close();
		}
		if (this.secondWorkers != null) {
			this.secondWorkers.close();
		}
		if (this.secondApi != null) {
			this.secondApi.close();
		}
	}

	@Test
	void runsWhenStartedThroughEitherNodeThenEachCompletesWithOneCallAndBothWorkersTakePart() throws Exception {
		// A worker process calls at most 32 of one step type at once
		// (brain.workers.max-per-type): with 40 calls of 5 s each, the second takes the
		// rest.
		int runs = 40;
		try (CallTarget slow = CallTarget.start(Duration.ofSeconds(5))) {
			String key = deploy("scale-runs", slow);
			List<String> runIds = new ArrayList<>();
			for (int n = 0; n < runs; n++) {
				String node = this.nodes.get(n % 2);
				HttpResponse<String> started = expect(201,
						send(node, this.token, "POST", "/api/runs", write(Map.of("processId", key, "variables",
								Map.of("webhook", Map.of("payload", Map.of("id", key + "-" + n)))))));
				runIds.add(read(started.body()).get("id").asText());
			}
			// Each run reads alike through both nodes, and completes.
			await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
				for (String runId : runIds) {
					for (String node : this.nodes) {
						JsonNode run = read(
								expect(200, send(node, this.token, "GET", "/api/runs/" + runId, null)).body());
						assertThat(run.get("state").asText()).as("run %s through %s", runId, node)
							.isEqualTo("COMPLETED");
					}
				}
			});
			assertThat(total("/api/runs?automation=" + key)).isEqualTo(runs);
			Map<String, List<String>> calls = slow.callsById();
			for (int n = 0; n < runs; n++) {
				assertThat(calls.get(key + "-" + n)).as("calls of run %d", n).hasSize(1);
			}
			Map<String, Integer> byWorker = completedByWorker(key);
			System.out.println("scale-out: steps completed per worker process: " + byWorker);
			assertThat(byWorker).hasSize(2);
			assertThat(byWorker.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(runs);
		}
	}

	@Test
	void scheduleWhenDueWithTwoNodesPollingThenEachFireStartsOneRun() throws Exception {
		String key = deploy("scale-schedule");
		// Every minute, the shortest a schedule may fire
		// (brain.schedules.minimum-interval).
		JsonNode schedule = read(
				expect(201,
						send(this.nodes.get(1), this.token, "POST", "/api/automations/" + key + "/schedules",
								write(Map.of("name", "Every minute", "cron", "0 * * * * *", "timeZone", "UTC",
										"variables", Map.of("webhook", Map.of("payload", Map.of("id", key)))))))
					.body());
		UUID id = UUID.fromString(schedule.get("id").asText());
		try {
			// Two fires made due now, a second apart, each looked for by both nodes every
			// second; the minute's own fires may come between and count as well.
			Set<Instant> forced = new HashSet<>();
			for (int fire = 0; fire < 2; fire++) {
				awayFromTheMinute();
				Instant due = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(1);
				forced.add(due);
				makeDue(id, due);
				await().atMost(Duration.ofSeconds(30))
					.pollInterval(Duration.ofMillis(250))
					.until(() -> firesOf(id).containsKey(due));
				Thread.sleep(1100);
			}
			// Both nodes polled several times more: still one run per fire.
			Thread.sleep(3000);
			Map<Instant, Integer> fires = firesOf(id);
			assertThat(fires.keySet()).containsAll(forced);
			fires.forEach((at, audited) -> assertThat(audited).as("fires audited at %s", at).isEqualTo(1));
			await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
				assertThat(total("/api/runs?automation=" + key)).isEqualTo(firesOf(id).size());
				assertThat(total("/api/runs?automation=" + key + "&state=COMPLETED")).isEqualTo(firesOf(id).size());
			});
			assertThat(this.provider.callsById().get(key)).hasSize(firesOf(id).size());
			System.out.printf("scale-out: %d fires, %d runs%n", firesOf(id).size(),
					total("/api/runs?automation=" + key));
		}
		finally {
			expect(204, send(this.token, "DELETE", "/api/automations/" + key + "/schedules/" + id, null));
		}
	}

	@Test
	void webhooksWhenPostedToEitherNodeThenEachIsDispatchedOnce() {
		String key = deploy("scale-hooks");
		JsonNode listener = read(expect(201, send(this.token, "POST", "/api/webhooks", write(
				Map.of("name", "Scale out " + key, "provider", "GITHUB", "automationKey", key, "secret", SECRET))))
			.body());
		String path = URI.create(listener.at("/listener/url").asText()).getPath();
		String listenerId = listener.at("/listener/id").asText();
		int webhooks = 20;
		for (int n = 0; n < webhooks; n++) {
			String body = "{\"action\":\"opened\",\"id\":\"" + key + "-" + n + "\"}";
			expect(202, SharedPlatform.postGitHubWebhook(this.nodes.get(n % 2) + path, SECRET, body));
		}
		await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			assertThat(total("/api/runs?automation=" + key + "&state=COMPLETED")).isEqualTo(webhooks);
			assertThat(total("/api/webhooks/" + listenerId + "/deliveries?status=DISPATCHED")).isEqualTo(webhooks);
		});
		assertThat(total("/api/runs?automation=" + key)).isEqualTo(webhooks);
		assertThat(total("/api/webhooks/" + listenerId + "/deliveries?status=RECEIVED")).isZero();
		JsonNode deliveries = read(
				expect(200,
						send(this.token, "GET",
								"/api/webhooks/" + listenerId + "/deliveries?status=DISPATCHED&size=100&page=0", null))
					.body())
			.get("items");
		Set<String> runIds = new HashSet<>();
		deliveries.forEach((delivery) -> runIds.add(delivery.get("runId").asText()));
		assertThat(runIds).hasSize(webhooks);
		Map<String, List<String>> calls = this.provider.callsById();
		for (int n = 0; n < webhooks; n++) {
			assertThat(calls.get(key + "-" + n)).as("calls of webhook %d", n).hasSize(1);
		}
	}

	/**
	 * Deploys an automation whose one step posts {@code webhook.payload} to the provider.
	 */
	private String deploy(String key) {
		return deploy(key, this.provider);
	}

	private String deploy(String key, CallTarget target) {
		Map<String, Object> automation = new LinkedHashMap<>();
		automation.put("name", "Scale out " + key);
		automation.put("key", key);
		automation.put("bpmnXml", WebhookBenchmark.bpmn(key, target.url()));
		expect(201, send(this.token, "POST", "/api/automations", write(automation)));
		expect(200, send(this.token, "POST", "/api/automations/" + key + "/versions/1/deployment", null));
		return key;
	}

	private long total(String list) {
		return read(
				expect(200, send(this.token, "GET", list + (list.contains("?") ? "&" : "?") + "size=1&page=0", null))
					.body())
			.get("total")
			.asLong();
	}

	/**
	 * Waits until the minute's own fire is a few seconds away: a fire made due just
	 * before it would be skipped for it (only the latest due fire starts a run).
	 */
	private static void awayFromTheMinute() throws InterruptedException {
		while (true) {
			int second = LocalTime.now(ZoneOffset.UTC).getSecond();
			if (second >= 3 && second <= 50) {
				return;
			}
			Thread.sleep(500);
		}
	}

	/**
	 * Sets when a schedule fires next, as the database's superuser (past row security).
	 */
	private void makeDue(UUID schedule, Instant at) throws SQLException {
		try (Connection connection = superuser();
				PreparedStatement update = connection
					.prepareStatement("update automation_schedule set next_fire_at = ? where id = ?")) {
			update.setTimestamp(1, Timestamp.from(at));
			update.setObject(2, schedule);
			assertThat(update.executeUpdate()).isEqualTo(1);
		}
	}

	/** How many successful fires the audit log holds for each fire time of a schedule. */
	private Map<Instant, Integer> firesOf(UUID schedule) throws SQLException {
		Map<Instant, Integer> fires = new LinkedHashMap<>();
		try (Connection connection = superuser(); PreparedStatement query = connection.prepareStatement("""
				select metadata ->> 'fireTime', count(*) from audit_log
				where target_id = ? and metadata ->> 'operation' = 'schedule.fire' and outcome = 'SUCCESS'
				group by 1""")) {
			query.setString(1, schedule.toString());
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					fires.put(Instant.parse(rows.getString(1)), rows.getInt(2));
				}
			}
		}
		return fires;
	}

	/** Which worker processes completed an automation's steps, and how many. */
	private Map<String, Integer> completedByWorker(String key) throws SQLException {
		Map<String, Integer> workers = new LinkedHashMap<>();
		try (Connection connection = superuser(); PreparedStatement query = connection.prepareStatement("""
				select worker_id_, count(*) from act_hi_ext_task_log
				where proc_def_key_ = ? and state_ = 2 group by 1""")) {
			query.setString(1, key);
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					workers.put(rows.getString(1), rows.getInt(2));
				}
			}
		}
		return workers;
	}

	private Connection superuser() throws SQLException {
		return DriverManager.getConnection(this.platform.databaseUrl(), "postgres", "");
	}

	private static HttpResponse<String> expect(int status, HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		return response;
	}

}
