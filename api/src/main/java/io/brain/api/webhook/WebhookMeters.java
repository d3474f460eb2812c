package io.brain.api.webhook;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The webhooks' metrics: deliveries received and dispatched per tenant and outcome, and,
 * refreshed every 15 seconds from the inbox, the deliveries waiting per tenant and the
 * age of the oldest of them. Tenants come from the listeners' rows, never from a request.
 */
@Component
class WebhookMeters {

	private static final Logger logger = LoggerFactory.getLogger(WebhookMeters.class);

	private final MeterRegistry meters;

	private final JdbcClient jdbc;

	private final MultiGauge waiting;

	private final MultiGauge oldestAge;

	WebhookMeters(MeterRegistry meters, JdbcClient jdbc) {
		this.meters = meters;
		this.jdbc = jdbc;
		this.waiting = MultiGauge.builder("brain.webhook.inbox.waiting")
			.description("Webhook deliveries in the inbox waiting for the dispatcher, per tenant")
			.register(meters);
		this.oldestAge = MultiGauge.builder("brain.webhook.inbox.oldest.age")
			.description("How long the oldest delivery waiting for the dispatcher has waited, per tenant")
			.baseUnit("seconds")
			.register(meters);
	}

	/**
	 * A delivery arrived: {@code received} (stored for the dispatcher), {@code ignored}
	 * (stored, its event type not wanted), {@code duplicate} or {@code refused} (its
	 * signature).
	 */
	void received(String tenant, WebhookProvider provider, String outcome) {
		Counter.builder("brain.webhook.deliveries.received")
			.description("Webhook deliveries that reached a listener, per tenant, provider and outcome")
			.tags("tenant", tenant, "provider", provider.name().toLowerCase(Locale.ROOT), "outcome", outcome)
			.register(this.meters)
			.increment();
	}

	/**
	 * Deliveries the dispatcher handed over ({@code dispatched}), failed or left to wait
	 * for the engine ({@code waiting}), counted once the transaction that marks them
	 * commits.
	 */
	void dispatched(String tenant, String outcome, int count) {
		if (count == 0) {
			return;
		}
		Counter counter = Counter.builder("brain.webhook.deliveries.dispatched")
			.description("Webhook deliveries the dispatcher handed to the engine, per tenant and outcome")
			.tags("tenant", tenant, "outcome", outcome)
			.register(this.meters);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					counter.increment(count);
				}
			});
		}
		else {
			counter.increment(count);
		}
	}

	@Scheduled(fixedDelay = 15_000, initialDelay = 1_000)
	void refreshInbox() {
		try {
			Instant now = Instant.now();
			List<Figures> figures = this.jdbc
				.sql("select tenant_id, waiting, oldest_received_at from brain_webhook_inbox_figures()")
				.query((row, index) -> new Figures(row.getString("tenant_id"), row.getLong("waiting"),
						row.getObject("oldest_received_at", OffsetDateTime.class)))
				.list();
			this.waiting.register(figures.stream()
				.map((tenant) -> MultiGauge.Row.of(Tags.of("tenant", tenant.tenant()), tenant.waiting()))
				.toList(), true);
			this.oldestAge.register(figures.stream()
				.map((tenant) -> MultiGauge.Row.of(Tags.of("tenant", tenant.tenant()), (tenant.oldest() != null)
						? Math.max(0, Duration.between(tenant.oldest().toInstant(), now).toMillis() / 1000.0) : 0))
				.toList(), true);
		}
		catch (RuntimeException ex) {
			// The next round tries again; the figures keep their last values.
			logger.warn("Could not read the webhook inbox's figures: {}", ex.getMessage());
		}
	}

	private record Figures(String tenant, long waiting, OffsetDateTime oldest) {

	}

}
