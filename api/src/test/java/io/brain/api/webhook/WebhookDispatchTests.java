package io.brain.api.webhook;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brain.api.run.RunService;
import io.brain.core.tenant.TenantContext;
import io.brain.core.tenant.TenantId;
import io.brain.engine.RunHistory;
import io.camunda.zeebe.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Deliveries become runs exactly once: with dispatchers racing, and when one of a batch
 * cannot be dispatched.
 */
class WebhookDispatchTests extends WebhookTestContext {

	static final String SECRET = "gh_secret_0123456789abcdefghij";

	@Autowired
	DeliveryDispatcher dispatcher;

	@Autowired
	DeliveryRepository deliveries;

	@Autowired
	RunService runService;

	@Autowired
	Handover handover;

	@Autowired
	WebhookProperties properties;

	@Autowired
	ObjectMapper json;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	WebhookMeters meters;

	@Autowired
	RunHistory history;

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
	void dispatchWhenADeliveryCannotBeDispatchedThenItAloneFailsAndTheOthersStartOnce() throws Exception {
		String tenant = "dispatch-poison";
		automation(tenant, "on-poison", true);
		JsonNode created = listener(tenant, listenerRequest("Poison", WebhookProvider.GITHUB, "on-poison", SECRET));
		UUID listener = UUID.fromString(created.at("/listener/id").asText());
		// Already in the inbox (the ingress refuses such a body now), in one batch with
		// good ones: a NUL no run's input can be stored with.
		UUID poison = UUID.randomUUID();
		List<DeliveryRepository.Received> batch = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			batch.add(received(UUID.randomUUID(), listener, "good-" + i, "{\"n\":" + i + "}"));
		}
		batch.add(1, received(poison, listener, "poison", "{\"note\":\"a\\u0000b\"}"));
		TenantContext.run(tenant,
				() -> new TransactionTemplate(this.transactions)
					.executeWithoutResult((tx) -> batch.forEach((delivery) -> this.jdbc.sql(DeliveryRepository.INSERT)
						.params(this.deliveries.insertParameters(tenant, delivery))
						.update())));

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(dispatched(tenant)).isEqualTo(3);
			assertThat(statusOf(tenant, poison)).isEqualTo("FAILED");
		});
		// Rounds later, nothing started again.
		Thread.sleep(1000);
		assertThat(runs(tenant, "on-poison")).isEqualTo(3);
		assertThat(instancesStarted(tenant, "on-poison")).isEqualTo(3);
		assertThat(TenantContext.call(tenant,
				() -> this.jdbc.sql("select attempts from webhook_delivery where id = :id")
					.param("id", poison)
					.query(Integer.class)
					.single()))
			.isEqualTo(1);
		// The delivery log shows it with its reason, and it can be replayed.
		JsonNode log = JSON
			.readTree(this.mvc.perform(get("/api/webhooks/{id}/deliveries", listener).with(admin(tenant)))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString());
		JsonNode failed = null;
		for (JsonNode delivery : log.at("/items")) {
			if (delivery.at("/id").asText().equals(poison.toString())) {
				failed = delivery;
			}
		}
		assertThat(failed).isNotNull();
		assertThat(failed.at("/status").asText()).isEqualTo("FAILED");
		assertThat(failed.at("/error").asText()).contains("webhook.payload.note").contains("NUL");
		this.mvc
			.perform(post("/api/webhooks/{id}/deliveries/{deliveryId}/replay", listener, poison).with(admin(tenant)))
			.andExpect(status().is2xxSuccessful());
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(TenantContext.call(tenant,
					() -> this.jdbc.sql("select status from webhook_delivery where replay_of = :id")
						.param("id", poison)
						.query(String.class)
						.single()))
				.isEqualTo("FAILED"));
		assertThat(instancesStarted(tenant, "on-poison")).isEqualTo(3);
	}

	@Test
	void dispatchWhenItsTransactionFailsAfterTheStartsThenNoRunIsLeftAndEachDeliveryStartsOnceLater() throws Exception {
		String tenant = "dispatch-crash";
		automation(tenant, "on-crash", true);
		JsonNode created = listener(tenant, listenerRequest("Crash", WebhookProvider.GITHUB, "on-crash", SECRET));
		UUID listener = UUID.fromString(created.at("/listener/id").asText());
		// A dispatcher that dies between starting the runs and marking the deliveries:
		// the
		// mark fails, so its transaction rolls back as a crash would end it.
		DeliveryRepository crashing = new DeliveryRepository(this.jdbc, this.json) {
			@Override
			void dispatched(String tenant, Map<UUID, String> runs) {
				throw new IllegalStateException("the dispatcher died here");
			}
		};
		DeliveryDispatcher dying = new DeliveryDispatcher(crashing, this.handover, this.properties, this.json,
				this.transactions, this.meters);
		this.dispatcher.stop();
		try {
			TenantContext.run(tenant, () -> new TransactionTemplate(this.transactions).executeWithoutResult((tx) -> {
				for (int i = 0; i < 3; i++) {
					this.jdbc.sql(DeliveryRepository.INSERT)
						.params(this.deliveries.insertParameters(tenant,
								received(UUID.randomUUID(), listener, "crash-" + i, "{\"n\":" + i + "}")))
						.update();
				}
			}));
			assertThat(dying.dispatchDue()).isEqualTo(3);
			// Stopping waits for what it handed over.
			dying.stop();
			assertThat(instancesStarted(tenant, "on-crash")).isZero();
			assertThat(dispatched(tenant)).isZero();
		}
		finally {
			this.dispatcher.start();
		}
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(dispatched(tenant)).isEqualTo(3));
		assertThat(instancesStarted(tenant, "on-crash")).isEqualTo(3);
		assertThat(runs(tenant, "on-crash")).isEqualTo(3);
	}

	@Test
	void dispatchWhenTheEngineTakesStartsApartAndTheDispatcherDiesThenAnotherFindsTheRunsByStartKeyAndStartsNoneAgain()
			throws Exception {
		String tenant = "dispatch-apart";
		automation(tenant, "on-apart", true);
		JsonNode created = listener(tenant, listenerRequest("Apart", WebhookProvider.GITHUB, "on-apart", SECRET));
		UUID listener = UUID.fromString(created.at("/listener/id").asText());
		// The open engine as Camunda 8 takes starts: each on its own, apart from the
		// dispatcher's transaction.
		Handover apart = new Handover() {
			@Override
			public List<Outcome> start(String tenant, Target target, String startedBy, List<DeliveryInput> deliveries) {
				return WebhookDispatchTests.this.handover.start(tenant, target, startedBy, deliveries);
			}

			@Override
			public Outcome publish(String tenant, io.brain.api.message.PublishMessageRequest message) {
				return WebhookDispatchTests.this.handover.publish(tenant, message);
			}

			@Override
			public Optional<String> startedRun(String tenant, DeliveryInput delivery) {
				return WebhookDispatchTests.this.handover.startedRun(tenant, delivery);
			}

			@Override
			public boolean joinsTransactions() {
				return false;
			}
		};
		WebhookProperties p = this.properties;
		WebhookProperties shortLease = new WebhookProperties(p.maxBodySize(), p.signatureTolerance(), p.publicUrl(),
				p.dispatchInterval(), p.dispatchBatch(), p.dispatchConcurrency(), p.deliveriesPerTransaction(),
				p.startTimeout(), p.retryBackoff(), p.maxRetryBackoff(), p.dispatcherEnabled(),
				p.maxConcurrentRequests(), p.messageTtl(), p.listenerCacheTtl(), Duration.ofSeconds(3));
		DeliveryRepository crashing = new DeliveryRepository(this.jdbc, this.json) {
			@Override
			void dispatched(String tenant, Map<UUID, String> runs) {
				throw new IllegalStateException("the dispatcher died here");
			}
		};
		this.dispatcher.stop();
		try {
			insert(tenant, listener, "apart", 3);
			DeliveryDispatcher dying = new DeliveryDispatcher(crashing, apart, shortLease, this.json, this.transactions,
					this.meters);
			assertThat(dying.dispatchDue()).isEqualTo(3);
			dying.stop();
			// The engine took the starts; the deliveries do not say so.
			assertThat(instancesStarted(tenant, "on-apart")).isEqualTo(3);
			assertThat(dispatched(tenant)).isZero();
			// Within the lease no other dispatcher takes them.
			DeliveryDispatcher next = new DeliveryDispatcher(this.deliveries, apart, shortLease, this.json,
					this.transactions, this.meters);
			assertThat(next.dispatchDue()).isZero();
			await().atMost(Duration.ofSeconds(10)).until(() -> next.dispatchDue() == 3);
			next.stop();
		}
		finally {
			this.dispatcher.start();
		}
		assertThat(dispatched(tenant)).isEqualTo(3);
		assertThat(instancesStarted(tenant, "on-apart")).isEqualTo(3);
		assertThat(distinctRunIds(tenant)).isEqualTo(3);
	}

	private void insert(String tenant, UUID listener, String prefix, int count) {
		TenantContext.run(tenant, () -> new TransactionTemplate(this.transactions).executeWithoutResult((tx) -> {
			for (int i = 0; i < count; i++) {
				this.jdbc.sql(DeliveryRepository.INSERT)
					.params(this.deliveries.insertParameters(tenant,
							received(UUID.randomUUID(), listener, prefix + "-" + i, "{\"n\":" + i + "}")))
					.update();
			}
		}));
	}

	@Test
	void startsWhenTheDatabaseRefusesOneRunsInputThenItAloneIsCancelledAndTheOthersRecorded() throws Exception {
		String tenant = "start-unrecordable";
		// Runs that wait an hour, so the refused one is there to cancel.
		automation(tenant, "on-number",
				Bpmn.convertToString(Bpmn.createExecutableProcess("p")
					.startEvent()
					.intermediateCatchEvent("wait")
					.timerWithDuration("PT1H")
					.endEvent()
					.done()),
				true);
		// A number PostgreSQL's jsonb cannot hold: the engine takes it, the run's record
		// cannot.
		List<RunService.BackgroundStart> starts = List.of(
				new RunService.BackgroundStart(Map.of("n", 1), "webhook:" + UUID.randomUUID()),
				new RunService.BackgroundStart(Map.of("n", new BigDecimal("1E+200000")),
						"webhook:" + UUID.randomUUID()),
				new RunService.BackgroundStart(Map.of("n", 2), "webhook:" + UUID.randomUUID()));
		List<RunService.StartOutcome> outcomes = TenantContext
			.call(tenant, () -> new TransactionTemplate(this.transactions).execute(
					(tx) -> this.runService.startAll(new TenantId(tenant), "on-number", "webhook:Numbers", starts)));
		assertThat(outcomes.get(0)).isInstanceOf(RunService.StartOutcome.Started.class);
		assertThat(outcomes.get(2)).isInstanceOf(RunService.StartOutcome.Started.class);
		assertThat(outcomes.get(1)).isInstanceOfSatisfying(RunService.StartOutcome.Refused.class,
				(refused) -> assertThat(refused.reason()).contains("could not be stored"));
		assertThat(runs(tenant, "on-number")).isEqualTo(2);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(terminated(tenant, "on-number")).isOne());
	}

	@Test
	void webhookWhenSignedBodyHoldsNulThenRefusedAndNothingStored() throws Exception {
		String tenant = "ingress-nul";
		automation(tenant, "on-nul", true);
		JsonNode created = listener(tenant, listenerRequest("Nul", WebhookProvider.GITHUB, "on-nul", SECRET));
		String path = path(created);
		this.mvc
			.perform(signed(path, WebhookProvider.GITHUB, SECRET, "{\"order\":{\"note\":\"a\\u0000b\"}}", "nul-1",
					"push"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.field").value("order.note"));
		this.mvc.perform(signed(path, WebhookProvider.GITHUB, SECRET, "{\"name\":\"\\ud800\"}", "nul-2", "push"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("name"));
		this.mvc
			.perform(signed(path, WebhookProvider.GITHUB, SECRET, "note=a%00b", "nul-3", "push")
				.contentType(MediaType.APPLICATION_FORM_URLENCODED))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("note"));
		assertThat(deliveries(tenant, created.at("/listener/id").asText())).isZero();
	}

	private static DeliveryRepository.Received received(UUID id, UUID listener, String eventId, String payload) {
		return new DeliveryRepository.Received(id, listener, DeliveryStatus.RECEIVED, "push", eventId, Map.of(),
				payload, "application/json");
	}

	/** Runs of a tenant's process the engine cancelled. */
	private long terminated(String tenant, String processId) {
		return this.history
			.runs(new TenantId(tenant),
					new RunHistory.Query(Optional.of(processId), Optional.of(RunHistory.State.CANCELLED), 0, 100))
			.total();
	}

	private String statusOf(String tenant, UUID delivery) {
		return TenantContext.call(tenant,
				() -> this.jdbc.sql("select status from webhook_delivery where id = :id")
					.param("id", delivery)
					.query(String.class)
					.single());
	}

	private DeliveryDispatcher anotherDispatcher() {
		return new DeliveryDispatcher(this.deliveries, this.handover, this.properties, this.json, this.transactions,
				this.meters);
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
				select count(distinct d.run_id) from webhook_delivery d join run r on r.instance_id = d.run_id
				""").query(Long.class).single());
	}

	/** Runs the engine itself started for a tenant's process. */
	private long instancesStarted(String tenant, String processId) {
		return this.history
			.runs(new TenantId(tenant), new RunHistory.Query(Optional.of(processId), Optional.empty(), 0, 1))
			.total();
	}

}
