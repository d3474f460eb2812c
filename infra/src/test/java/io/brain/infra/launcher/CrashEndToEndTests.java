package io.brain.infra.launcher;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import io.brain.infra.bench.CallTarget;
import io.brain.infra.bench.WebhookBenchmark;
import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.ThrowingRunnable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Exactly once from webhook to provider call across crashes, on the platform as
 * {@code ./brain up} starts it: 500 signed webhooks are sent while the process hosting
 * the open engine (the api) or the workers are killed ({@code kill -9}) and started
 * again. The senders act as providers do and send a webhook again, with the same delivery
 * id, until it is answered. A local server counts the provider calls by the id in their
 * bodies.
 */
class CrashEndToEndTests {

	static final String SECRET = "crash-e2e-secret-0123456789";

	static final int WEBHOOKS = 500;

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	@Test
	void apiKilledMidFloodThenEveryWebhookStartsOneRunAndEachCallIsMadeOnce() throws Exception {
		Platform platform = SharedPlatform.get();
		String token = SharedPlatform.token("acme-editor");
		try (CallTarget provider = CallTarget.start()) {
			Flow flow = Flow.deploy(token, "crash-api", provider.url());
			AtomicInteger answered = new AtomicInteger();
			Duration restartedAt;
			try (ExecutorService senders = Executors.newFixedThreadPool(16)) {
				List<Future<Integer>> sent = flood(senders, flow, answered);
				await().atMost(Duration.ofMinutes(1)).until(() -> answered.get() >= WEBHOOKS / 4);
				platform.kill("api");
				platform.startApi();
				restartedAt = Duration.ofNanos(System.nanoTime());
				for (Future<Integer> status : sent) {
					assertThat(status.get()).isIn(200, 202);
				}
			}
			// Every delivery was taken, and each starts one run that calls once.
			ThrowingRunnable everyRunCompleted = () -> {
				long runs = flow.runs(token, null);
				long completed = flow.runs(token, "COMPLETED");
				assertThat(runs).as("runs (%d completed)", completed).isEqualTo(WEBHOOKS);
				assertThat(completed).as("completed runs").isEqualTo(WEBHOOKS);
			};
			try {
				await().atMost(Duration.ofMinutes(1))
					.pollInterval(Duration.ofSeconds(2))
					.untilAsserted(everyRunCompleted);
			}
			catch (ConditionTimeoutException late) {
				// Where the runs still running wait, to tell a late run from a lost one.
				System.out.println(Unfinished.describe(platform, flow.key()));
				throw late;
			}
			Duration afterRestart = Duration.ofNanos(System.nanoTime()).minus(restartedAt);
			System.out.printf("api killed: every run completed %d s after the restart%n", afterRestart.toSeconds());
			assertThat(flow.deliveries(token, "DISPATCHED")).isEqualTo(WEBHOOKS);
			Map<String, List<String>> calls = provider.callsById();
			assertThat(calls).hasSize(WEBHOOKS);
			calls.forEach((id, keys) -> assertThat(keys).as("calls of %s", id).hasSize(1));
		}
	}

