package io.brain.api.webhook;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brain.api.automation.Automation;
import io.brain.api.automation.Automations;
import io.brain.api.identity.CurrentUser;
import io.brain.api.message.Messages;
import io.brain.api.message.PublishMessageRequest;
import io.brain.api.message.PublishedMessage;
import io.brain.api.problem.BrainProblem;
import io.brain.api.run.RunService;
import io.brain.core.tenant.TenantContext;
import io.brain.engine.EngineException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Starts the run of each delivery in the inbox, or publishes its message, once.
 * <p>
 * Deliveries are locked ({@code for update skip locked}) for the transaction that starts
 * their runs (or publishes their messages) and marks them DISPATCHED with the run's id
 * (or the message's key), so two api instances never dispatch one twice: the engine
 * accepts the instance or message before the mark commits. A transaction takes up to
 * {@code brain.webhooks.deliveries-per-transaction} deliveries of one tenant and sends
 * their starts to the engine together; up to {@code brain.webhooks.dispatch-concurrency}
 * deliveries are with the engine at once. An engine answering with back-pressure gets
 * half as many at a time after a short pause, and one more for each transaction it takes
 * again. While the engine is unreachable deliveries stay RECEIVED and the dispatcher
 * tries one at a time, pausing between tries for a backoff that doubles up to
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

	private final Automations automations;

	private final RunService runs;

	private final Messages messages;

	private final WebhookProperties properties;

	private final ObjectMapper json;

	private final TransactionTemplate transaction;

	/** How many may be with the engine at once, after its back-pressure. */
	private final DispatchWindow window;

	/** Deliveries this dispatcher is handing over now. */
	private final Set<UUID> inFlight = ConcurrentHashMap.newKeySet();

	private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

	/** Whether the last look found more due than there were free slots. */
	private volatile boolean backlog;

	/** Consecutive rounds that found the engine away; none while it takes deliveries. */
	private final AtomicInteger engineAway = new AtomicInteger();

	private volatile Thread loop;

	DeliveryDispatcher(DeliveryRepository deliveries, Automations automations, RunService runs, Messages messages,
			WebhookProperties properties, ObjectMapper json, PlatformTransactionManager transactions) {
		this.deliveries = deliveries;
		this.automations = automations;
		this.runs = runs;
		this.messages = messages;
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
	 * Starts the runs of some of a tenant's deliveries (or publishes their messages) in
	 * one transaction: those another dispatcher holds or that no longer wait are skipped,
	 * and should the transaction fail, every one of them waits for the next round.
	 */
	private void dispatch(String tenant, List<UUID> ids) {
		try {
			TenantContext.run(tenant, () -> this.transaction.executeWithoutResult((tx) -> {
				Map<UUID, List<DeliveryRepository.Locked>> starts = new LinkedHashMap<>();
				for (DeliveryRepository.Locked locked : this.deliveries.lockDue(tenant, ids)) {
					if (locked.mode() == ListenerMode.CORRELATE) {
						correlate(tenant, locked);
					}
					else {
						starts.computeIfAbsent(locked.delivery().listenerId(), (listener) -> new ArrayList<>())
							.add(locked);
					}
				}
				starts.values().forEach((sameListener) -> start(tenant, sameListener));
			}));
		}
		catch (RuntimeException ex) {
			logger.error("Could not dispatch {} webhook deliveries of tenant {}", ids.size(), tenant, ex);
		}
	}

	/** Starts the runs of deliveries of one listener, all of its automation. */
	private void start(String tenant, List<DeliveryRepository.Locked> sameListener) {
		DeliveryRepository.Locked first = sameListener.get(0);
		CurrentUser webhook = actor(tenant, first);
		String key = first.automationKey();
		Automation automation;
		try {
			automation = this.automations.get(webhook, key);
		}
		catch (BrainProblem notFound) {
			failAll(tenant, sameListener, "Automation '" + key + "' does not exist.");
			return;
		}
		if (automation.deployedVersion() == null) {
			failAll(tenant, sameListener,
					"Automation '" + automation.name() + "' is not deployed: deploy it, then replay this delivery.");
			return;
		}
		List<DeliveryRepository.Locked> readable = new ArrayList<>(sameListener.size());
		List<Map<String, Object>> variables = new ArrayList<>(sameListener.size());
		for (DeliveryRepository.Locked locked : sameListener) {
			try {
				variables.add(Map.of("webhook", variables(locked, payload(locked.delivery()))));
				readable.add(locked);
			}
			catch (RuntimeException unreadable) {
				// This one fails on its own; the others of the batch go on.
				logger.warn("Webhook delivery {} cannot be a run's input", locked.delivery().id(), unreadable);
				this.deliveries.failed(tenant, locked.delivery().id(),
						"The delivery cannot be a run's input: " + unreadable.getMessage());
			}
		}
		if (readable.isEmpty()) {
			return;
		}
		List<RunService.StartOutcome> outcomes;
		try {
			outcomes = this.runs.startAllAccepted(webhook, key, variables);
		}
		catch (BrainProblem ex) {
			failAll(tenant, readable, ex.getBody().getDetail());
			return;
		}
		Map<UUID, String> started = new LinkedHashMap<>();
		for (int i = 0; i < outcomes.size(); i++) {
			DeliveryRepository.StoredDelivery delivery = readable.get(i).delivery();
			switch (outcomes.get(i)) {
				case RunService.StartOutcome.Started run -> started.put(delivery.id(), run.runId());
				case RunService.StartOutcome.NotStarted refused ->
					notTaken(tenant, delivery, "the start", refused.reason());
			}
		}
		this.deliveries.dispatched(tenant, started);
		if (!started.isEmpty()) {
			taken();
		}
	}

	private void failAll(String tenant, List<DeliveryRepository.Locked> deliveries, String reason) {
		deliveries.forEach((locked) -> this.deliveries.failed(tenant, locked.delivery().id(), reason));
	}

	/**
	 * Publishes the delivery's message with the correlation key it carries. Its id is the
	 * id of the event's first delivery, so a second try (after a crash before the mark
	 * committed) or a replay while the first message is buffered resumes nothing twice.
	 * Whether a run waits is the engine's to decide: the message is buffered for
	 * {@code brain.webhooks.message-ttl}.
	 */
	private void correlate(String tenant, DeliveryRepository.Locked locked) {
		DeliveryRepository.StoredDelivery delivery = locked.delivery();
		Object payload = payload(delivery);
		String correlationKey;
		String missing;
		if (locked.correlationKeyPointer() != null) {
			JsonNode value = this.json.valueToTree(payload).at(locked.correlationKeyPointer());
			correlationKey = (value.isValueNode() && !value.isNull()) ? value.asText() : null;
			missing = "The correlation key pointer " + locked.correlationKeyPointer() + " found "
					+ (value.isContainerNode() ? "an object or a list, not a value," : "nothing")
					+ " in the payload: no message was published.";
		}
		else {
			correlationKey = delivery.headers().get(locked.correlationKeyHeader().toLowerCase(Locale.ROOT));
			missing = "The delivery has no " + locked.correlationKeyHeader()
					+ " header to take the correlation key from: no message was published.";
		}
		if (correlationKey == null || correlationKey.isBlank()) {
			this.deliveries.failed(tenant, delivery.id(), missing);
			return;
		}
		if (correlationKey.length() > PublishMessageRequest.MAX_CORRELATION_KEY) {
			this.deliveries.failed(tenant, delivery.id(), "The correlation key is longer than "
					+ PublishMessageRequest.MAX_CORRELATION_KEY + " characters: no message was published.");
			return;
		}
		PublishMessageRequest message = new PublishMessageRequest(locked.messageName(), correlationKey,
				Map.of("webhook", variables(locked, payload)), locked.firstDeliveryId().toString(),
				this.properties.messageTtl().toMillis());
		PublishedMessage published;
		try {
			published = this.messages.publishAccepted(actor(tenant, locked), message);
		}
		catch (RuntimeException ex) {
			notTaken(tenant, delivery, "the message", ex);
			return;
		}
		this.deliveries.published(tenant, delivery.id(), published);
		taken();
	}

	/**
	 * What becomes of a delivery the engine did not take: while the engine cannot take
	 * it, it waits and is tried again; when the engine refuses it, it fails with the
	 * reason.
	 */
	private void notTaken(String tenant, DeliveryRepository.StoredDelivery delivery, String command,
			RuntimeException reason) {
		switch (reason) {
			case EngineException ex when ex.kind() == EngineException.Kind.BUSY -> {
				// Left as it is: due again once the engine has had a moment.
				busy();
			}
			case EngineException ex when ex.isTransient() -> {
				if (this.engineAway.getAndIncrement() == 0) {
					// Once per outage: while it lasts every delivery waits.
					logger.warn("Webhook deliveries wait for the engine: {}", ex.getMessage());
				}
				// The dispatcher pauses while the engine is away (see run()); the
				// delivery
				// is due again as soon as it is back.
				this.deliveries.retryLater(tenant, delivery.id(), Instant.now().plus(this.properties.retryBackoff()),
						ex.getMessage());
			}
			case BrainProblem ex -> this.deliveries.failed(tenant, delivery.id(), ex.getBody().getDetail());
			default -> {
				logger.error("The engine refused {} of webhook delivery {}", command, delivery.id(), reason);
				this.deliveries.failed(tenant, delivery.id(),
						"The engine refused " + command + ": " + reason.getMessage());
			}
		}
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

	/** Who a delivery acts as: its listener, within the listener's tenant. */
	private static CurrentUser actor(String tenant, DeliveryRepository.Locked locked) {
		return CurrentUser.system("webhook", locked.delivery().listenerId(), locked.listenerName(), tenant);
	}

	/**
	 * How long the dispatcher pauses after rounds that found the engine away: doubling
	 * from {@code retry-backoff} up to {@code max-retry-backoff}, then it tries again.
	 */
	Duration backoff(int rounds) {
		Duration wait = this.properties.retryBackoff().multipliedBy(1L << Math.min(Math.max(rounds, 1) - 1, 20));
		return (wait.compareTo(this.properties.maxRetryBackoff()) > 0) ? this.properties.maxRetryBackoff() : wait;
	}

	/**
	 * What the run gets: {@code webhook.event}, {@code eventId}, {@code headers},
	 * {@code payload}...
	 */
	private Map<String, Object> variables(DeliveryRepository.Locked locked, Object payload) {
		DeliveryRepository.StoredDelivery delivery = locked.delivery();
		Map<String, Object> webhook = new LinkedHashMap<>();
		webhook.put("deliveryId", delivery.id().toString());
		webhook.put("listener", locked.listenerName());
		webhook.put("provider", locked.provider().name());
		webhook.put("event", delivery.eventType());
		webhook.put("eventId", delivery.providerEventId());
		webhook.put("receivedAt", delivery.receivedAt().toString());
		webhook.put("headers", delivery.headers());
		webhook.put("payload", payload);
		return webhook;
	}

	/** The body as JSON where it is JSON, as fields where it is a form, else as text. */
	private Object payload(DeliveryRepository.StoredDelivery delivery) {
		String body = delivery.payload();
		try {
			JsonNode node = this.json.readTree(body);
			if (node != null && node.isContainerNode()) {
				return this.json.convertValue(node, Object.class);
			}
		}
		catch (IOException notJson) {
			// Read as a form or as text below.
		}
		String type = (delivery.contentType() != null) ? delivery.contentType() : "";
		if (type.startsWith("application/x-www-form-urlencoded")) {
			Map<String, Object> fields = new LinkedHashMap<>();
			UriComponentsBuilder.newInstance()
				.query(body)
				.build()
				.getQueryParams()
				.forEach((name, values) -> fields.put(decode(name), (values.size() == 1) ? decode(values.get(0))
						: values.stream().map(DeliveryDispatcher::decode).toList()));
			return fields;
		}
		return body;
	}

	private static String decode(String value) {
		return (value != null) ? java.net.URLDecoder.decode(value, java.nio.charset.StandardCharsets.UTF_8) : "";
	}

	@Override
	public void start() {
		if (!this.properties.dispatcherEnabled()) {
			return;
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
		this.executor.shutdown();
		try {
			if (!this.executor.awaitTermination(this.properties.startTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
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
