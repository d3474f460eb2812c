package io.brain.infra.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
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

	@Test
	void sendWhenServerClosedTheIdleConnectionThenSendsOnceOnANewOne() throws Exception {
		// Answers one request per connection, then closes it without saying so, as a
		// server does whose keep-alive timeout ran out while the connection was idle.
		List<String> requests = new CopyOnWriteArrayList<>();
		try (ServerSocket closing = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			Thread.ofVirtual().start(() -> {
				while (!closing.isClosed()) {
					try (Socket socket = closing.accept()) {
						BufferedReader in = new BufferedReader(
								new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
						requests.add(in.readLine());
						for (String header = in.readLine(); header != null
								&& !header.isEmpty(); header = in.readLine()) {
							// the headers are not needed
						}
						in.skip(7);
						socket.getOutputStream()
							.write("HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n"
								.getBytes(StandardCharsets.US_ASCII));
					}
					catch (IOException ex) {
						// closed by the test
					}
				}
			});
			try (WebhookSender sender = new WebhookSender(URI.create("http://127.0.0.1:" + closing.getLocalPort()),
					5000)) {
				byte[] first = sender.request("/hooks/first", Map.of(), "{\"n\":1}");
				byte[] second = sender.request("/hooks/second", Map.of(), "{\"n\":2}");

				assertThat(sender.send(first)).isEqualTo(202);
				assertThat(sender.send(second)).isEqualTo(202);
			}
		}
		assertThat(requests).containsExactly("POST /hooks/first HTTP/1.1", "POST /hooks/second HTTP/1.1");
	}

}
