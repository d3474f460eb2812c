package io.brain.infra.launcher;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * No webhook is lost while the broker is down: with the broker of the platform
 * {@code ./brain up} starts stopped, 200 signed webhooks are answered 202 and kept; once
 * the broker is started again, exactly 200 runs are created, one per webhook, none twice.
 */
class WebhookOutageEndToEndTests {

	static final String KEY = "outage-e2e";

	static final String SECRET = "outage-e2e-secret-0123456789";

	static final int WEBHOOKS = 200;

	@Test
	void webhooksWhenBrokerStoppedThenKeptAndWhenBackThenEachStartsExactlyOneRun() throws Exception {
		Platform platform = SharedPlatform.get();
		String token = SharedPlatform.token("acme-editor");
		Map<String, Object> automation = new LinkedHashMap<>();
		automation.put("name", "Outage");
		automation.put("key", KEY);
		automation.put("bpmnXml", """
				<?xml version="1.0" encoding="UTF-8"?>
				<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d"
				    targetNamespace="http://bpmn.io/schema/bpmn">
				  <bpmn:process id="outage" isExecutable="true">
				    <bpmn:startEvent id="received"><bpmn:outgoing>f</bpmn:outgoing></bpmn:startEvent>
				    <bpmn:sequenceFlow id="f" sourceRef="received" targetRef="done" />
				    <bpmn:endEvent id="done"><bpmn:incoming>f</bpmn:incoming></bpmn:endEvent>
				  </bpmn:process>
				</bpmn:definitions>
				""");
		expect(201, SharedPlatform.send(token, "POST", "/api/automations", SharedPlatform.write(automation)));
		expect(200, SharedPlatform.send(token, "POST", "/api/automations/" + KEY + "/versions/1/deployment", null));
		JsonNode listener = SharedPlatform.read(expect(201,
				SharedPlatform.send(token, "POST", "/api/webhooks", SharedPlatform
					.write(Map.of("name", "Outage", "provider", "GITHUB", "automationKey", KEY, "secret", SECRET))))
			.body());
		String address = listener.at("/listener/url").asText();
		String listenerId = listener.at("/listener/id").asText();

		platform.stopBroker();
		try (ExecutorService senders = Executors.newFixedThreadPool(8)) {
			List<Future<HttpResponse<String>>> sent = IntStream.range(0, WEBHOOKS)
				.mapToObj((n) -> senders.submit(() -> SharedPlatform.postGitHubWebhook(address, SECRET,
						"{\"action\":\"opened\",\"number\":" + n + "}")))
				.toList();
			for (Future<HttpResponse<String>> answer : sent) {
				expect(202, answer.get());
			}
		}
		// Kept, and none started while the broker is away.
		assertThat(deliveries(token, listenerId, "RECEIVED")).isEqualTo(WEBHOOKS);
		assertThat(deliveries(token, listenerId, "DISPATCHED")).isZero();
		platform.startBroker();

		await().atMost(Duration.ofMinutes(5))
			.pollInterval(Duration.ofSeconds(2))
			.untilAsserted(() -> assertThat(deliveries(token, listenerId, "DISPATCHED")).isEqualTo(WEBHOOKS));
		// Each delivery names its own run, and the broker's exporter reports exactly
		// those
		// runs, every one completed.
		Set<String> runIds = every(token, "/api/webhooks/" + listenerId + "/deliveries?status=DISPATCHED", "runId");
		assertThat(runIds).hasSize(WEBHOOKS);
		await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
			assertThat(runs(token, null)).isEqualTo(WEBHOOKS);
			assertThat(runs(token, "COMPLETED")).isEqualTo(WEBHOOKS);
		});
		assertThat(every(token, "/api/runs?automation=" + KEY, "id")).isEqualTo(runIds);
	}

	private static long deliveries(String token, String listenerId, String status) {
		return page(token, "/api/webhooks/" + listenerId + "/deliveries?status=" + status, 1, 0).get("total").asLong();
	}

	private static long runs(String token, String state) {
		return page(token, "/api/runs?automation=" + KEY + ((state != null) ? "&state=" + state : ""), 1, 0)
			.get("total")
			.asLong();
	}

	/** A field of every item of a paged list (of at most {@code WEBHOOKS} items). */
	private static Set<String> every(String token, String list, String field) {
		Set<String> values = new HashSet<>();
		for (int page = 0; page < WEBHOOKS / 100; page++) {
			page(token, list, 100, page).get("items").forEach((item) -> values.add(item.get(field).asText()));
		}
		return values;
	}

	private static JsonNode page(String token, String list, int size, int page) {
		return SharedPlatform.read(
				expect(200, SharedPlatform.send(token, "GET", list + "&size=" + size + "&page=" + page, null)).body());
	}

	private static HttpResponse<String> expect(int status, HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		return response;
	}

}
