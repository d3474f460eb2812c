package io.brain.api.webhook;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.brain.api.DatabaseScan;
import io.brain.core.database.EmbeddedDatabase;
import io.brain.core.tenant.TenantContext;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Listeners as Integrations → Webhooks shows them, and what their deliveries become.
 */
class WebhookListenerTests extends WebhookTestContext {

	static final String SECRET = "shpss_0123456789abcdefghijklmnop";

	@Test
	void listenerWhenCreatedThenShowsUrlAndSecretOnceAndSaysWhenItsAutomationIsNotDeployed() throws Exception {
		automation("hooks-a", "order-created", false);
		var request = listenerRequest("Shopify orders", WebhookProvider.SHOPIFY, "order-created", null);
		request.put("eventTypes", List.of("orders/create"));
		JsonNode created = listener("hooks-a", request);
		String id = created.at("/listener/id").asText();
		String secret = created.at("/secret").asText();
		assertThat(created.at("/listener/url").asText())
			.matches("https://brain\\.example\\.com/hooks/[A-Za-z0-9_-]{32}");
		assertThat(secret).hasSizeGreaterThanOrEqualTo(40);
		assertThat(created.at("/listener/live").asBoolean()).isFalse();
		assertThat(created.at("/listener/problem").asText())
			.startsWith("Automation 'Flow order-created' is not deployed");

		String listed = this.mvc.perform(get("/api/webhooks").with(admin("hooks-a")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].name").value("Shopify orders"))
			.andExpect(jsonPath("$[0].provider").value("SHOPIFY"))
			.andExpect(jsonPath("$[0].eventTypes[0]").value("orders/create"))
			.andExpect(jsonPath("$[0].live").value(false))
			.andExpect(jsonPath("$[0].deliveries").value(0))
			.andExpect(jsonPath("$[0].lastDeliveryAt").doesNotExist())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(listed).doesNotContain(secret);
		String row = TenantContext.call("hooks-a",
				() -> this.jdbc.sql("select cast(l as text) from webhook_listener l").query(String.class).single());
		assertThat(row).doesNotContain(secret);

		// A delivery to a listener whose automation is not deployed is kept, and says why
		// it started nothing.
		this.mvc
			.perform(signed(path(created), WebhookProvider.SHOPIFY, secret,
					body(WebhookProvider.SHOPIFY, "1", "orders/create"), "shop-1", "orders/create"))
			.andExpect(status().isAccepted());
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> this.mvc.perform(get("/api/webhooks/{id}/deliveries", id).with(admin("hooks-a")))
				.andExpect(jsonPath("$.items[0].status").value("FAILED"))
				.andExpect(
						jsonPath("$.items[0].error", startsWith("Automation 'Flow order-created' is not deployed"))));

		this.mvc.perform(post("/api/automations/order-created/versions/1/deployment").with(admin("hooks-a")))
			.andExpect(status().isOk());
		this.mvc.perform(get("/api/webhooks/{id}", id).with(admin("hooks-a")))
			.andExpect(jsonPath("$.live").value(true))
			.andExpect(jsonPath("$.problem").doesNotExist())
			.andExpect(jsonPath("$.deliveries").value(1))
			.andExpect(jsonPath("$.lastDeliveryAt").isNotEmpty())
			.andExpect(content().string(not(containsString(secret))));
		this.mvc.perform(get("/api/webhooks/{id}", id).with(admin("hooks-other"))).andExpect(status().isNotFound());
	}

