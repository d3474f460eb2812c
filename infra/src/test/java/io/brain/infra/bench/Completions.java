package io.brain.infra.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * How many process instances the broker has completed, from its Prometheus counter
 * {@code zeebe_executed_instances_total{action="completed"}} on the management port: the
 * 8.6 broker answers no queries about instances, but it counts them.
 */
final class Completions {

	private static final String NAME = "zeebe_executed_instances_total";

	private final HttpRequest request;

	private final HttpClient http;

	Completions(URI prometheus, HttpClient http) {
		this.request = HttpRequest.newBuilder(prometheus).timeout(Duration.ofSeconds(5)).build();
		this.http = http;
	}

	/**
	 * Root process instances completed since the broker started; -1 when it cannot tell.
	 */
	long count() throws InterruptedException {
		String metrics;
		try {
			HttpResponse<String> response = this.http.send(this.request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				return -1;
			}
			metrics = response.body();
		}
		catch (IOException ex) {
			return -1;
		}
		if (!metrics.contains("# TYPE " + NAME + " counter")) {
			return -1;
		}
		double completed = 0;
		for (String line : metrics.split("\n")) {
			if (line.startsWith(NAME + "{") && line.contains("action=\"completed\"")) {
				completed += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
			}
		}
		return Math.round(completed);
	}

	/**
	 * Waits until the broker has completed at least so many instances.
	 * @return the {@link System#nanoTime()} it saw them, or -1 when the time ran out or
	 * the broker cannot tell
	 */
	long await(long expected, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			long count = count();
			if (count < 0) {
				return -1;
			}
			if (count >= expected) {
				return System.nanoTime();
			}
			Thread.sleep(10);
		}
		return -1;
	}

}
