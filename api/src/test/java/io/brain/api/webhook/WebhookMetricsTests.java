package io.brain.api.webhook;

import java.time.Duration;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.brain.core.tenant.TenantContext;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What the platform's metrics say of webhooks: deliveries received and dispatched per
 * tenant and outcome, the runs they started, the inbox's waiting deliveries and the age
 * of the oldest; and that no payload or secret reaches a log line meanwhile.
 */
@ExtendWith(OutputCaptureExtension.class)
class WebhookMetricsTests extends WebhookTestContext {

	static final String SECRET = "gh_secret_metrics_0123456789";

	@Autowired
	MeterRegistry meters;

	@Autowired
	WebhookMeters webhookMeters;

	@Test
	void webhooksWhenReceivedAndDispatchedThenCountedPerTenantAndOutcome(CapturedOutput output) throws Exception {
		String tenant = "metrics-acme";
		automation(tenant, "on-order", true);
		JsonNode created = listener(tenant, listenerRequest("Orders", WebhookProvider.GITHUB, "on-order", SECRET));
		String path = path(created);
		String body = body(WebhookProvider.GITHUB, "order-1", "push");
		this.mvc.perform(signed(path, WebhookProvider.GITHUB, SECRET, body, "order-1", "push"))
			.andExpect(status().isAccepted());
		this.mvc.perform(signed(path, WebhookProvider.GITHUB, SECRET, body, "order-1", "push"))
			.andExpect(status().isOk());
		this.mvc.perform(signed(path, WebhookProvider.GITHUB, "not-the-secret", body, "order-2", "push"))
			.andExpect(status().isUnauthorized());

		assertThat(received(tenant, "received")).isEqualTo(1);
		assertThat(received(tenant, "duplicate")).isEqualTo(1);
		assertThat(received(tenant, "refused")).isEqualTo(1);
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(count("brain.webhook.deliveries.dispatched", tenant, "outcome", "dispatched")).isEqualTo(1);
			assertThat(count("brain.runs.started", tenant, null, null)).isEqualTo(1);
			assertThat(count("brain.runs.completed", tenant, null, null)).isEqualTo(1);
		});
		assertThat(this.meters.get("http.server.requests").tag("uri", "/hooks/{publicId}").timers())
			.as("requests by route template, never by the listener's address")
			.isNotEmpty();
		assertThat(this.meters.find("http.server.requests").tag("uri", path).timers()).isEmpty();

		// Payloads and secrets never reach a log line.
		assertThat(output.getAll()).doesNotContain("hunter2").doesNotContain("ada@example.com").doesNotContain(SECRET);
	}

	@Test
	void inboxWhenDeliveriesWaitThenCountedWithTheAgeOfTheOldestPerTenant() throws Exception {
		String tenant = "metrics-globex";
		automation(tenant, "on-waiting", true);
		JsonNode created = listener(tenant, listenerRequest("Waiting", WebhookProvider.GITHUB, "on-waiting", SECRET));
		UUID listener = UUID.fromString(created.at("/listener/id").asText());
		// Waiting for a retry in an hour, received two minutes ago.
		TenantContext.run(tenant, () -> this.jdbc.sql("""
				insert into webhook_delivery (id, tenant_id, listener_id, status, provider_event_id, headers, payload,
				    received_at, next_attempt_at)
				values (:id, :tenant, :listener, 'RECEIVED', 'waiting-1', '{}'::jsonb, '{}',
				    now() - interval '2 minutes', now() + interval '1 hour')""")
			.param("id", UUID.randomUUID())
			.param("tenant", tenant)
			.param("listener", listener)
			.update());

		this.webhookMeters.refreshInbox();

		assertThat(this.meters.get("brain.webhook.inbox.waiting").tag("tenant", tenant).gauge().value()).isEqualTo(1);
		assertThat(this.meters.get("brain.webhook.inbox.oldest.age").tag("tenant", tenant).gauge().value())
			.isBetween(119.0, 600.0);
	}

	private double received(String tenant, String outcome) {
		return count("brain.webhook.deliveries.received", tenant, "outcome", outcome);
	}

	private double count(String name, String tenant, String key, String value) {
		var search = this.meters.find(name).tag("tenant", tenant);
		if (key != null) {
			search = search.tag(key, value);
		}
		return search.counters().stream().mapToDouble((counter) -> counter.count()).sum();
	}

}
