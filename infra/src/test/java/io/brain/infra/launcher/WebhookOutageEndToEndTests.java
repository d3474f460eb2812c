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

import io.brain.core.testing.RecordingHttpServer;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * No webhook is lost and no call made twice while the workers are down: with the workers
 * of the platform {@code ./brain up} starts stopped, 200 signed webhooks are answered 202
 * and each starts exactly one run, which waits at its connector step; once the workers
 * are started again, every run completes and the provider receives each call exactly
 * once.
 */
class WebhookOutageEndToEndTests {

	static final String KEY = "outage-e2e";

	static final String SECRET = "outage-e2e-secret-0123456789";

	static final int WEBHOOKS = 200;

	@Test
	void webhooksWhenWorkersStoppedThenRunsWaitAndWhenBackThenEachCallIsMadeOnce() throws Exception {
		Platform platform = SharedPlatform.get();
		String token = SharedPlatform.token("acme-editor");
		RecordingHttpServer provider = RecordingHttpServer.start();
		Map<String, Object> automation = new LinkedHashMap<>();
		automation.put("name", "Outage");
		automation.put("key", KEY);
		automation.put("bpmnXml", """
				<?xml version="1.0" encoding="UTF-8"?>
				<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d"
				    xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" targetNamespace="http://bpmn.io/schema/bpmn">
				  <bpmn:process id="outage" isExecutable="true">
				    <bpmn:startEvent id="received"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
				    <bpmn:sequenceFlow id="f1" sourceRef="received" targetRef="notify" />
				    <bpmn:serviceTask id="notify" name="Notify the shop">
				      <bpmn:extensionElements>
				        <zeebe:taskDefinition type="io.brain:http-request:1" retries="3" />
				        <zeebe:taskHeaders><zeebe:header key="operation" value="send" /></zeebe:taskHeaders>
				        <zeebe:ioMapping>
				          <zeebe:input source="=&quot;POST&quot;" target="method" />
				          <zeebe:input source="=&quot;%s&quot;" target="url" />
				          <zeebe:input source="={&quot;n&quot;: webhook.payload.number}" target="body" />
				        </zeebe:ioMapping>
				      </bpmn:extensionElements>
				      <bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing>
				    </bpmn:serviceTask>
				    <bpmn:sequenceFlow id="f2" sourceRef="notify" targetRef="done" />
				    <bpmn:endEvent id="done"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
				  </bpmn:process>
				</bpmn:definitions>
				""".formatted(provider.url("/orders")));
		expect(201, SharedPlatform.send(token, "POST", "/api/automations", SharedPlatform.write(automation)));
		expect(200, SharedPlatform.send(token, "POST", "/api/automations/" + KEY + "/versions/1/deployment", null));
		JsonNode listener = SharedPlatform.read(expect(201,
				SharedPlatform.send(token, "POST", "/api/webhooks", SharedPlatform
					.write(Map.of("name", "Outage", "provider", "GITHUB", "automationKey", KEY, "secret", SECRET))))
			.body());
		String address = listener.at("/listener/url").asText();
		String listenerId = listener.at("/listener/id").asText();

		platform.stopWorkers();
		try {
			try (ExecutorService senders = Executors.newFixedThreadPool(8)) {
				List<Future<HttpResponse<String>>> sent = IntStream.range(0, WEBHOOKS)
					.mapToObj((n) -> senders.submit(() -> SharedPlatform.postGitHubWebhook(address, SECRET,
							"{\"action\":\"opened\",\"number\":" + n + "}")))
					.toList();
				for (Future<HttpResponse<String>> answer : sent) {
					expect(202, answer.get());
				}
			}
			// Each delivery starts its one run, which waits at its step: no call is made.
			await().atMost(Duration.ofMinutes(3))
				.pollInterval(Duration.ofSeconds(2))
				.untilAsserted(() -> assertThat(deliveries(token, listenerId, "DISPATCHED")).isEqualTo(WEBHOOKS));
			Set<String> runIds = every(token, "/api/webhooks/" + listenerId + "/deliveries?status=DISPATCHED", "runId");
			assertThat(runIds).hasSize(WEBHOOKS);
			assertThat(runs(token, "ACTIVE")).isEqualTo(WEBHOOKS);
			assertThat(provider.received()).isZero();
		}
		finally {
			platform.startWorkers();
		}

		Set<String> numbers = new HashSet<>();
		for (int i = 0; i < WEBHOOKS; i++) {
			RecordingHttpServer.Recorded call = provider.take(Duration.ofMinutes(2));
			assertThat(numbers.add(SharedPlatform.read(call.body()).get("n").asText()))
				.as("call %s made twice", call.body())
				.isTrue();
		}
		assertThat(numbers).hasSize(WEBHOOKS);
		await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
			assertThat(runs(token, null)).isEqualTo(WEBHOOKS);
			assertThat(runs(token, "COMPLETED")).isEqualTo(WEBHOOKS);
		});
		// Nothing is called again once every run has completed.
		Thread.sleep(2000);
		assertThat(provider.received()).isZero();
		provider.close();
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
