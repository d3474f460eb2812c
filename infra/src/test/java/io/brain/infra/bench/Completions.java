package io.brain.infra.bench;

import java.time.Duration;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How many runs of the benchmark's automation have completed, as the api's Runs API
 * counts them (the engine's history).
 */
final class Completions {

	private final Supplier<JsonNode> completedPage;

	/**
	 * @param completedPage a page of the automation's completed runs, whose {@code total}
	 * counts them
	 */
	Completions(Supplier<JsonNode> completedPage) {
		this.completedPage = completedPage;
	}

	/** Runs of the automation completed so far; -1 when the api cannot tell. */
	long count() {
		try {
			return this.completedPage.get().path("total").asLong(-1);
		}
		catch (RuntimeException ex) {
			return -1;
		}
	}

	/**
	 * Waits until the engine has completed at least so many runs.
	 * @return the {@link System#nanoTime()} it saw them, or -1 when the time ran out or
	 * the api cannot tell
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
			Thread.sleep(50);
		}
		return -1;
	}

}