	@Test
	void workersKilledMidCallThenOnlyCallsInFlightRepeatWithTheirIdempotencyKeys() throws Exception {
		Platform platform = SharedPlatform.get();
		String token = SharedPlatform.token("acme-editor");
		try (CallTarget provider = CallTarget.start(Duration.ofMillis(300))) {
			Flow flow = Flow.deploy(token, "crash-workers", provider.url());
			try (ExecutorService senders = Executors.newFixedThreadPool(16)) {
				for (Future<Integer> status : flood(senders, flow, new AtomicInteger())) {
					assertThat(status.get()).isEqualTo(202);
				}
			}
			await().atMost(Duration.ofMinutes(1)).until(() -> provider.calls() >= WEBHOOKS / 5);
			platform.kill("workers");
			long madeBeforeTheCrash = provider.calls();
			platform.startWorkers();
			await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
				assertThat(flow.runs(token, "COMPLETED")).isEqualTo(WEBHOOKS);
			});
			Map<String, List<String>> calls = provider.callsById();
			assertThat(calls).hasSize(WEBHOOKS);
			List<String> repeated = new ArrayList<>();
			calls.forEach((id, keys) -> {
				assertThat(keys).as("calls of %s", id).hasSizeLessThanOrEqualTo(2);
				assertThat(keys.get(0)).as("the idempotency key of %s", id).isNotBlank();
				if (keys.size() > 1) {
					repeated.add(id);
					assertThat(keys).as("the idempotency keys of %s", id).containsOnly(keys.get(0));
				}
			});
			// At most the calls in flight when the workers died are made again: the
			// workers
			// call at most brain.workers.max-per-type (32) of one type at once.
			System.out.printf("workers killed after %d calls: %d of %d calls repeated, each with its key%n",
					madeBeforeTheCrash, repeated.size(), WEBHOOKS);
			assertThat(repeated.size()).isLessThanOrEqualTo(32);
			assertThat(madeBeforeTheCrash).isLessThan(WEBHOOKS);
		}
	}

	/**
	 * Sends the webhooks from many threads, each again with its delivery id until it is
	 * answered (the api may be down meanwhile), as a provider redelivers.
	 * @return each webhook's final status
	 */
	private static List<Future<Integer>> flood(ExecutorService senders, Flow flow, AtomicInteger answered) {
		List<Future<Integer>> sent = new ArrayList<>();
		for (int n = 0; n < WEBHOOKS; n++) {
			String body = "{\"action\":\"opened\",\"id\":\"" + flow.key() + "-" + n + "\"}";
			String deliveryId = UUID.randomUUID().toString();
			sent.add(senders.submit(() -> {
				long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
				while (true) {
					try {
						HttpRequest request = SharedPlatform.gitHubWebhook(flow.address(), SECRET, body, deliveryId)
							.timeout(Duration.ofSeconds(10))
							.build();
						int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
						if (status < 500) {
							answered.incrementAndGet();
							return status;
						}
					}
					catch (IOException down) {
						// The api is not there: the provider tries again.
					}
					if (System.nanoTime() > deadline) {
						return -1;
					}
					Thread.sleep(250);
				}
			}));
		}
		return sent;
	}

	/**
	 * An automation whose one step posts the webhook's payload to the provider, which
	 * counts the call by its {@code id}, {@code "<key>-<number>"}.
	 */
	private record Flow(String key, String address, String listenerId) {

		static Flow deploy(String token, String key, String providerUrl) {
			Map<String, Object> automation = new LinkedHashMap<>();
			automation.put("name", "Crash " + key);
			automation.put("key", key);
			automation.put("bpmnXml", WebhookBenchmark.bpmn(key, providerUrl));
			expect(201, SharedPlatform.send(token, "POST", "/api/automations", SharedPlatform.write(automation)));
			expect(200, SharedPlatform.send(token, "POST", "/api/automations/" + key + "/versions/1/deployment", null));
			JsonNode listener = SharedPlatform
				.read(expect(201,
						SharedPlatform.send(token, "POST", "/api/webhooks", SharedPlatform.write(Map.of("name",
								"Crash " + key, "provider", "GITHUB", "automationKey", key, "secret", SECRET))))
					.body());
			return new Flow(key, listener.at("/listener/url").asText(), listener.at("/listener/id").asText());
		}

		long runs(String token, String state) {
			return total(token, "/api/runs?automation=" + this.key + ((state != null) ? "&state=" + state : ""));
		}

		long deliveries(String token, String status) {
			return total(token, "/api/webhooks/" + this.listenerId + "/deliveries?status=" + status);
		}

		private static long total(String token, String list) {
			return SharedPlatform
				.read(expect(200, SharedPlatform.send(token, "GET", list + "&size=1&page=0", null)).body())
				.get("total")
				.asLong();
		}

		private static HttpResponse<String> expect(int status, HttpResponse<String> response) {
			assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
			return response;
		}

	}

}
