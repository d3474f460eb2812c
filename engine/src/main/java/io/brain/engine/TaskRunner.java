package io.brain.engine;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works the tasks of a task source with many calls in flight at once: each task on a
 * virtual thread of its own, at most {@code maxInFlight} in all and {@code maxPerType} of
 * one job type, so a slow provider holds only its own type's slots while the others go
 * on; it fetches more as slots free.
 * <p>
 * A task is locked for {@code lock}, and the lock is extended every third of that while
 * its call runs, however long the call takes; a task whose worker dies comes back within
 * one lock (at least once: a handler that cannot tell whether its call went through must
 * make the call idempotent).
 */
public final class TaskRunner implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(TaskRunner.class);

	private final TaskSource source;

	private final Map<String, TaskHandler> handlers;

	private final Settings settings;

	private final Semaphore inFlight;

	private final Map<String, Semaphore> perType = new LinkedHashMap<>();

	private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();

	private final Thread fetcher;

	/** The tasks being worked, whose locks are kept while their calls run. */
	private final Map<String, EngineTask> working = new ConcurrentHashMap<>();

	private final ScheduledExecutorService locks = Executors
		.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("brain-task-locks").daemon().factory());

	private volatile boolean running = true;

	/**
	 * Starts working tasks.
	 * @param handlers what to do with a task, by job type
	 */
	public TaskRunner(TaskSource source, Map<String, TaskHandler> handlers, Settings settings) {
		this.source = source;
		this.handlers = Map.copyOf(handlers);
		this.settings = settings;
		this.inFlight = new Semaphore(settings.maxInFlight());
		handlers.keySet().forEach((type) -> this.perType.put(type, new Semaphore(settings.maxPerType())));
		this.fetcher = Thread.ofPlatform().name("brain-tasks-" + settings.workerId()).daemon().start(this::fetchLoop);
		long every = Math.max(1, settings.lock().toMillis() / 3);
		this.locks.scheduleWithFixedDelay(this::keepLocks, every, every, TimeUnit.MILLISECONDS);
	}

	private void fetchLoop() {
		Duration idle = Duration.ofMillis(10);
		while (this.running) {
			try {
				int fetched = fetchRound();
				idle = (fetched > 0) ? Duration.ofMillis(10) : min(idle.multipliedBy(2), this.settings.idleWait());
				if (fetched == 0) {
					Thread.sleep(idle);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				// The engine may be down for a moment: try again after the longest pause.
				logger.warn("Fetching tasks failed: {}", ex.getMessage());
				sleep(this.settings.idleWait());
			}
		}
	}

	/** Fetches, for each type with free slots, at most as many tasks as it has slots. */
	private int fetchRound() throws InterruptedException {
		int fetched = 0;
		for (Map.Entry<String, Semaphore> type : this.perType.entrySet()) {
			int free = Math.min(type.getValue().availablePermits(), this.inFlight.availablePermits());
			if (free == 0) {
				continue;
			}
			List<EngineTask> tasks = this.source.fetch(this.settings.workerId(), List.of(type.getKey()),
					Math.min(free, this.settings.fetchBatch()), this.settings.lock());
			for (EngineTask task : tasks) {
				// Free when the fetch was sized, and only this thread takes them: a close
				// under way does not drop tasks already locked.
				this.inFlight.acquireUninterruptibly();
				type.getValue().acquireUninterruptibly();
				this.calls.execute(() -> work(task, type.getValue()));
			}
			fetched += tasks.size();
		}
		if (fetched == 0 && this.inFlight.availablePermits() == 0) {
			// Every slot is busy: wait for one to free rather than asking the engine
			// again.
			this.inFlight.acquire();
			this.inFlight.release();
		}
		return fetched;
	}

	/**
	 * Extends the lock of every task still being worked, a third of a lock before it
	 * ends.
	 */
	private void keepLocks() {
		for (EngineTask task : this.working.values()) {
			try {
				this.source.extendLock(task, this.settings.lock());
			}
			catch (RuntimeException ex) {
				// Completed meanwhile, or the lock was lost: nothing to keep.
				logger.debug("Could not extend the lock of {}: {}", task, ex.getMessage());
			}
		}
	}

	private void work(EngineTask task, Semaphore typeSlots) {
		this.working.put(task.id(), task);
		try {
			TaskOutcome outcome;
			try {
				outcome = this.handlers.get(task.type()).handle(task);
			}
			catch (Exception ex) {
				outcome = new TaskOutcome.Failed(ex.getMessage() != null ? ex.getMessage() : ex.toString(),
						task.retries() - 1, this.settings.retryBackoff());
			}
			// No lock is extended from here on: an extension racing the report could undo
			// it.
			this.working.remove(task.id());
			report(task, outcome);
		}
		catch (RuntimeException ex) {
			// The lock may have run out and another worker taken the task: it is no
			// longer ours.
			logger.warn("Could not report {}: {}", task, ex.getMessage());
		}
		finally {
			this.working.remove(task.id());
			typeSlots.release();
			this.inFlight.release();
		}
	}

	private void report(EngineTask task, TaskOutcome outcome) {
		switch (outcome) {
			case TaskOutcome.Completed completed -> this.source.complete(task, completed.outputs());
			case TaskOutcome.Failed failed ->
				this.source.fail(task, failed.message(), Math.max(0, failed.retriesLeft()), failed.backoff());
			case TaskOutcome.BpmnError error ->
				this.source.throwError(task, error.code(), error.message(), error.variables());
		}
	}

	/**
	 * Stops fetching (a fetch under way ends first and its tasks are worked) and waits up
	 * to {@code settings.drain()} for the calls in flight, keeping their locks meanwhile;
	 * the task of a call still running after that comes back within one lock.
	 */
	@Override
	public void close() {
		this.running = false;
		this.fetcher.interrupt();
		try {
			this.fetcher.join(this.settings.drain());
			this.calls.shutdown();
			if (!this.calls.awaitTermination(this.settings.drain().toMillis(), TimeUnit.MILLISECONDS)) {
				logger.warn("Calls still in flight at shutdown come back to a worker when their locks run out");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			this.calls.shutdown();
			this.locks.shutdownNow();
		}
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

	private static void sleep(Duration pause) {
		try {
			Thread.sleep(pause);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** What a worker does with one task. */
	@FunctionalInterface
	public interface TaskHandler {

		/**
		 * Works a task. An exception fails the attempt: the task comes back after the
		 * retry backoff while it has retries left.
		 */
		TaskOutcome handle(EngineTask task) throws Exception;

	}

	/** How a task ended. */
	public sealed interface TaskOutcome {

		/** Done; the outputs become the run's variables as the model maps them. */
		record Completed(Map<String, Object> outputs) implements TaskOutcome {
		}

		/** This attempt failed; with no retries left the run gets an incident. */
		record Failed(String message, int retriesLeft, Duration backoff) implements TaskOutcome {
		}

		/** A BPMN error the model may catch. */
		record BpmnError(String code, String message, Map<String, Object> variables) implements TaskOutcome {
		}

	}

	/**
	 * How a runner works.
	 *
	 * @param workerId the name the locks carry
	 * @param maxInFlight calls at once in all
	 * @param maxPerType calls at once of one job type
	 * @param fetchBatch most tasks fetched of a type at once
	 * @param lock how long a fetched task stays locked: a task whose worker died comes
	 * back after it
	 * @param idleWait the longest pause between fetches while there is nothing to do
	 * @param retryBackoff when a failed attempt is tried again, for handlers that throw
	 * @param drain how long closing waits for the calls in flight
	 */
	public record Settings(String workerId, int maxInFlight, int maxPerType, int fetchBatch, Duration lock,
			Duration idleWait, Duration retryBackoff, Duration drain) {

		public Settings {
			if (maxInFlight < 1 || maxPerType < 1 || fetchBatch < 1) {
				throw new IllegalArgumentException("A task runner needs at least one slot and a fetch of one");
			}
		}

	}

}
