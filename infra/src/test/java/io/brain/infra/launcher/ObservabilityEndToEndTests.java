package io.brain.infra.launcher;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.brain.infra.bench.WebhookBenchmark;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brain.core.testing.RecordingHttpServer;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The observability of {@code infra/observability/} against the platform as
 * {@code ./brain up} starts it: Debian's {@code promtool} accepts the Prometheus
 * configuration and the alert rules, and a real Prometheus scraping the api and the
 * workers answers every PromQL query of every dashboard panel and every alert rule with
 * data, once a webhook, runs, a connector call that works and one that fails went
 * through; except the queries named in {@link #KNOWN_EMPTY}, with the reason. The api's
 * log lines carry the tenant, request and trace ids, and no webhook body.
 */
class ObservabilityEndToEndTests {

	static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");

	static final Path PROMTOOL = Path.of("/usr/bin/promtool");

	static final String SECRET = "observability-secret-0123456789";

	/**
	 * Queries that may answer nothing here, by what they measure: nothing in this test
	 * makes it happen.
	 */
	static final Map<String, String> KNOWN_EMPTY = Map.of("brain_agent_tokens_total",
			"no agent runs in this test (an LLM would be needed)", "brain_agent_tool_calls_total",
			"no agent runs in this test", "connector=\"agent\"", "no agent runs in this test",
			"brain_connector_limit_refusals_total",
			"the shared platform lifts the connector limits, so none refuses a call");

	@Test
	void observabilityWhenPrometheusScrapesThePlatformThenEveryPanelAndAlertQueryAnswers() throws Exception {
		assertThat(PROMETHEUS).as("Debian's prometheus package (.ci/run installs it)").isExecutable();
		Path observability = project().resolve("infra/observability");
		Path config = observability.resolve("prometheus/prometheus.yml");
		Path rules = observability.resolve("prometheus/alerts.yml");
		assertThat(run(PROMTOOL.toString(), "check", "config", config.toString())).contains("SUCCESS");
		assertThat(run(PROMTOOL.toString(), "check", "rules", rules.toString())).contains("SUCCESS: 9 rules found");

		Platform platform = SharedPlatform.get();
		traffic();
		// Metrics are the platform's: a tenant's token never reaches them on the api.
		assertThat(SharedPlatform.send(SharedPlatform.token("acme-admin"), "GET", "/actuator/prometheus", null)
			.statusCode()).isBetween(400, 499);

		// The api's log line of the refused webhook: JSON, with its tenant, request and
		// trace ids, without the body.
		Path apiLog = platform.settings().logs().resolve("api.log");
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(Files.readAllLines(apiLog)
				.stream()
				.filter((line) -> line.contains("Refused a webhook"))
				.map(SharedPlatform::read)
				.filter((line) -> line.path("tenant").asText().equals("acme"))
				.toList()).isNotEmpty().allSatisfy((line) -> {
					assertThat(line.path("requestId").asText()).isNotBlank();
					assertThat(line.path("traceId").asText()).matches("[0-9a-f]{32}");
				}));
		assertThat(Files.readString(apiLog)).doesNotContain("hunter2");

		Path home = Files.createTempDirectory("brain-prometheus");
		Files.copy(rules, home.resolve("alerts.yml"));
		Files.writeString(home.resolve("prometheus.yml"),
				// The deployment finds each replica by its service's name; here there is
				// one
				// of each, on this machine.
				Files.readString(config)
					.replaceAll("dns_sd_configs:\\s+- names: \\[\"api\"]\\s+type: A\\s+port: 8082",
							"static_configs:\n      - targets: [\"127.0.0.1:"
									+ platform.settings().ports().apiManagement() + "\"]")
					.replaceAll("dns_sd_configs:\\s+- names: \\[\"workers\"]\\s+type: A\\s+port: 8081",
							"static_configs:\n      - targets: [\"127.0.0.1:" + platform.settings().ports().workers()
									+ "\"]")
					.replace("scrape_interval: 15s", "scrape_interval: 1s")
					.replace("evaluation_interval: 15s", "evaluation_interval: 1s"));
		int port = freePort();
		Process prometheus = new ProcessBuilder(PROMETHEUS.toString(),
				"--config.file=" + home.resolve("prometheus.yml"), "--storage.tsdb.path=" + home.resolve("data"),
				"--web.listen-address=127.0.0.1:" + port)
			.redirectErrorStream(true)
			.redirectOutput(home.resolve("prometheus.log").toFile())
			.start();
		try {
			String prometheusUrl = "http://127.0.0.1:" + port;
			await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
				assertThat(answer(prometheusUrl, "up{job=\"brain-api\"} == 1")).isNotEmpty();
				assertThat(answer(prometheusUrl, "up{job=\"brain-workers\"} == 1")).isNotEmpty();
			});
			Map<String, String> queries = queries(observability);
			assertThat(queries).hasSizeGreaterThan(40);
			// The figures read from tables refresh every 15 s; rates want a few scrapes.
			List<String> empty = new ArrayList<>();
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
			do {
				Thread.sleep(2000);
				empty.clear();
				for (Map.Entry<String, String> query : queries.entrySet()) {
					if (knownEmpty(query.getValue()) == null && answer(prometheusUrl, query.getValue()).isEmpty()) {
						empty.add(query.getKey() + ": " + query.getValue());
					}
				}
			}
			while (!empty.isEmpty() && System.nanoTime() < deadline);
			assertThat(empty).as("queries that answered nothing").isEmpty();
			// The alerts are evaluated, and none fires on a healthy platform but those of
			// the failure this test caused.
			JsonNode alerts = SharedPlatform.read(
					SharedPlatform.send(HttpRequest.newBuilder(URI.create(prometheusUrl + "/api/v1/rules?type=alert")))
						.body());
			assertThat(alerts.at("/data/groups/0/rules")).hasSize(9)
				.allSatisfy((rule) -> assertThat(rule.get("health").asText()).as(rule.get("name").asText())
					.isEqualTo("ok"));
		}
		finally {
			prometheus.destroy();
			if (!prometheus.waitFor(10, TimeUnit.SECONDS)) {
				prometheus.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
	}

	/**
	 * A signed webhook whose run's connector call fails (an incident), and a run whose
	 * call works and completes.
	 */
	private static void traffic() throws Exception {
		String token = SharedPlatform.token("acme-editor");
		try (RecordingHttpServer target = RecordingHttpServer.start()) {
			expect(201, SharedPlatform.send(token, "POST",
					"/api/process-templates/webhook-payload-to-http-request/deployments", null));
			HttpResponse<String> started = expect(201,
					SharedPlatform.send(token, "POST", "/api/runs", SharedPlatform
						.write(Map.of("processId", "webhook-payload-to-http-request", "variables",
								Map.of("payload", Map.of("event", "order.paid"), "targetUrl", target.url("/hook"))))));
			String runId = SharedPlatform.read(started.body()).get("id").asText();
			await().atMost(Duration.ofSeconds(60))
				.untilAsserted(() -> assertThat(
						SharedPlatform.read(SharedPlatform.send(token, "GET", "/api/runs/" + runId, null).body())
							.get("state")
							.asText())
					.isEqualTo("COMPLETED"));
		}

		Map<String, Object> automation = new LinkedHashMap<>();
		automation.put("name", "Observed");
		automation.put("key", "observed");
		// Port 9 (discard) refuses the call: one attempt, then an incident.
		automation.put("bpmnXml", WebhookBenchmark.bpmn("observed", "http://127.0.0.1:9/nobody", 1));
		expect(201, SharedPlatform.send(token, "POST", "/api/automations", SharedPlatform.write(automation)));
		expect(200, SharedPlatform.send(token, "POST", "/api/automations/observed/versions/1/deployment", null));
		JsonNode listener = SharedPlatform.read(
				expect(201,
						SharedPlatform.send(token, "POST", "/api/webhooks", SharedPlatform.write(Map.of("name",
								"Observed", "provider", "GITHUB", "automationKey", "observed", "secret", SECRET))))
					.body());
		expect(202, SharedPlatform.postGitHubWebhook(listener.at("/listener/url").asText(), SECRET,
				"{\"action\":\"opened\"}"));
		expect(401, SharedPlatform.postGitHubWebhook(listener.at("/listener/url").asText(), "not-the-secret",
				"{\"action\":\"opened\",\"password\":\"hunter2\"}"));
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(SharedPlatform
				.read(SharedPlatform.send(token, "GET", "/api/runs?automation=observed&state=INCIDENT", null).body())
				.get("total")
				.asLong()).isPositive());
	}

	/**
	 * Every PromQL expression of every dashboard panel and alert rule, by where it is; of
	 * an alert, also the query it compares with its bound, which answers even while the
	 * alert does not fire.
	 */
	private static Map<String, String> queries(Path observability) throws IOException {
		Map<String, String> queries = new LinkedHashMap<>();
		try (var dashboards = Files.list(observability.resolve("grafana/dashboards"))) {
			for (Path dashboard : dashboards.sorted().toList()) {
				for (JsonNode panel : SharedPlatform.read(Files.readString(dashboard)).get("panels")) {
					for (JsonNode target : panel.get("targets")) {
						queries.put(dashboard.getFileName() + " / " + panel.get("title").asText() + " / "
								+ target.get("refId").asText(), grafana(target.get("expr").asText()));
					}
				}
			}
		}
		for (JsonNode rule : alertRules(Files.readString(observability.resolve("prometheus/alerts.yml")))) {
			queries.put("alerts.yml / " + rule.get("alert").asText() + " / measured",
					measured(rule.get("expr").asText()));
		}
		return queries;
	}

	/** The alert rules of the rules file, as Prometheus reads them. */
	private static List<JsonNode> alertRules(String rules) {
		JsonNode tree = new ObjectMapper().valueToTree(new Yaml().load(rules));
		List<JsonNode> found = new ArrayList<>();
		tree.get("groups").forEach((group) -> group.get("rules").forEach(found::add));
		return found;
	}

	/**
	 * What an alert measures: its expression without the comparison with its bound, or
	 * within {@code absent(...)}.
	 */
	static String measured(String expr) {
		String trimmed = expr.strip();
		if (trimmed.startsWith("absent(") && trimmed.endsWith(")")) {
			return measured(trimmed.substring("absent(".length(), trimmed.length() - 1));
		}
		int depth = 0;
		int cut = -1;
		for (int i = 0; i < trimmed.length(); i++) {
			char c = trimmed.charAt(i);
			if (c == '(' || c == '{' || c == '[') {
				depth++;
			}
			else if (c == ')' || c == '}' || c == ']') {
				depth--;
			}
			else if (depth == 0 && (trimmed.startsWith(" > ", i) || trimmed.startsWith(" < ", i)
					|| trimmed.startsWith(" == ", i) || trimmed.startsWith(" >= ", i))) {
				cut = i;
			}
		}
		return (cut >= 0) ? trimmed.substring(0, cut).strip() : trimmed;
	}

	/**
	 * A panel's query with Grafana's variables as a dashboard opened on all tenants has
	 * them.
	 */
	private static String grafana(String expr) {
		return expr.replace("$__rate_interval", "1m").replace("$tenant", ".*");
	}

	private static String knownEmpty(String query) {
		return KNOWN_EMPTY.entrySet()
			.stream()
			.filter((known) -> query.contains(known.getKey()))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse(null);
	}

	private static JsonNode answer(String prometheus, String query) {
		HttpResponse<String> response = SharedPlatform.send(HttpRequest.newBuilder(
				URI.create(prometheus + "/api/v1/query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8))));
		JsonNode body = SharedPlatform.read(response.body());
		assertThat(body.get("status").asText()).as(query + ": " + response.body()).isEqualTo("success");
		return body.at("/data/result");
	}

	private static HttpResponse<String> expect(int status, HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		return response;
	}

	private static String run(String... command) throws Exception {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		return output;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static Path project() {
		return Path.of(System.getProperty("brain.project.directory", "..")).toAbsolutePath().normalize();
	}

}
