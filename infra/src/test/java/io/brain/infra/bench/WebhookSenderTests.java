package io.brain.infra.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSenderTests {

	private HttpServer server;

	private final List<String> received = new CopyOnWriteArrayList<>();

	private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();

	@BeforeEach
	void start() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/hooks/", (exchange) -> {
			this.clientPorts.add(exchange.getRemoteAddress().getPort());
			this.received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
					+ exchange.getRequestHeaders().getFirst("X-GitHub-Delivery") + " "
					+ new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			byte[] answer = "{\"status\":\"RECEIVED\"}".getBytes(StandardCharsets.UTF_8);
			boolean chunked = exchange.getRequestURI().getPath().endsWith("chunked");
			exchange.sendResponseHeaders(chunked ? 202 : 429, chunked ? 0 : answer.length);
			try (OutputStream body = exchange.getResponseBody()) {
				body.write(answer);
			}
		});
		this.server.start();
	}

	@AfterEach
	void stop() {
		this.server.stop(0);
	}

	@Test
	void sendWhenAnswersAreChunkedOrSizedThenReadsEachStatusOnOneKeptConnection() throws IOException {
		try (WebhookSender sender = new WebhookSender(
				URI.create("http://127.0.0.1:" + this.server.getAddress().getPort()), 5000)) {
			byte[] chunked = sender.request("/hooks/a-chunked", Map.of("X-GitHub-Delivery", "d-1"), "{\"n\":1}");
			byte[] sized = sender.request("/hooks/b-sized", Map.of("X-GitHub-Delivery", "d-2"), "{\"n\":2}");

			assertThat(sender.send(chunked)).isEqualTo(202);
			assertThat(sender.send(sized)).isEqualTo(429);
			assertThat(sender.send(chunked)).isEqualTo(202);
		}
		assertThat(this.received).containsExactly("POST /hooks/a-chunked d-1 {\"n\":1}",
				"POST /hooks/b-sized d-2 {\"n\":2}", "POST /hooks/a-chunked d-1 {\"n\":1}");
		assertThat(this.clientPorts).as("one connection, kept alive").hasSize(1);
	}

}
