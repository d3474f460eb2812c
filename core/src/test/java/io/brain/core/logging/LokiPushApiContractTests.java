package io.brain.core.logging;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.LoggerContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.brain.core.tenant.TenantContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.MDC;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stands in for Loki: a local server that checks the push requests as Loki's HTTP API
 * documents them ({@code POST /loki/api/v1/push}, a JSON body of {@code streams}, each
 * with its {@code stream} labels and {@code values} of a nanosecond timestamp and a
 * line).
 */
class LokiPushApiContractTests {

	private final ObjectMapper json = new ObjectMapper();

	private final List<String> problems = new CopyOnWriteArrayList<>();

	private final List<JsonNode> pushes = new CopyOnWriteArrayList<>();

	private HttpServer loki;

	@BeforeEach
	void startLoki() throws IOException {
		this.loki = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.loki.createContext("/", (exchange) -> {
			try (InputStream body = exchange.getRequestBody()) {
				byte[] bytes = body.readAllBytes();
				if (!exchange.getRequestMethod().equals("POST")
						|| !exchange.getRequestURI().getPath().equals("/loki/api/v1/push")) {
					this.problems.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
				}
				else if (!String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"))
					.startsWith("application/json")) {
					this.problems.add("Content-Type " + exchange.getRequestHeaders().getFirst("Content-Type"));
				}
				else {
					this.pushes.add(this.json.readTree(new String(bytes, StandardCharsets.UTF_8)));
				}
			}
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		this.loki.start();
	}

	@AfterEach
	void stopLoki() {
		this.loki.stop(0);
	}

	@Test
	void pushWhenLinesAreLoggedThenLokiGetsJsonLinesWithTenantUserAndRequestIds() throws Exception {
		LoggerContext context = new LoggerContext();
		context.setName("tests");
		context.setMDCAdapter(MDC.getMDCAdapter());
		context.start();
		LokiLogPush.push(context, "http://127.0.0.1:" + this.loki.getAddress().getPort() + "/loki/api/v1/push",
				"brain-api");
		Logger logger = context.getLogger("io.brain.api.webhook.WebhookIngress");
		TenantContext.run("acme", () -> {
			try (MDC.MDCCloseable user = MDC.putCloseable("user", "user-7");
					MDC.MDCCloseable request = MDC.putCloseable("requestId", "req-42")) {
				logger.info("Refused a webhook for listener {}", "listener-1");
			}
		});
		context.stop();

		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (this.pushes.isEmpty() && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		assertThat(this.problems).isEmpty();
		assertThat(this.pushes).isNotEmpty();
		JsonNode stream = this.pushes.get(0).get("streams").get(0);
		assertThat(stream.get("stream").get("app").asText()).isEqualTo("brain-api");
		assertThat(stream.get("stream").get("level").asText()).isEqualTo("INFO");
		assertThat(stream.get("stream").has("host")).isTrue();
		JsonNode value = stream.get("values").get(0);
		assertThat(value.get(0).asText()).matches("\\d{19}");
		JsonNode line = this.json.readTree(value.get(1).asText());
		assertThat(line.toString()).contains("Refused a webhook for listener listener-1")
			.contains("\"tenant\":\"acme\"")
			.contains("\"user\":\"user-7\"")
			.contains("\"requestId\":\"req-42\"");
	}

}
