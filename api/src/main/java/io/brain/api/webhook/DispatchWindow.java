package io.brain.api.webhook;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * How many deliveries the dispatcher may have with the engine at once. It starts at the
 * most allowed; an answer of back-pressure halves it (at least one stays) and calls a
 * pause in which nothing more is sent, once per pause however many starts the engine
 * refused; every transaction the engine takes again adds one, up to the most allowed. The
 * broker adapts its own limit to its load the same way, so the dispatcher follows it
 * instead of retrying into it.
 */
final class DispatchWindow {

	private final int max;

	private final long pauseNanos;

	private final LongSupplier clock;

	private final AtomicInteger size;

	/** Until when (by the clock) nothing more goes to the engine. */
	private volatile long calmUntil;

	/**
	 * @param max the most deliveries with the engine at once
	 * @param pause how long a busy engine is left alone
	 * @param clock nanoseconds, as {@link System#nanoTime()}
	 */
	DispatchWindow(int max, Duration pause, LongSupplier clock) {
		this.max = Math.max(1, max);
		this.pauseNanos = pause.toNanos();
		this.clock = clock;
		this.size = new AtomicInteger(this.max);
		this.calmUntil = clock.getAsLong();
	}

	/** How many more may go to the engine now, with this many there already. */
	int room(int withEngine) {
		return (calmNanos() > 0) ? 0 : Math.max(0, this.size.get() - withEngine);
	}

	/** How long the pause after back-pressure still lasts; 0 or less when none does. */
	long calmNanos() {
		return this.calmUntil - this.clock.getAsLong();
	}

	/** The engine took deliveries again. */
	void taken() {
		this.size.updateAndGet((current) -> Math.min(this.max, current + 1));
	}

	/** The engine answered with back-pressure. */
	void busy() {
		long now = this.clock.getAsLong();
		if (now - this.calmUntil >= 0) {
			this.size.updateAndGet((current) -> Math.max(1, current / 2));
			this.calmUntil = now + this.pauseNanos;
		}
	}

	int size() {
		return this.size.get();
	}

}
