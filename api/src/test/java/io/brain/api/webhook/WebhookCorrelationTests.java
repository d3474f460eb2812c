package io.brain.api.webhook;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import io.brain.api.TestTokens;
import io.brain.core.tenant.TenantContext;
import io.brain.core.tenant.TenantId;
import io.brain.engine.RunHistory;
import io.camunda.zeebe.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * CORRELATE listeners: a verified delivery publishes a message that resumes the run
 * waiting for it, once, in its own tenant only.
 */
class WebhookCorrelationTests extends WebhookTestContext {

	static final String SECRET = "correlate_secret_0123456789abcdef";

	static final String POINTER = "/data/object/metadata/orderId";

	@Autowired
	DeliveryDispatcher dispatcher;

	@Autowired
	RunHistory history;

	@Test
	void deliveryWhenListenerCorrelatesThenTheWaitingRunResumesWithTheWebhookAndCompletes() throws Exception {
		String tenant = "correlate-a";
		String other = "correlate-a-other";
		automation(tenant, "await-payment", awaitingPayment(), true);
		automation(other, "await-payment", awaitingPayment(), true);
		JsonNode created = listener(tenant, correlating("Payments", "await-payment"));
		assertThat(created.at("/listener/mode").asText()).isEqualTo("CORRELATE");
		assertThat(created.at("/listener/messageName").asText()).isEqualTo("order-paid");
		assertThat(created.at("/listener/correlationKeyPointer").asText()).isEqualTo(POINTER);
		assertThat(created.at("/listener/live").asBoolean()).isTrue();
		String id = created.at("/listener/id").asText();
		String run = startRun(tenant, "await-payment", "A-1001");
		String othersRun = startRun(other, "await-payment", "A-1001");

		this.mvc.perform(signed(path(created), WebhookProvider.HMAC_SHA256, SECRET, paid("A-1001"), "evt-a-1", null))
			.andExpect(status().isAccepted());

		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> this.mvc.perform(get("/api/webhooks/{id}/deliveries", id).with(admin(tenant)))
				.andExpect(jsonPath("$.items[0].status").value("DISPATCHED"))
				.andExpect(jsonPath("$.items[0].runId").doesNotExist())
				.andExpect(jsonPath("$.items[0].message.name").value("order-paid"))
				.andExpect(jsonPath("$.items[0].message.correlationKey").value("A-1001"))
				.andExpect(jsonPath("$.items[0].message.messageKey").isNotEmpty())
				.andExpect(jsonPath("$.items[0].message.alreadyPublished").value(false)));
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(completed(tenant, run)).isOne());
		JsonNode webhook = JSON.valueToTree(variable(tenant, run, "webhook"));
		assertThat(webhook.get("event").asText()).isEqualTo("checkout.session.completed");
		assertThat(webhook.at("/payload/data/object/metadata/orderId").asText()).isEqualTo("A-1001");
		assertThat(webhook.at("/payload/data/object/amount_total").asInt()).isEqualTo(1999);
		// The other tenant's run waits for a message of the same name and key: untouched.
		await().during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(3))
			.until(() -> completed(other, othersRun) == 0);
	}

	@Test
	void deliveryWhenDispatchedAgainOrReplayedThenItsMessageIsNotPublishedTwice() throws Exception {
		String tenant = "correlate-b";
		automation(tenant, "await-payment", awaitingPayment(), true);
		JsonNode created = listener(tenant, correlating("Payments", "await-payment"));
		String id = created.at("/listener/id").asText();
		// Two runs wait for the same order: a second message would resume the second.
		String first = startRun(tenant, "await-payment", "B-1");
		String second = startRun(tenant, "await-payment", "B-1");

		this.mvc.perform(signed(path(created), WebhookProvider.HMAC_SHA256, SECRET, paid("B-1"), "evt-b-1", null))
			.andExpect(status().isAccepted());
		JsonNode delivery = awaitDelivery(tenant, id, "DISPATCHED");
		String deliveryId = delivery.get("id").asText();
		assertThat(delivery.at("/message/messageId").asText()).isEqualTo(deliveryId);
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(completed(tenant, first, second)).isEqualTo(1));

		// The api died after the engine took the message, before the mark committed: the
		// delivery is dispatched again.
		TenantContext.run(tenant, () -> this.jdbc.sql("""
				update webhook_delivery set status = 'RECEIVED', next_attempt_at = now(), message_name = null,
				    message_key = null where id = cast(:id as uuid)
				""").param("id", deliveryId).update());
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> this.mvc.perform(get("/api/webhooks/{id}/deliveries", id).with(admin(tenant)))
				.andExpect(jsonPath("$.items[0].status").value("DISPATCHED"))
				.andExpect(jsonPath("$.items[0].message.alreadyPublished").value(true))
				.andExpect(jsonPath("$.items[0].message.messageKey").doesNotExist()));

		// A replay publishes under the first delivery's id as well.
		String copy = JSON
			.readTree(this.mvc
				.perform(post("/api/webhooks/{id}/deliveries/{delivery}/replay", id, deliveryId).with(admin(tenant)))
				.andExpect(status().isAccepted())
				.andReturn()
				.getResponse()
				.getContentAsString())
			.get("id")
			.asText();
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> this.mvc
				.perform(get("/api/webhooks/{id}/deliveries", id).param("status", "DISPATCHED").with(admin(tenant)))
				.andExpect(jsonPath("$.items[?(@.id == '" + copy + "')].message.messageId").value(deliveryId))
				.andExpect(jsonPath("$.items[?(@.id == '" + copy + "')].message.alreadyPublished").value(true)));

		await().during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(3))
			.until(() -> completed(tenant, first, second) == 1);

		// Another event for the same order is another message: it resumes the second run.
		this.mvc.perform(signed(path(created), WebhookProvider.HMAC_SHA256, SECRET, paid("B-1"), "evt-b-2", null))
			.andExpect(status().isAccepted());
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(completed(tenant, first, second)).isEqualTo(2));
	}

	@Test
	void deliveriesWhenDispatchersRaceThenEachPublishesItsMessageOnce() throws Exception {
		String tenant = "correlate-race";
		automation(tenant, "await-payment", awaitingPayment(), true);
		JsonNode created = listener(tenant, correlating("Race", "await-payment"));
		String id = created.at("/listener/id").asText();
		int count = 10;
		List<String> waiting = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			waiting.add(startRun(tenant, "await-payment", "R-" + i));
		}
		try (ExecutorService racers = Executors.newFixedThreadPool(4)) {
			List<Future<Integer>> rounds = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				this.mvc
					.perform(signed(path(created), WebhookProvider.HMAC_SHA256, SECRET, paid("R-" + i), "race-" + i,
							null))
					.andExpect(status().isAccepted());
				Callable<Integer> round = this.dispatcher::dispatchDue;
				rounds.add(racers.submit(round));
				rounds.add(racers.submit(round));
			}
			for (Future<Integer> round : rounds) {
				round.get();
			}
		}

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(completed(tenant, waiting.toArray(String[]::new))).isEqualTo(count));
		JsonNode log = JSON.readTree(this.mvc
			.perform(get("/api/webhooks/{id}/deliveries", id).param("status", "DISPATCHED").with(admin(tenant)))
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(log.get("total").asInt()).isEqualTo(count);
		for (JsonNode delivery : log.get("items")) {
			assertThat(delivery.at("/message/alreadyPublished").asBoolean()).isFalse();
		}
	}

	@Test
	void deliveryWhenCorrelationKeyIsMissingThenFailsSayingWhereItLookedAndIsNotRetried() throws Exception {
		String tenant = "correlate-c";
		automation(tenant, "await-payment", awaitingPayment(), true);
		JsonNode byPointer = listener(tenant, correlating("By pointer", "await-payment"));
		this.mvc.perform(signed(path(byPointer), WebhookProvider.HMAC_SHA256, SECRET,
				"{\"type\":\"checkout.session.completed\",\"data\":{\"object\":{\"metadata\":{}}}}", "evt-c-1", null))
			.andExpect(status().isAccepted());
		JsonNode failed = awaitDelivery(tenant, byPointer.at("/listener/id").asText(), "FAILED");
		assertThat(failed.get("error").asText()).isEqualTo(
				"The correlation key pointer " + POINTER + " found nothing in the payload: no message was published.");
		assertThat(failed.hasNonNull("message")).isFalse();

		Map<String, Object> request = correlating("By header", "await-payment");
		request.remove("correlationKeyPointer");
		request.put("correlationKeyHeader", "X-Order-Id");
		JsonNode byHeader = listener(tenant, request);
		String headerId = byHeader.at("/listener/id").asText();
		this.mvc.perform(signed(path(byHeader), WebhookProvider.HMAC_SHA256, SECRET, paid("ignored"), "evt-c-2", null))
			.andExpect(status().isAccepted());
		assertThat(awaitDelivery(tenant, headerId, "FAILED").get("error").asText())
			.isEqualTo("The delivery has no X-Order-Id header to take the correlation key from: no message was "
					+ "published.");
		String run = startRun(tenant, "await-payment", "C-7");
		this.mvc
			.perform(signed(path(byHeader), WebhookProvider.HMAC_SHA256, SECRET, paid("ignored"), "evt-c-3", null)
				.header("X-Order-Id", "C-7"))
			.andExpect(status().isAccepted());
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(completed(tenant, run)).isOne());

		// Failed deliveries stay failed: nothing retries them.
		Thread.sleep(500);
		assertThat(TenantContext.call(tenant,
				() -> this.jdbc.sql("select max(attempts) from webhook_delivery where status = 'FAILED'")
					.query(Integer.class)
					.single()))
			.isEqualTo(1);
	}

	@Test
	void listenerWhenCorrelationSettingsAreInvalidThenProblemNamingTheFieldAndNothingStored() throws Exception {
		String tenant = "correlate-d";
		automation(tenant, "await-payment", awaitingPayment(), true);
		Map<String, Object> noMessage = correlating("x", "await-payment");
		noMessage.remove("messageName");
		refused(tenant, noMessage, "messageName");
		Map<String, Object> expression = correlating("x", "await-payment");
		expression.put("messageName", "=orderEvent");
		refused(tenant, expression, "messageName");
		Map<String, Object> noSource = correlating("x", "await-payment");
		noSource.remove("correlationKeyPointer");
		refused(tenant, noSource, "correlationKeyPointer");
		Map<String, Object> notAPointer = correlating("x", "await-payment");
		notAPointer.put("correlationKeyPointer", "data.object.metadata.orderId");
		refused(tenant, notAPointer, "correlationKeyPointer");
		Map<String, Object> both = correlating("x", "await-payment");
		both.put("correlationKeyHeader", "X-Order-Id");
		refused(tenant, both, "correlationKeyHeader");
		Map<String, Object> secretHeader = correlating("x", "await-payment");
		secretHeader.remove("correlationKeyPointer");
		secretHeader.put("correlationKeyHeader", "X-Api-Key");
		refused(tenant, secretHeader, "correlationKeyHeader");
		Map<String, Object> starting = listenerRequest("x", WebhookProvider.HMAC_SHA256, "await-payment", SECRET);
		starting.put("messageName", "order-paid");
		refused(tenant, starting, "messageName");

		assertThat(TenantContext.call(tenant,
				() -> this.jdbc.sql("select count(*) from webhook_listener").query(Long.class).single()))
			.isZero();
	}

	@Test
	void listenerWhenItsAutomationDoesNotWaitForTheMessageThenNotLiveAndSaysWhy() throws Exception {
		String tenant = "correlate-e";
		automation(tenant, "plain", true);
		automation(tenant, "drafted", awaitingPayment(), false);
		automation(tenant, "await-payment", awaitingPayment(), true);

		JsonNode plain = listener(tenant, correlating("Plain", "plain"));
		assertThat(plain.at("/listener/live").asBoolean()).isFalse();
		assertThat(plain.at("/listener/problem").asText())
			.isEqualTo("The deployed version of automation 'Flow plain' does not wait for message 'order-paid': it "
					+ "has no message start, catch or boundary event and no receive task with that name.");
		JsonNode drafted = listener(tenant, correlating("Drafted", "drafted"));
		assertThat(drafted.at("/listener/problem").asText())
			.startsWith("Automation 'Flow drafted' is not deployed: deliveries publish message 'order-paid'");
		JsonNode waiting = listener(tenant, correlating("Waiting", "await-payment"));
		assertThat(waiting.at("/listener/live").asBoolean()).isTrue();
		assertThat(waiting.get("listener").hasNonNull("problem")).isFalse();
	}

	private void refused(String tenant, Map<String, Object> request, String field) throws Exception {
		this.mvc
			.perform(post("/api/webhooks").with(admin(tenant))
				.contentType(MediaType.APPLICATION_JSON)
				.content(JSON.writeValueAsString(request)))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.field").value(field));
	}

	/**
	 * An automation whose runs wait for the message "order-paid" with their orderId as
	 * the correlation key, then end.
	 */
	static String awaitingPayment() {
		return Bpmn.convertToString(Bpmn.createExecutableProcess("p")
			.startEvent()
			.intermediateCatchEvent("wait-for-payment")
			.message((message) -> message.name("order-paid").zeebeCorrelationKeyExpression("orderId"))
			.endEvent("paid")
			.done());
	}

	static Map<String, Object> correlating(String name, String automation) {
		Map<String, Object> request = listenerRequest(name, WebhookProvider.HMAC_SHA256, automation, SECRET);
		request.put("mode", "CORRELATE");
		request.put("messageName", "order-paid");
		request.put("correlationKeyPointer", POINTER);
		return request;
	}

	/** A Stripe-like event carrying an order id in its metadata. */
	static String paid(String orderId) {
		return "{\"type\":\"checkout.session.completed\",\"data\":{\"object\":{\"amount_total\":1999,"
				+ "\"metadata\":{\"orderId\":\"" + orderId + "\"}}}}";
	}

	private String startRun(String tenant, String automation, String orderId) throws Exception {
		return JSON.readTree(this.mvc
			.perform(post("/api/v1/automations/{key}/runs", automation).with(TestTokens.user(tenant, "editor"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"orderId\":\"" + orderId + "\"}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString()).get("id").asText();
	}

	private JsonNode awaitDelivery(String tenant, String listener, String status) {
		return await().atMost(Duration.ofSeconds(20)).until(() -> {
			JsonNode log = JSON.readTree(this.mvc
				.perform(get("/api/webhooks/{id}/deliveries", listener).param("status", status).with(admin(tenant)))
				.andReturn()
				.getResponse()
				.getContentAsString());
			return (log.get("total").asInt() > 0) ? log.at("/items/0") : null;
		}, (found) -> found != null);
	}

	/** How many of these runs of the tenant completed. */
	private long completed(String tenant, String... runs) {
		return java.util.Arrays.stream(runs)
			.filter((run) -> this.history.run(new TenantId(tenant), run)
				.filter((found) -> found.summary().state() == RunHistory.State.COMPLETED)
				.isPresent())
			.count();
	}

	/** A variable of a tenant's run, as the run holds it now. */
	private Object variable(String tenant, String run, String name) {
		return this.history.run(new TenantId(tenant), run).orElseThrow().variables().get(name);
	}

}