	@Test
	void deliveryWhenDispatchedThenLogShowsMaskedPayloadAndRunAndReplayStartsAnotherRun() throws Exception {
		automation("hooks-b", "on-payment", true);
		var request = listenerRequest("Stripe payments", WebhookProvider.STRIPE, "on-payment",
				"whsec_b_0123456789abcdefghij");
		request.put("eventTypes", List.of("checkout.session.*"));
		JsonNode created = listener("hooks-b", request);
		String id = created.at("/listener/id").asText();
		String path = path(created);

		this.mvc
			.perform(signed(path, WebhookProvider.STRIPE, "whsec_b_0123456789abcdefghij",
					body(WebhookProvider.STRIPE, "evt_1", "checkout.session.completed"), "evt_1", null))
			.andExpect(status().isAccepted());
		this.mvc
			.perform(signed(path, WebhookProvider.STRIPE, "whsec_b_0123456789abcdefghij",
					body(WebhookProvider.STRIPE, "evt_2", "customer.created"), "evt_2", null))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("IGNORED"));

		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> this.mvc
				.perform(get("/api/webhooks/{id}/deliveries", id).param("status", "DISPATCHED").with(admin("hooks-b")))
				.andExpect(jsonPath("$.total").value(1))
				.andExpect(jsonPath("$.items[0].runId").isNotEmpty()));
		String log = this.mvc.perform(get("/api/webhooks/{id}/deliveries", id).with(admin("hooks-b")))
			.andExpect(jsonPath("$.total").value(2))
			.andExpect(jsonPath("$.items[?(@.eventType == 'customer.created')].status").value("IGNORED"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(log).contains("ada@example.com").contains("****").doesNotContain("4242424242424242");
		JsonNode dispatched = JSON
			.readTree(this.mvc
				.perform(get("/api/webhooks/{id}/deliveries", id).param("status", "DISPATCHED").with(admin("hooks-b")))
				.andReturn()
				.getResponse()
				.getContentAsString())
			.at("/items/0");
		String runId = dispatched.get("runId").asText();
		this.mvc.perform(get("/api/runs/{id}", runId).with(admin("hooks-b")))
			.andExpect(jsonPath("$.automation").value("on-payment"))
			.andExpect(jsonPath("$.start.by").value("webhook:Stripe payments"))
			.andExpect(jsonPath("$.input.webhook.event").value("checkout.session.completed"))
			.andExpect(jsonPath("$.input.webhook.payload.data.object.customer_email").value("ada@example.com"))
			.andExpect(jsonPath("$.input.webhook.headers['stripe-signature']").doesNotExist());

		String replay = this.mvc
			.perform(post("/api/webhooks/{id}/deliveries/{delivery}/replay", id, dispatched.get("id").asText())
				.with(admin("hooks-b")))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.status").value("RECEIVED"))
			.andExpect(jsonPath("$.replayOf").value(dispatched.get("id").asText()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String copy = JSON.readTree(replay).get("id").asText();
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(runs("hooks-b", "on-payment")).isEqualTo(2));
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> this.mvc
				.perform(get("/api/webhooks/{id}/deliveries", id).param("status", "DISPATCHED").with(admin("hooks-b")))
				.andExpect(jsonPath("$.total").value(2))
				.andExpect(jsonPath("$.items[?(@.id == '" + copy + "')].runId").isNotEmpty()));
		this.mvc
			.perform(post("/api/webhooks/{id}/deliveries/{delivery}/replay", id, UUID.randomUUID())
				.with(admin("hooks-b")))
			.andExpect(status().isNotFound());
	}

	@Test
	void webhookWhenOversizedOrAddressUnknownThenProblemAndNothingChanges() throws Exception {
		automation("hooks-c", "on-any", true);
		JsonNode created = listener("hooks-c", listenerRequest("Any", WebhookProvider.GITHUB, "on-any", SECRET));
		String id = created.at("/listener/id").asText();
		String huge = "{\"type\":\"push\",\"filler\":\"" + "x".repeat(70 * 1024) + "\"}";
		long audited = audited();

		this.mvc.perform(signed(path(created), WebhookProvider.GITHUB, SECRET, huge, "gh-1", "push"))
			.andExpect(status().isPayloadTooLarge())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("The webhook body is larger than 65536 bytes."));
		this.mvc
			.perform(signed("/hooks/NoSuchListenerAddress0123456789", WebhookProvider.GITHUB, SECRET, "{}", "gh-2",
					"push"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(signed("/hooks/x", WebhookProvider.GITHUB, SECRET, "{}", "gh-3", "push"))
			.andExpect(status().isNotFound());

		assertThat(deliveries("hooks-c", id)).isZero();
		assertThat(runs("hooks-c", "on-any")).isZero();
		// Refusals are audited like every other mutation, and that is all they leave.
		assertThat(audited()).isEqualTo(audited + 3);
	}

	@Test
	void webhookWhenReceivedRepeatedOrRefusedThenAuditedOnceEachInTheListenersTenantWithoutThePayload()
			throws Exception {
		automation("hooks-g", "on-push", false);
		JsonNode created = listener("hooks-g", listenerRequest("Audited", WebhookProvider.GITHUB, "on-push", SECRET));
		String id = created.at("/listener/id").asText();
		String body = "{\"ref\":\"refs/heads/main\",\"customer\":\"jane@example.com\"}";

		this.mvc.perform(signed(path(created), WebhookProvider.GITHUB, SECRET, body, "gh-audit-1", "push"))
			.andExpect(status().isAccepted());
		this.mvc.perform(signed(path(created), WebhookProvider.GITHUB, SECRET, body, "gh-audit-1", "push"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("DUPLICATE"));
		this.mvc
			.perform(signed(path(created), WebhookProvider.GITHUB, "wrong-secret-0123456789", body, "gh-audit-2",
					"push"))
			.andExpect(status().isUnauthorized());

		List<String> rows = TenantContext.call("hooks-g", () -> this.jdbc.sql("""
				select actor_id || ' ' || actor_kind || ' ' || outcome || ' ' || cast(metadata - 'request' as text)
				from audit_log where metadata ->> 'request' = 'POST /hooks/{publicId}' order by id
				""").query(String.class).list());
		assertThat(rows).containsExactly("webhook:" + id + " SYSTEM SUCCESS {\"status\": 202}",
				"webhook:" + id + " SYSTEM SUCCESS {\"status\": 200}",
				"webhook:" + id + " SYSTEM DENIED {\"status\": 401}");
	}

	@Test
	void listenerWhenSecretRotatedChangedOrDeletedThenTheNextWebhookSeesItAtOnce() throws Exception {
		automation("hooks-d", "on-push", true);
		JsonNode created = listener("hooks-d", listenerRequest("GitHub", WebhookProvider.GITHUB, "on-push", SECRET));
		String id = created.at("/listener/id").asText();
		String path = path(created);
		// Taken once, so the ingress holds the listener and its secret.
		this.mvc.perform(signed(path, WebhookProvider.GITHUB, SECRET, "{\"zen\":\"0\"}", "gh-0", "ping"))
			.andExpect(status().isAccepted());

		String rotated = JSON
			.readTree(this.mvc.perform(post("/api/webhooks/{id}/secret", id).with(admin("hooks-d")))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString())
			.get("secret")
			.asText();
		assertThat(rotated).isNotEqualTo(SECRET).hasSizeGreaterThanOrEqualTo(40);
		this.mvc.perform(signed(path, WebhookProvider.GITHUB, SECRET, "{\"zen\":\"a\"}", "gh-1", "ping"))
			.andExpect(status().isUnauthorized());
		this.mvc.perform(signed(path, WebhookProvider.GITHUB, rotated, "{\"zen\":\"a\"}", "gh-1", "ping"))
			.andExpect(status().isAccepted());
		this.mvc
			.perform(post("/api/webhooks/{id}/secret", id).with(admin("hooks-d"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"secret\":\"short\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("secret"));

		var update = listenerRequest("GitHub pushes", WebhookProvider.GITHUB, "on-push", null);
		update.put("eventTypes", List.of("push"));
		this.mvc
			.perform(put("/api/webhooks/{id}", id).with(admin("hooks-d"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(JSON.writeValueAsString(update)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("GitHub pushes"))
			.andExpect(jsonPath("$.url").value(created.at("/listener/url").asText()));
		// The next webhook sees the new event filter.
		this.mvc.perform(signed(path, WebhookProvider.GITHUB, rotated, "{\"zen\":\"c\"}", "gh-3", "ping"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("IGNORED"));
		update.put("provider", "STRIPE");
		this.mvc
			.perform(put("/api/webhooks/{id}", id).with(admin("hooks-d"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(JSON.writeValueAsString(update)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("provider"));

		this.mvc.perform(delete("/api/webhooks/{id}", id).with(admin("hooks-d"))).andExpect(status().isNoContent());
		this.mvc.perform(signed(path, WebhookProvider.GITHUB, rotated, "{\"zen\":\"b\"}", "gh-2", "push"))
			.andExpect(status().isNotFound());
		assertThat(TenantContext.call("hooks-d",
				() -> this.jdbc.sql("select count(*) from secret where name like 'webhooks/%'")
					.query(Long.class)
					.single()))
			.isZero();
	}

	@Test
	void listenerWhenInputIsBadThenFieldIsNamedAndNothingIsCreated() throws Exception {
		automation("hooks-e", "flow", true);
		var unknownAutomation = listenerRequest("A", WebhookProvider.GITHUB, "no-such-flow", null);
		this.mvc
			.perform(post("/api/webhooks").with(admin("hooks-e"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(JSON.writeValueAsString(unknownAutomation)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("automationKey"));
		var optionOfOther = listenerRequest("B", WebhookProvider.STRIPE, "flow", null);
		optionOfOther.put("signatureHeader", "X-Sig");
		this.mvc
			.perform(post("/api/webhooks").with(admin("hooks-e"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(JSON.writeValueAsString(optionOfOther)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("signatureHeader"));
		var filterWithoutPointer = listenerRequest("C", WebhookProvider.BEARER, "flow", null);
		filterWithoutPointer.remove("eventTypePointer");
		filterWithoutPointer.put("eventTypes", List.of("created"));
		this.mvc
			.perform(post("/api/webhooks").with(admin("hooks-e"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(JSON.writeValueAsString(filterWithoutPointer)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("eventTypes"));
		listener("hooks-e", listenerRequest("D", WebhookProvider.GITHUB, "flow", null));
		this.mvc
			.perform(post("/api/webhooks").with(admin("hooks-e"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(JSON.writeValueAsString(listenerRequest("D", WebhookProvider.GITHUB, "flow", null))))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.field").value("name"));
		this.mvc.perform(get("/api/webhooks").with(admin("hooks-e"))).andExpect(jsonPath("$.length()").value(1));
	}

	@Test
	void secretWhenSentAsBearerTokenThenStoredNowhereInPlaintextAndRowsStayInTheirTenant() throws Exception {
		automation("hooks-f", "flow", true);
		String token = "bearer-token-0123456789-abcdefghij";
		JsonNode created = listener("hooks-f", listenerRequest("Bearer", WebhookProvider.BEARER, "flow", token));
		this.mvc
			.perform(signed(path(created), WebhookProvider.BEARER, token, "{\"type\":\"created\",\"id\":7}", "b-1",
					null))
			.andExpect(status().isAccepted());
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(runs("hooks-f", "flow")).isEqualTo(1));

		assertThat(DatabaseScan.columnsContaining(EmbeddedDatabase.forTests().ensureDatabase("webhook_tests"), token))
			.isEmpty();
		for (String table : List.of("webhook_listener", "webhook_delivery")) {
			assertThat(this.jdbc.sql("select count(*) from " + table).query(Long.class).single()).as(table).isZero();
			assertThat(TenantContext.call("hooks-other",
					() -> this.jdbc.sql("select count(*) from " + table).query(Long.class).single()))
				.as(table)
				.isZero();
			assertThat(TenantContext.call("hooks-f",
					() -> this.jdbc.sql("select count(*) from " + table).query(Long.class).single()))
				.as(table)
				.isEqualTo(1);
		}
	}

	private long audited() {
		return TenantContext.call(TenantContext.PLATFORM,
				() -> this.jdbc
					.sql("select count(*) from audit_log where metadata ->> 'request' = 'POST /hooks/{publicId}'")
					.query(Long.class)
					.single());
	}

}
