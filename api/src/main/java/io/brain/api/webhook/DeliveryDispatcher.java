package io.brain.api.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.brain.core.tenant.TenantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts the run of each delivery in the inbox, or publishes its message, exactly once.
 * <p>
 * Deliveries are locked ({@code for update skip locked}), so two api instances never hand
 * one over together, and given to the engine through the {@link Handover}. On the open
 * engine, which joins transactions, a delivery is marked DISPATCHED with its run (or
 * message) in the same PostgreSQL transaction that starts the run: a crash at any instant
 * leaves both or neither. On Camunda 8, which takes each start apart, the deliveries are
 * first noted as attempted and left to this dispatcher for
 * {@code brain.webhooks.start-lease}; a delivery found attempted again (its dispatcher
 * died, or the engine's answer was lost) is looked up by the start key its run carries,
 * and started only if no run has it.
 * <p>
 * A transaction takes up to {@code brain.webhooks.deliveries-per-transaction} deliveries
 * of one tenant; up to {@code brain.webhooks.dispatch-concurrency} deliveries are with
 * the engine at once. An engine answering with back-pressure gets half as many at a time
 * after a short pause, and one more for each transaction it takes again. While the engine
 * is unreachable deliveries stay RECEIVED and the dispatcher tries one at a time, pausing
 * between tries for a backoff that doubles up to
 * {@code brain.webhooks.max-retry-backoff}; once the engine takes one, the rest follow at
 * once. A delivery whose automation is missing or not deployed, that carries no
 * correlation key, or that no run can take (its payload unreadable, or holding text Brain
 * refuses, see {@code InputText}), is FAILED with the reason, to be replayed once fixed;
 * it fails on its own, and the rest of its batch is dispatched.
 */
@Component
class DeliveryDispatcher implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(DeliveryDispatcher.class);

	/** How long a busy engine is left alone before deliveries it refused go again. */
	private static final Duration BACK_PRESSURE_PAUSE = Duration.ofMillis(25);

	private final DeliveryRepository deliveries;

	private final Handover handover;

	private final WebhookProperties properties;

	private final ObjectMapper json;

	private final TransactionTemplate transaction;

	private final WebhookMeters meters;

	/** How many may be with the engine at once, after its back-pressure. */
	private final DispatchWindow window;

	/** Deliveries this dispatcher is handing over now. */
	private final Set<UUID> inFlight = ConcurrentHashMap.newKeySet();

	/** Where handed-over deliveries go to the engine; a new one each time it starts. */
	private volatile ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

	/** Whether the last look found more due than there were free slots. */
	private volatile boolean backlog;

	/** Consecutive rounds that found the engine away; none while it takes deliveries. */
	private final AtomicInteger engineAway = new AtomicInteger();

	private volatile Thread loop;

	DeliveryDispatcher(DeliveryRepository deliveries, Handover handover, WebhookProperties properties,
			ObjectMapper json, PlatformTransactionManager transactions, WebhookMeters meters) {
		this.meters = meters;
		this.deliveries = deliveries;
		this.handover = handover;
		this.properties = properties;
		this.json = json;
		this.transaction = new TransactionTemplate(transactions);
		this.window = new DispatchWindow(properties.dispatchConcurrency(), BACK_PRESSURE_PAUSE, System::nanoTime);
	}

	/**
	 * Hands the deliveries due now to free dispatch slots, without waiting for them: each
	 * tenant's are started in transactions of up to
	 * {@code brain.webhooks.deliveries-per-transaction} (their starts sent to the engine
	 * together, their row locks held until the runs are recorded), so up to
	 * {@code brain.webhooks.dispatch-concurrency} deliveries are with the engine at once
	 * and a slow transaction holds up no other.
	 * @return how many it handed over
	 */
	int dispatchDue() {
		return dispatchDue(this.properties.dispatchBatch());
	}

	private int dispatchDue(int max) {
		int free = this.window.room(this.inFlight.size());
		if (free == 0) {
			return 0;
		}
		// The ones in flight here are still due until their transactions commit; one
		// more tells whether any are left waiting.
		int wanted = Math.min(max, free);
		List<DeliveryRepository.Due> due = this.deliveries.due(wanted + this.inFlight.size() + 1);
		Map<String, List<UUID>> byTenant = new LinkedHashMap<>();
		int taken = 0;
		int waiting = 0;
		for (DeliveryRepository.Due delivery : due) {
			if (this.inFlight.contains(delivery.id())) {
				continue;
			}
			if (taken == wanted) {
				waiting++;
				continue;
			}
			this.inFlight.add(delivery.id());
			byTenant.computeIfAbsent(delivery.tenant(), (tenant) -> new ArrayList<>()).add(delivery.id());
			taken++;
		}
		this.backlog = waiting > 0;
		int perTransaction = Math.max(1, this.properties.deliveriesPerTransaction());
		byTenant.forEach((tenant, ids) -> {
			for (int from = 0; from < ids.size(); from += perTransaction) {
				List<UUID> batch = ids.subList(from, Math.min(ids.size(), from + perTransaction));
				this.executor.execute(() -> {
					try {
						dispatch(tenant, batch);
					}
					finally {
						batch.forEach(this.inFlight::remove);
						if (this.backlog) {
							// More are waiting for room with the engine.
							wake();
						}
					}
				});
			}
		});
		return taken;
	}

	/**
	 * Hands some of a tenant's deliveries to the engine: those another dispatcher holds
	 * or that no longer wait are skipped, and should a transaction fail, every one of
	 * them waits for the next round.
	 */
	private void dispatch(String tenant, List<UUID> ids) {
		try {
			if (this.handover.joinsTransactions()) {
				TenantContext.run(tenant, () -> this.transaction.executeWithoutResult(
						(tx) -> record(tenant, handOver(tenant, this.deliveries.lockDue(tenant, ids), false))));
			}
			else {
				dispatchApart(tenant, ids);
			}
		}
		catch (RuntimeException ex) {
			logger.error("Could not dispatch {} webhook deliveries of tenant {}", ids.size(), tenant, ex);
		}
	}

	/**
	 * Hands deliveries to an engine that takes them apart from Brain's transactions: they
	 * are noted as attempted and left to this dispatcher for the start lease (committed
	 * first), handed over, then marked.
	 */
	private void dispatchApart(String tenant, List<UUID> ids) {
		List<DeliveryRepository.Locked> locked = TenantContext.call(tenant, () -> this.transaction.execute((tx) -> {
			List<DeliveryRepository.Locked> due = this.deliveries.lockDue(tenant, ids);
			if (!due.isEmpty()) {
				this.deliveries.startAttempted(tenant, due.stream().map((d) -> d.delivery().id()).toList(),
						Instant.now().plus(this.properties.startLease()));
			}
			return due;
		}));
		if (locked.isEmpty()) {
			return;
		}
		Map<UUID, Handover.Outcome> outcomes = TenantContext.call(tenant, () -> handOver(tenant, locked, true));
		TenantContext.run(tenant, () -> this.transaction.executeWithoutResult((tx) -> record(tenant, outcomes)));
	}

	/**
	 * What the engine made of each delivery: its message published, or its run started
	 * (those of one listener together).
	 * @param lookUpEarlier whether a delivery attempted before is first looked up by its
	 * start key, for an engine that takes starts apart from the dispatcher's transaction
	 */
	private Map<UUID, Handover.Outcome> handOver(String tenant, List<DeliveryRepository.Locked> locked,
			boolean lookUpEarlier) {
		Map<UUID, Handover.Outcome> outcomes = new LinkedHashMap<>();
		Map<UUID, List<DeliveryInput>> starts = new LinkedHashMap<>();
		for (DeliveryRepository.Locked delivery : locked) {
			UUID id = delivery.delivery().id();
			DeliveryInput input;
			try {
				input = DeliveryInput.of(delivery, this.json);
			}
			catch (RuntimeException unreadable) {
				// This one fails on its own; the others of the batch go on.
				logger.warn("Webhook delivery {} cannot be a run's input", id, unreadable);
				outcomes.put(id, new Handover.Outcome.Refused(
						"The delivery cannot be a run's input: " + unreadable.getMessage()));
				continue;
			}
			if (delivery.mode() == ListenerMode.CORRELATE) {
				outcomes.put(id, switch (input.correlation(this.json, this.properties.messageTtl().toMillis())) {
					case DeliveryInput.Correlation.Missing missing -> new Handover.Outcome.Refused(missing.reason());
					case DeliveryInput.Correlation.Message message -> this.handover.publish(tenant, message.request());
				});
				continue;
			}
			Optional<String> earlier = (lookUpEarlier && delivery.startAttemptedAt() != null)
					? this.handover.startedRun(tenant, input) : Optional.empty();
			if (earlier.isPresent()) {
				outcomes.put(id, new Handover.Outcome.Started(earlier.get()));
			}
			else {
				outcomes.put(id, null);
				starts.computeIfAbsent(delivery.delivery().listenerId(), (listener) -> new ArrayList<>()).add(input);
			}
		}
		starts.values().forEach((sameListener) -> {
			DeliveryRepository.Locked first = sameListener.get(0).locked();
			Handover.Target target = (first.agentId() != null)
					? new Handover.Target.Agent(first.agentId(), first.delivery().listenerId())
					: new Handover.Target.Automation(first.automationKey());
			List<Handover.Outcome> started = this.handover.start(tenant, target, "webhook:" + first.listenerName(),
					sameListener);
			for (int i = 0; i < sameListener.size(); i++) {
				outcomes.put(sameListener.get(i).delivery().id(), started.get(i));
			}
		});
		return outcomes;
	}

	/**
	 * Marks what became of each delivery: DISPATCHED with its run or message, FAILED with
	 * the reason the engine refused it, or left to wait while the engine cannot take it.
	 */
	private void record(String tenant, Map<UUID, Handover.Outcome> outcomes) {
		Map<UUID, String> started = new LinkedHashMap<>();
		boolean taken = false;
		int published = 0;
		int failed = 0;
		int waiting = 0;
		for (Map.Entry<UUID, Handover.Outcome> entry : outcomes.entrySet()) {
			UUID id = entry.getKey();
			switch (entry.getValue()) {
				case Handover.Outcome.Started run -> started.put(id, run.runId());
				case Handover.Outcome.Published message -> {
					this.deliveries.published(tenant, id, message.message());
					taken = true;
					published++;
				}
				case Handover.Outcome.Refused refused -> {
					this.deliveries.failed(tenant, id, refused.reason());
					failed++;
				}
				case Handover.Outcome.EngineAway away when away.busy() -> {
					// Due again once the engine has had a moment.
					this.deliveries.retryLater(tenant, id, Instant.now(), away.reason());
					busy();
					waiting++;
				}
				case Handover.Outcome.EngineAway away -> {
					if (this.engineAway.getAndIncrement() == 0) {
						// Once per outage: while it lasts every delivery waits.
						logger.warn("Webhook deliveries wait for the engine: {}", away.reason());
					}
					// The dispatcher pauses while the engine is away (see run()); the
					// delivery is due again as soon as it is back, and where the engine
					// takes starts apart, not before its run can be looked up.
					Duration wait = this.handover.joinsTransactions() ? this.properties.retryBackoff()
							: max(this.properties.retryBackoff(), this.properties.startLease());
					this.deliveries.retryLater(tenant, id, Instant.now().plus(wait), away.reason());
					waiting++;
				}
			}
		}
		this.deliveries.dispatched(tenant, started);
		this.meters.dispatched(tenant, "dispatched", started.size() + published);
		this.meters.dispatched(tenant, "failed", failed);
		this.meters.dispatched(tenant, "waiting", waiting);
		if (taken || !started.isEmpty()) {
			taken();
		}
	}

	private static Duration max(Duration a, Duration b) {
		return (a.compareTo(b) >= 0) ? a : b;
	}

	/** The engine took deliveries: it is back, and may take one more at a time. */
	private void taken() {
		this.engineAway.set(0);
		this.window.taken();
	}

	/**
	 * The engine answered with back-pressure: fewer deliveries at a time, after a pause.
	 */
	private void busy() {
		this.window.busy();
		// The refused ones wait to go again.
		this.backlog = true;
	}

	/**
	 * How long the dispatcher pauses after rounds that found the engine away: doubling
	 * from {@code retry-backoff} up to {@code max-retry-backoff}, then it tries again.
	 */
	Duration backoff(int rounds) {
		Duration wait = this.properties.retryBackoff().multipliedBy(1L << Math.min(Math.max(rounds, 1) - 1, 20));
		return (wait.compareTo(this.properties.maxRetryBackoff()) > 0) ? this.properties.maxRetryBackoff() : wait;
	}

	@Override
	public void start() {
		if (!this.properties.dispatcherEnabled()) {
			return;
		}
		if (this.executor.isShutdown()) {
			this.executor = Executors.newVirtualThreadPerTaskExecutor();
		}
		this.loop = Thread.ofVirtual().name("webhook-dispatcher").start(this::run);
	}

	/**
	 * Hands deliveries over as slots free up; with nothing due it looks again every
	 * {@code dispatch-interval}. While the engine is away it sends one delivery at a time
	 * to find out whether it is back, pausing longer each time, and goes on at full pace
	 * as soon as one is taken.
	 */
	private void run() {
		Thread self = Thread.currentThread();
		while (!self.isInterrupted()) {
			int away = this.engineAway.get();
			int handed = 0;
			try {
				handed = dispatchDue((away > 0) ? 1 : this.properties.dispatchBatch());
			}
			catch (RuntimeException ex) {
				logger.error("The webhook dispatcher failed a round; it goes on", ex);
			}
			if (away > 0) {
				long until = System.nanoTime() + backoff(away).toNanos();
				while (this.engineAway.get() > 0 && System.nanoTime() < until && !self.isInterrupted()) {
					LockSupport.parkNanos(until - System.nanoTime());
				}
			}
			else if (handed == 0) {
				// Woken early when room with the engine frees up.
				long calm = this.window.calmNanos();
				LockSupport.parkNanos((calm > 0) ? calm : this.properties.dispatchInterval().toNanos());
			}
		}
	}

	private void wake() {
		Thread running = this.loop;
		if (running != null) {
			LockSupport.unpark(running);
		}
	}

	@Override
	public void stop() {
		Thread running = this.loop;
		this.loop = null;
		if (running != null) {
			running.interrupt();
			try {
				running.join(Duration.ofSeconds(10));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		// The deliveries handed over get as long as a start may take to finish (each
		// commits or rolls back); one still waiting then rolls back with the database.
		ExecutorService handing = this.executor;
		handing.shutdown();
		try {
			if (!handing.awaitTermination(this.properties.startTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
				logger.warn("Webhook deliveries still in flight at shutdown are dispatched again later");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.loop != null;
	}

}
