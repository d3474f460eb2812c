package io.brain.api.webhook;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brain.api.automation.Automation;
import io.brain.api.automation.Automations;
import io.brain.api.identity.CurrentUser;
import io.brain.api.problem.BrainProblem;
import io.brain.api.run.EngineUnavailableException;
import io.brain.api.run.Run;
import io.brain.api.run.RunService;
import io.brain.api.run.StartRunRequest;
import io.brain.core.tenant.TenantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Starts the run of each delivery in the inbox, once.
 * <p>
 * Each delivery is locked ({@code for update skip locked}) for the transaction that
 * starts its run and marks it DISPATCHED with the run's id, so two api instances never
 * start it twice: the engine accepts the instance before the mark commits. While the
 * engine is unreachable the delivery stays RECEIVED and is tried again after a backoff
 * that doubles up to {@code brain.webhooks.max-retry-backoff}; a delivery whose
 * automation is missing or not deployed is FAILED with the reason, to be replayed once it
 * is.
 */
@Component
class DeliveryDispatcher implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(DeliveryDispatcher.class);

	private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
	};

	private final DeliveryRepository deliveries;

	private final Automations automations;

	private final RunService runs;

	private final WebhookProperties properties;

	private final ObjectMapper json;

	private final TransactionTemplate transaction;

	private final TransactionTemplate savepoint;

	private volatile Thread loop;

	DeliveryDispatcher(DeliveryRepository deliveries, Automations automations, RunService runs,
			WebhookProperties properties, ObjectMapper json, PlatformTransactionManager transactions) {
		this.deliveries = deliveries;
		this.automations = automations;
		this.runs = runs;
		this.properties = properties;
		this.json = json;
		this.transaction = new TransactionTemplate(transactions);
		this.savepoint = new TransactionTemplate(transactions);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
	}

	/**
	 * Dispatches the deliveries due now, one batch.
	 * @return how many it dispatched, failed or put back for a retry
	 */
	int dispatchDue() {
		List<DeliveryRepository.Due> due = this.deliveries.due(this.properties.dispatchBatch());
		if (due.size() <= 1) {
			return due.stream().mapToInt(this::dispatchOne).sum();
		}
		// Deliveries are independent (each its own transaction and row lock): several
		// start
		// at once, so the engine's round trips overlap.
		Semaphore slots = new Semaphore(Math.max(1, this.properties.dispatchConcurrency()));
		AtomicInteger handled = new AtomicInteger();
		try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			for (DeliveryRepository.Due delivery : due) {
				slots.acquireUninterruptibly();
				executor.execute(() -> {
					try {
						handled.addAndGet(dispatchOne(delivery));
					}
					finally {
						slots.release();
					}
				});
			}
		}
		return handled.get();
	}

	private int dispatchOne(DeliveryRepository.Due delivery) {
		try {
			return TenantContext.call(delivery.tenant(), () -> dispatch(delivery)) ? 1 : 0;
		}
		catch (RuntimeException ex) {
			logger.error("Could not dispatch webhook delivery {} of tenant {}", delivery.id(), delivery.tenant(), ex);
			return 0;
		}
	}

	private boolean dispatch(DeliveryRepository.Due due) {
		return Boolean.TRUE.equals(this.transaction.execute((tx) -> {
			Optional<DeliveryRepository.Locked> locked = this.deliveries.lockDue(due.tenant(), due.id());
			if (locked.isEmpty()) {
				// Another dispatcher has it, or had it.
				return false;
			}
			start(due.tenant(), locked.get());
			return true;
		}));
	}

	private void start(String tenant, DeliveryRepository.Locked locked) {
		DeliveryRepository.StoredDelivery delivery = locked.delivery();
		CurrentUser webhook = CurrentUser.system("webhook", delivery.listenerId(), locked.listenerName(), tenant);
		String key = locked.automationKey();
		Automation automation;
		try {
			automation = this.automations.get(webhook, key);
		}
		catch (BrainProblem notFound) {
			this.deliveries.failed(tenant, delivery.id(), "Automation '" + key + "' does not exist.");
			return;
		}
		if (automation.deployedVersion() == null) {
			this.deliveries.failed(tenant, delivery.id(),
					"Automation '" + automation.name() + "' is not deployed: deploy it, then replay this delivery.");
			return;
		}
		StartRunRequest request = new StartRunRequest(key, Map.of("webhook", variables(locked)));
		try {
			// The run's row and the engine's instance, or neither.
			Run run = this.savepoint
				.execute((tx) -> this.runs.startAccepted(webhook, request, this.properties.startTimeout()));
			this.deliveries.dispatched(tenant, delivery.id(), run.id());
		}
		catch (EngineUnavailableException ex) {
			Duration wait = backoff(delivery.attempts() + 1);
			if (delivery.attempts() == 0) {
				// Once per delivery: during an outage every delivery waits.
				logger.warn("Webhook delivery {} waits for the engine: {}", delivery.id(), ex.getMessage());
			}
			this.deliveries.retryLater(tenant, delivery.id(), Instant.now().plus(wait), ex.getMessage());
		}
		catch (BrainProblem ex) {
			this.deliveries.failed(tenant, delivery.id(), ex.getBody().getDetail());
		}
		catch (RuntimeException ex) {
			logger.error("Webhook delivery {} could not start its run", delivery.id(), ex);
			this.deliveries.failed(tenant, delivery.id(), "The engine refused the start: " + ex.getMessage());
		}
	}

	/**
	 * The wait before a delivery's next try: doubling from the first, up to the longest.
	 */
	Duration backoff(int attempts) {
		Duration wait = this.properties.retryBackoff().multipliedBy(1L << Math.min(attempts - 1, 20));
		return (wait.compareTo(this.properties.maxRetryBackoff()) > 0) ? this.properties.maxRetryBackoff() : wait;
	}

	/**
	 * What the run gets: {@code webhook.event}, {@code eventId}, {@code headers},
	 * {@code payload}...
	 */
	private Map<String, Object> variables(DeliveryRepository.Locked locked) {
		DeliveryRepository.StoredDelivery delivery = locked.delivery();
		Map<String, Object> webhook = new LinkedHashMap<>();
		webhook.put("deliveryId", delivery.id().toString());
		webhook.put("listener", locked.listenerName());
		webhook.put("provider", locked.provider().name());
		webhook.put("event", delivery.eventType());
		webhook.put("eventId", delivery.providerEventId());
		webhook.put("receivedAt", delivery.receivedAt().toString());
		webhook.put("headers", delivery.headers());
		webhook.put("payload", payload(delivery));
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

	private void run() {
		while (!Thread.currentThread().isInterrupted()) {
			int handled = 0;
			try {
				handled = dispatchDue();
			}
			catch (RuntimeException ex) {
				logger.error("The webhook dispatcher failed a round; it goes on", ex);
			}
			if (handled == 0) {
				try {
					Thread.sleep(this.properties.dispatchInterval());
				}
				catch (InterruptedException ex) {
					return;
				}
			}
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
	}

	@Override
	public boolean isRunning() {
		return this.loop != null;
	}

}
