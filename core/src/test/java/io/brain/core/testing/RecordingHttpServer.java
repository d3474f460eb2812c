package io.brain.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on 127.0.0.1 that records every request and answers with queued
 * responses (200 and an empty JSON object when none is queued).
 */
public final class RecordingHttpServer implements AutoCloseable {

	private final HttpServer server;

	private final BlockingQueue<Recorded> requests = new LinkedBlockingQueue<>();

	private final Deque<Answer> answers = new ArrayDeque<>();

	private RecordingHttpServer(HttpServer server) {
		this.server = server;
	}

	public static RecordingHttpServer start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			RecordingHttpServer recording = new RecordingHttpServer(server);
			server.createContext("/", (exchange) -> {
				byte[] body = exchange.getRequestBody().readAllBytes();
				recording.requests.add(new Recorded(exchange.getRequestMethod(), exchange.getRequestURI(),
						Map.copyOf(exchange.getRequestHeaders()), new String(body, StandardCharsets.UTF_8)));
				Answer answer;
				synchronized (recording.answers) {
					answer = recording.answers.isEmpty()
							? new Answer(200, Map.of("Content-Type", "application/json"), "{}")
							: recording.answers.poll();
				}
				answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
				byte[] out = answer.body().getBytes(StandardCharsets.UTF_8);
				exchange.sendResponseHeaders(answer.status(), (out.length == 0) ? -1 : out.length);
				if (out.length > 0) {
					exchange.getResponseBody().write(out);
				}
				exchange.close();
			});
			server.start();
			return recording;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Queues the next answer. */
	public RecordingHttpServer answer(int status, Map<String, String> headers, String body) {
		synchronized (this.answers) {
			this.answers.add(new Answer(status, headers, body));
		}
		return this;
	}

	/**
	 * Forgets recorded requests and queued answers, between tests that share the server.
	 */
	public void reset() {
		this.requests.clear();
		synchronized (this.answers) {
			this.answers.clear();
		}
	}

	public String url(String path) {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + path;
	}

	/** Waits for the next request. */
	public Recorded take(Duration timeout) {
		try {
			Recorded recorded = this.requests.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
			if (recorded == null) {
				throw new AssertionError("No request reached the server within " + timeout);
			}
			return recorded;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	public int received() {
		return this.requests.size();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	/** A request as the server saw it. */
	public record Recorded(String method, URI uri, Map<String, List<String>> headers, String body) {

		public String header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter((e) -> e.getKey().equalsIgnoreCase(name))
				.map((e) -> e.getValue().get(0))
				.findFirst()
				.orElse(null);
		}

	}

	private record Answer(int status, Map<String, String> headers, String body) {
	}

}
