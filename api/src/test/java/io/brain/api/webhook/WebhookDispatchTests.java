package io.brain.api.webhook;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brain.api.automation.Automations;
import io.brain.api.message.Messages;
import io.brain.api.run.RunService;
import io.brain.core.tenant.TenantContext;
import io.camunda.zeebe.process.test.filters.RecordStream;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Deliveries become runs exactly once: with dispatchers racing, and with the engine
 * unreachable while webhooks arrive.
 */
class WebhookDispatchTests extends WebhookTestContext {

	static final String SECRET = "gh_secret_0123456789abcdefghij";

	@Autowired
	DeliveryDispatcher dispatcher;

	@Autowired
	DeliveryRepository deliveries;

	@Autowired
	Automations automations;

	@Autowired
	RunService runService;

	@Autowired
	Messages messages;

	@Autowired
	WebhookProperties properties;

	@Autowired
	ObjectMapper json;

	@Autowired
	PlatformTransactionManager transactions;

	@AfterEach
	void reconnect() {
		link.restore();
	}

	@Test
	void deliveriesWhenDispatchersRaceThenEachStartsExactlyOneRun() throws Exception {
		String tenant = "dispatch-race";
		automation(tenant, "on-push", true);
		String path = path(listener(tenant, listenerRequest("Race", WebhookProvider.GITHUB, "on-push", SECRET)));
		int count = 40;
		// Two more dispatchers, as other api instances would run, race the running one.
		DeliveryDispatcher second = anotherDispatcher();
		DeliveryDispatcher third = anotherDispatcher();
		try (ExecutorService racers = Executors.newFixedThreadPool(4)) {
			List<Future<Integer>> rounds = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				this.mvc.perform(signed(path, WebhookProvider.GITHUB, SECRET, "{\"n\":" + i + "}", "race-" + i, "push"))
					.andExpect(status().isAccepted());
				rounds.add(racers.submit((Callable<Integer>) second::dispatchDue));
				rounds.add(racers.submit((Callable<Integer>) third::dispatchDue));
			}
			for (Future<Integer> round : rounds) {
				round.get();
			}
		}
		// Stopping waits for what they handed over.
		second.stop();
		third.stop();

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(dispatched(tenant)).isEqualTo(count));
		assertThat(runs(tenant, "on-push")).isEqualTo(count);
		assertThat(distinctRunIds(tenant)).isEqualTo(count);
		assertThat(instancesStarted(tenant, "on-push")).isEqualTo(count);
	}

	@Test
	void webhooksWhenEngineUnreachableThenNoneLostAndEachStartsOnceWhenItIsBack() throws Exception {
		String tenant = "dispatch-outage";
		automation(tenant, "on-order", true);
		JsonNode created = listener(tenant, listenerRequest("Outage", WebhookProvider.GITHUB, "on-order", SECRET));
		String path = path(created);
		int count = 200;

		link.cut();
		for (int i = 0; i < count; i++) {
			this.mvc
				.perform(signed(path, WebhookProvider.GITHUB, SECRET, "{\"order\":" + i + "}", "order-" + i, "push"))
				.andExpect(status().isAccepted());
		}
		// Every webhook is in the inbox, and the dispatcher has been failing to reach the
		// engine.
		assertThat(deliveries(tenant, created.at("/listener/id").asText())).isEqualTo(count);
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(retried(tenant)).isPositive());
		assertThat(dispatched(tenant)).isZero();
		assertThat(runs(tenant, "on-order")).isZero();

		link.restore();
		await().atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(250))
			.untilAsserted(() -> assertThat(dispatched(tenant)).isEqualTo(count));
		assertThat(runs(tenant, "on-order")).isEqualTo(count);
		assertThat(distinctRunIds(tenant)).isEqualTo(count);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(instancesStarted(tenant, "on-order")).isEqualTo(count));
	}

	private DeliveryDispatcher anotherDispatcher() {
		return new DeliveryDispatcher(this.deliveries, this.automations, this.runService, this.messages,
				this.properties, this.json, this.transactions);
	}

	private long dispatched(String tenant) {
		return TenantContext.call(tenant,
				() -> this.jdbc.sql("select count(*) from webhook_delivery where status = 'DISPATCHED'")
					.query(Long.class)
					.single());
	}

	private long retried(String tenant) {
		return TenantContext.call(tenant,
				() -> this.jdbc
					.sql("select count(*) from webhook_delivery where status = 'RECEIVED' and attempts > 0"
							+ " and last_error is not null")
					.query(Long.class)
					.single());
	}

	private long distinctRunIds(String tenant) {
		return TenantContext.call(tenant, () -> this.jdbc.sql("""
				select count(distinct d.run_id) from webhook_delivery d join run r on r.process_instance_key = d.run_id
				where r.process_instance_key is not null
				""").query(Long.class).single());
	}

	/**
	 * Process instances the engine itself started for a tenant's process, each counted
	 * once.
	 */
	private static long instancesStarted(String tenant, String processId) {
		Set<Long> instances = new HashSet<>();
		long activations = 0;
		for (Record<ProcessInstanceRecordValue> record : RecordStream.of(engine.getRecordStreamSource())
			.processInstanceRecords()) {
			ProcessInstanceRecordValue value = record.getValue();
			if (record.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATED
					&& value.getBpmnElementType() == BpmnElementType.PROCESS
					&& value.getBpmnProcessId().equals(tenant + "__" + processId)) {
				instances.add(value.getProcessInstanceKey());
				activations++;
			}
		}
		assertThat(activations).as("instances activated more than once").isEqualTo(instances.size());
		return instances.size();
	}

}
