package io.brain.infra.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

/**
 * The HTTP endpoint the benchmark's connector step calls, on 127.0.0.1: it answers 200 at
 * once, or after a set delay as a slower provider would, and counts each run's call by
 * the id in the body ({@code "<batch>-<n>"}), once per id, so a retried job is not
 * counted twice; it also keeps how often each id was called and with which
 * {@code Idempotency-Key} headers, for the crash tests.
 */
public final class CallTarget implements AutoCloseable {

	private static final byte[] ANSWER = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);

	private final HttpServer server;

	private final ObjectMapper json = new ObjectMapper();

	private final Set<String> seen = ConcurrentHashMap.newKeySet();

	private final Map<String, Batch> batches = new ConcurrentHashMap<>();

	private final AtomicLong calls = new AtomicLong();

	/** Every id's calls, as the Idempotency-Key header each carried ("" for none). */
	private final Map<String, List<String>> keys = new ConcurrentHashMap<>();

	private CallTarget(HttpServer server) {
		this.server = server;
	}

	/** A target that answers at once. */
	public static CallTarget start() {
		return start(Duration.ZERO);
	}

	/** A target that answers each call after {@code delay}, many calls at once. */
	public static CallTarget start(Duration delay) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
			CallTarget target = new CallTarget(server);
			server.createContext("/calls", (exchange) -> {
				try (exchange) {
					target.record(exchange.getRequestBody().readAllBytes(),
							exchange.getRequestHeaders().getFirst("Idempotency-Key"));
					if (delay.isPositive()) {
						Thread.sleep(delay);
					}
					exchange.getResponseHeaders().add("Content-Type", "application/json");
					exchange.sendResponseHeaders(200, ANSWER.length);
					exchange.getResponseBody().write(ANSWER);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			});
			server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
			server.start();
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/calls";
	}

	private void record(byte[] body, String idempotencyKey) {
		this.calls.incrementAndGet();
		String id;
		try {
			JsonNode node = this.json.readTree(body);
			id = node.path("id").asText("");
		}
		catch (IOException ex) {
			return;
		}
		this.keys.computeIfAbsent(id, (any) -> new CopyOnWriteArrayList<>())
			.add((idempotencyKey != null) ? idempotencyKey : "");
		int dash = id.lastIndexOf('-');
		if (dash <= 0 || !this.seen.add(id)) {
			return;
		}
		Batch batch = this.batches.computeIfAbsent(id.substring(0, dash), (name) -> new Batch());
		batch.count.incrementAndGet();
		batch.lastAt.accumulateAndGet(System.nanoTime(), Math::max);
	}

	/**
	 * Every id called so far, with the Idempotency-Key header of each of its calls in
	 * order.
	 */
	public Map<String, List<String>> callsById() {
		return Map.copyOf(this.keys);
	}

	/** Distinct runs of a batch that called so far. */
	public int count(String batch) {
		Batch found = this.batches.get(batch);
		return (found != null) ? found.count.get() : 0;
	}

	/** Distinct runs that called, of every batch. */
	int distinct() {
		return this.seen.size();
	}

	/** Every call received, repeats included. */
	public long calls() {
		return this.calls.get();
	}

	/**
	 * Waits until a batch's runs have all called.
	 * @return the {@link System#nanoTime()} of the last new call, or -1 when the time ran
	 * out first
	 */
	long awaitCount(String batch, int expected, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (count(batch) < expected) {
			if (System.nanoTime() > deadline) {
				return -1;
			}
			Thread.sleep(5);
		}
		return this.batches.get(batch).lastAt.get();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	private static final class Batch {

		private final AtomicInteger count = new AtomicInteger();

		private final AtomicLong lastAt = new AtomicLong();

	}

}
