package io.brain.workers.connector.stripe;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.brain.core.tenant.TenantContext;
import io.brain.core.tenant.TenantId;
import io.brain.core.testing.RecordingHttpServer;
import io.brain.core.testing.RecordingHttpServer.Recorded;
import io.brain.workers.ZeebeProcesses;
import io.brain.workers.connector.ConnectorTestContext;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Stripe actions and syncs run on Zeebe against a local server that checks each
 * request as Stripe's API documents it (bearer secret key, {@code Stripe-Version} pinned,
 * form-encoded bodies with {@code metadata[key]=value}, an {@code Idempotency-Key} on
 * creates that a retried job repeats, {@code limit} and {@code starting_after} paging
 * while {@code has_more}) and answers with its documented shapes, errors as
 * {@code {"error": {"type", "code", "message", "param"}}}.
 */
class StripeApiContractTests extends ConnectorTestContext {

	static final String KEY = "sk_test_51NcXyzAbCdEfGhIjKlMnOpQrStUvWxYz0123456789";

	static final String VERSION = "2026-09-30.endive";

	static final String FORM = "application/x-www-form-urlencoded";

	static final Map<String, String> JSON_TYPE = Map.of("Content-Type", "application/json", "Request-Id",
			"req_5Tq1ExAmPlE");

	static final ObjectMapper JSON = new ObjectMapper();

	static final RecordingHttpServer stripe = RecordingHttpServer.start();

	@DynamicPropertySource
	static void endpoints(DynamicPropertyRegistry properties) {
		properties.add("brain.connectors.endpoints.stripe", () -> stripe.url(""));
	}

	@Test
	void createCustomerWhenInputValidThenPostsTheFormAsDocumentedAndReturnsTheCustomer() {
		connection("acme", "billing");
		stripe.answer(200, JSON_TYPE, customerJson("cus_NffrFeUfNV2Hib", "ada@example.com", "Ada Lovelace",
				"Newsletter signup", "{\"plan\": \"pro\"}"));
		deploy("stripe-create-customer", "create-customer",
				Map.of("connection", "\"billing\"", "email", "\"ada@example.com\"", "name", "\"Ada Lovelace\"",
						"description", "\"Newsletter signup\"", "metadata", "{\"plan\": \"pro\"}"));

		Map<String, Object> result = ZeebeProcesses.run(this.client, "stripe-create-customer", Map.of());

		Recorded request = stripe.take(Duration.ofSeconds(5));
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.uri().toString()).isEqualTo("/v1/customers");
		assertThat(request.header("Authorization")).isEqualTo("Bearer " + KEY);
		assertThat(request.header("Stripe-Version")).isEqualTo(VERSION);
		assertThat(request.header("Content-Type")).isEqualTo(FORM);
		assertThat(request.header("Idempotency-Key"))
			.matches("[0-9a-f]{8}-[0-9a-f]{4}-3[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
		assertThat(request.body()).isEqualTo(
				"email=ada%40example.com&name=Ada%20Lovelace&description=Newsletter%20signup&metadata%5Bplan%5D=pro");
		assertThat(form(request.body())).containsExactly("email=ada@example.com", "name=Ada Lovelace",
				"description=Newsletter signup", "metadata[plan]=pro");
		assertThat(result).containsEntry("result",
				Map.of("id", "cus_NffrFeUfNV2Hib", "email", "ada@example.com", "name", "Ada Lovelace", "livemode",
						false, "url", "https://dashboard.stripe.com/test/customers/cus_NffrFeUfNV2Hib"));
	}

	@Test
	void createCustomerWhenJobIsRetriedThenEveryTrySendsTheSameIdempotencyKey() {
		connection("acme", "retried");
		stripe
			.answer(409, JSON_TYPE,
					"""
							{"error": {"code": "idempotency_key_in_use", "doc_url": "https://stripe.com/docs/error-codes/idempotency-key-in-use",
							  "message": "There is currently another in-progress request using this Idempotent Key (that probably means you submitted twice, and the other request is still going through): 7f3c. Please try again later.",
							  "type": "idempotency_error"}}
							""")
			.answer(200, JSON_TYPE, customerJson("cus_Nffs", "grace@example.com", null, null,
					"{\"plan\": \"pro\", \"source\": \"brain\"}"));
		BpmnModelInstance twice = Bpmn.createExecutableProcess("stripe-create-twice")
			.startEvent()
			.serviceTask("step",
					(task) -> task.zeebeJobType(StripeConnector.TYPE)
						.zeebeJobRetries("2")
						.zeebeTaskHeader("operation", "create-customer")
						.zeebeTaskHeader("resultVariable", "result")
						.zeebeInputExpression("\"retried\"", "connection")
						.zeebeInputExpression("\"grace@example.com\"", "email")
						.zeebeInputExpression("{\"plan\": \"pro\", \"source\": \"brain\"}", "metadata"))
			.endEvent()
			.done();
		ZeebeProcesses.deployFor(new TenantId("acme"), twice, this.client, this.registry);

		Map<String, Object> result = ZeebeProcesses.run(this.client, "stripe-create-twice", Map.of());

		Recorded first = stripe.take(Duration.ofSeconds(5));
		Recorded second = stripe.take(Duration.ofSeconds(5));
		assertThat(form(first.body())).containsExactlyInAnyOrder("email=grace@example.com", "metadata[plan]=pro",
				"metadata[source]=brain");
		assertThat(second.body()).isEqualTo(first.body());
		assertThat(second.header("Idempotency-Key")).isNotBlank().isEqualTo(first.header("Idempotency-Key"));
		assertThat(result.get("result")).asInstanceOf(InstanceOfAssertFactories.MAP)
			.containsEntry("id", "cus_Nffs")
			.containsEntry("email", "grace@example.com");

		stripe.answer(200, JSON_TYPE, customerJson("cus_Nfft", "grace@example.com", null, null, "{}"));
		ZeebeProcesses.run(this.client, "stripe-create-twice", Map.of());
		assertThat(stripe.take(Duration.ofSeconds(5)).header("Idempotency-Key"))
			.as("another run of the step is another customer")
			.isNotEqualTo(first.header("Idempotency-Key"));
	}

	@Test
	void refundPaymentWhenAmountGivenThenPostsTheRefundAndReturnsIt() {
		connection("acme", "refunds");
		stripe.answer(200, JSON_TYPE,
				"""
						{"id": "re_1Nispe2eZvKYlo2Cd31jOCgZ", "object": "refund", "amount": 500,
						 "balance_transaction": "txn_1Nispe2eZvKYlo2CYezqFhEx", "charge": "ch_1NirD82eZvKYlo2CIvbtLWuY",
						 "created": 1692942318, "currency": "eur", "destination_details": {"card": {"reference_status": "pending",
						 "reference_type": "acquirer_reference_number", "type": "refund"}, "type": "card"}, "metadata": {},
						 "payment_intent": "pi_3MtwBwLkdIwHu7ix28a3tqPa", "reason": "requested_by_customer", "receipt_number": null,
						 "source_transfer_reversal": null, "status": "succeeded", "transfer_reversal": null}
						""");
		deploy("stripe-refund", "refund-payment", Map.of("connection", "\"refunds\"", "paymentIntent",
				"\"pi_3MtwBwLkdIwHu7ix28a3tqPa\"", "amount", "500", "reason", "\"requested_by_customer\""));

		Map<String, Object> result = ZeebeProcesses.run(this.client, "stripe-refund", Map.of());

		Recorded request = stripe.take(Duration.ofSeconds(5));
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.uri().toString()).isEqualTo("/v1/refunds");
		assertThat(request.header("Authorization")).isEqualTo("Bearer " + KEY);
		assertThat(request.header("Stripe-Version")).isEqualTo(VERSION);
		assertThat(request.header("Content-Type")).isEqualTo(FORM);
		assertThat(request.header("Idempotency-Key")).hasSize(36);
		assertThat(request.body())
			.isEqualTo("payment_intent=pi_3MtwBwLkdIwHu7ix28a3tqPa&amount=500&reason=requested_by_customer");
		assertThat(result).containsEntry("result", Map.of("id", "re_1Nispe2eZvKYlo2Cd31jOCgZ", "status", "succeeded",
				"amount", 500, "currency", "eur", "paymentIntent", "pi_3MtwBwLkdIwHu7ix28a3tqPa"));
	}

	@Test
	void refundPaymentWhenPaymentMissingOrRefusedThenIncidentSaysWhatStripeSaid() {
		connection("acme", "missing");
		stripe.answer(404, JSON_TYPE,
				"""
						{"error": {"code": "resource_missing", "doc_url": "https://stripe.com/docs/error-codes/resource-missing",
						  "message": "No such payment_intent: 'pi_missing'", "param": "payment_intent", "type": "invalid_request_error"}}
						""");
		deploy("stripe-refund-404", "refund-payment",
				Map.of("connection", "\"missing\"", "paymentIntent", "\"pi_missing\""));
		ZeebeProcesses.awaitIncident(this.engine, ZeebeProcesses.start(this.client, "stripe-refund-404"),
				"Stripe has no payment intent pi_missing (404)");

		stripe.answer(400, JSON_TYPE,
				"""
						{"error": {"code": "resource_missing", "doc_url": "https://stripe.com/docs/error-codes/resource-missing",
						  "message": "No such payment_intent: 'pi_gone'", "param": "payment_intent", "type": "invalid_request_error"}}
						""");
		deploy("stripe-refund-400-missing", "refund-payment",
				Map.of("connection", "\"missing\"", "paymentIntent", "\"pi_gone\""));
		ZeebeProcesses.awaitIncident(this.engine, ZeebeProcesses.start(this.client, "stripe-refund-400-missing"),
				"Stripe has no payment intent pi_gone (resource_missing)");

		stripe.answer(400, JSON_TYPE,
				"""
						{"error": {"code": "charge_already_refunded", "doc_url": "https://stripe.com/docs/error-codes/charge-already-refunded",
						  "message": "Charge ch_1NirD82eZvKYlo2CIvbtLWuY has already been refunded.", "type": "invalid_request_error"}}
						""");
		deploy("stripe-refund-twice", "refund-payment",
				Map.of("connection", "\"missing\"", "paymentIntent", "\"pi_3MtwBwLkdIwHu7ix28a3tqPa\""));
		ZeebeProcesses.awaitIncident(this.engine, ZeebeProcesses.start(this.client, "stripe-refund-twice"),
				"Stripe answered 400: Charge ch_1NirD82eZvKYlo2CIvbtLWuY has already been refunded. (charge_already_refunded)");
	}

	@Test
	void stepWhenStripeStaysDownThenIncidentAfterRetries() {
		connection("acme", "down");
		stripe.answer(503, Map.of(), "").answer(503, Map.of(), "").answer(503, Map.of(), "");
		deploy("stripe-down", "refund-payment",
				Map.of("connection", "\"down\"", "paymentIntent", "\"pi_3MtwBwLkdIwHu7ix28a3tqPa\""));

		ZeebeProcesses.awaitIncident(this.engine, ZeebeProcesses.start(this.client, "stripe-down"),
				"Stripe answered 503 (still after retries)");
		assertThat(stripe.received()).isEqualTo(3);
		List<String> keys = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			keys.add(stripe.take(Duration.ofSeconds(1)).header("Idempotency-Key"));
		}
		assertThat(keys).as("the outbound stack's retries resend the same key").containsOnly(keys.get(0));
	}

	@Test
	void stepWhenKeyRejectedThenIncidentInPlainWordsAndConnectionNeedsAttention() {
		UUID connection = connection("acme", "revoked");
		stripe.answer(401, JSON_TYPE,
				"""
						{"error": {"message": "Invalid API Key provided: sk_test_********************6789", "type": "invalid_request_error"}}
						""");
		deploy("stripe-revoked", "create-customer",
				Map.of("connection", "\"revoked\"", "email", "\"ada@example.com\""));

		ZeebeProcesses.awaitIncident(this.engine, ZeebeProcesses.start(this.client, "stripe-revoked"),
				"Stripe rejected the secret key (401)");
		assertThat(ZeebeProcesses.connectionStatus(this.jdbc, "acme", connection)).isEqualTo("NEEDS_ATTENTION");
	}

	@Test
	void stepWhenInputIsMissingOrNotStripesThenIncidentAndNoCall() {
		connection("acme", "strict");
		deploy("stripe-no-intent", "refund-payment", Map.of("connection", "\"strict\"", "amount", "100"));
		deploy("stripe-bad-amount", "refund-payment",
				Map.of("connection", "\"strict\"", "paymentIntent", "\"pi_3MtwBw\"", "amount", "-5"));
		deploy("stripe-nobody", "create-customer", Map.of("connection", "\"strict\"", "description", "\"?\""));
		deploy("stripe-bad-metadata", "create-customer",
				Map.of("connection", "\"strict\"", "email", "\"ada@example.com\"", "metadata", "{\"a[b]\": \"c\"}"));

		ZeebeProcesses.awaitIncident(this.engine, ZeebeProcesses.start(this.client, "stripe-no-intent"),
				"paymentIntent");
		ZeebeProcesses.awaitIncident(this.engine, ZeebeProcesses.start(this.client, "stripe-bad-amount"), "amount");
		ZeebeProcesses.awaitIncident(this.engine, ZeebeProcesses.start(this.client, "stripe-nobody"),
				"Give the customer an email, a name, or both");
		ZeebeProcesses.awaitIncident(this.engine, ZeebeProcesses.start(this.client, "stripe-bad-metadata"),
				"Metadata key 'a[b]' is not allowed: Stripe takes keys of 1 to 40 characters without square brackets");
		assertThat(stripe.received()).isZero();
	}

	@Test
	void stepWhenConnectionBelongsToAnotherTenantThenIncidentAndNoCall() {
		connection("acme", "acme-only");
		ZeebeProcesses.deployFor(new TenantId("globex"),
				ZeebeProcesses.step("stripe-foreign", StripeConnector.TYPE, "create-customer",
						Map.of("connection", "\"acme-only\"", "email", "\"ada@example.com\"")),
				this.client, this.registry);

		ZeebeProcesses.awaitIncident(this.engine, ZeebeProcesses.start(this.client, "stripe-foreign"),
				"No stripe connection named 'acme-only'");
		assertThat(stripe.received()).isZero();
	}

	@Test
	void testConnectionWhenKeyAcceptedOrRejectedThenSaysSoInPlainWords() {
		UUID connection = connection("acme", "checked");
		stripe.answer(200, JSON_TYPE, """
				{"id": "acct_1Nv0FGQ9RKHgCVdK", "object": "account", "business_profile": {"name": "Acme Coffee"},
				 "charges_enabled": true, "country": "DE", "default_currency": "eur", "email": "billing@acme.example",
				 "settings": {"dashboard": {"display_name": "Acme", "timezone": "Europe/Berlin"}}, "type": "standard"}
				""")
			.answer(401, JSON_TYPE,
					"""
							{"error": {"message": "Invalid API Key provided: sk_test_********************6789", "type": "invalid_request_error"}}
							""");
		ZeebeProcesses.deployFor(new TenantId("acme"), testConnection(), this.client, this.registry);

		Map<String, Object> accepted = ZeebeProcesses.run(this.client, "stripe-test-connection",
				Map.of("connectionId", connection.toString()));
		Recorded request = stripe.take(Duration.ofSeconds(5));
		assertThat(request.method()).isEqualTo("GET");
		assertThat(request.uri().toString()).isEqualTo("/v1/account");
		assertThat(request.header("Authorization")).isEqualTo("Bearer " + KEY);
		assertThat(request.header("Stripe-Version")).isEqualTo(VERSION);
		assertThat(accepted).containsEntry("check",
				Map.of("ok", true, "checked", true, "message", "Connected to Acme (acct_1Nv0FGQ9RKHgCVdK, test mode)"));

		Map<String, Object> rejected = ZeebeProcesses.run(this.client, "stripe-test-connection",
				Map.of("connectionId", connection.toString()));
		assertThat(rejected).containsEntry("check",
				Map.of("ok", false, "checked", true, "message", "Stripe rejected the secret key (401)"));
	}

	@Test
	void syncCustomersWhenStripePagesAndThrottlesThenStoresAllAndEachSyncReadsEverything() throws Exception {
		UUID connection = connection("acme", "synced");
		stripe.answer(200, JSON_TYPE, customers("/v1/customers", true, 1, 2))
			.answer(429, Map.of("Retry-After", "1", "Content-Type", "application/json"),
					"""
							{"error": {"code": "rate_limit", "message": "Too many requests hit the API too quickly.", "type": "invalid_request_error"}}
							""")
			.answer(200, JSON_TYPE, customers("/v1/customers", true, 3, 4))
			.answer(200, JSON_TYPE, customers("/v1/customers", false, 5, 5));
		ZeebeProcesses.deployFor(new TenantId("acme"), sync("customers"), this.client, this.registry);

		Map<String, Object> first = ZeebeProcesses.run(this.client, "stripe-sync-customers",
				Map.of("connectionId", connection.toString()));

		assertThat(first).containsEntry("sync",
				Map.of("resource", "customers", "fetched", 5, "created", 5, "updated", 0, "removed", 0));
		Recorded page1 = stripe.take(Duration.ofSeconds(5));
		assertThat(page1.method()).isEqualTo("GET");
		assertThat(page1.uri().toString()).isEqualTo("/v1/customers?limit=100");
		assertThat(page1.header("Authorization")).isEqualTo("Bearer " + KEY);
		assertThat(page1.header("Stripe-Version")).isEqualTo(VERSION);
		assertThat(page1.header("Idempotency-Key")).as("reads need none").isNull();
		assertThat(stripe.take(Duration.ofSeconds(5)).uri().toString())
			.isEqualTo("/v1/customers?limit=100&starting_after=cus_Q2");
		assertThat(stripe.take(Duration.ofSeconds(5)).uri().toString()).as("the same page again after the 429")
			.isEqualTo("/v1/customers?limit=100&starting_after=cus_Q2");
		assertThat(stripe.take(Duration.ofSeconds(5)).uri().toString())
			.isEqualTo("/v1/customers?limit=100&starting_after=cus_Q4");
		List<Map<String, Object>> rows = TenantContext.call("acme", () -> this.jdbc.sql("""
				select external_id, title, url, status, cast(data as text) as data from synced_record
				where connection_id = :c and resource = 'customers' order by external_id
				""").param("c", connection).query().listOfRows());
		assertThat(rows).extracting((row) -> row.get("title"))
			.containsExactly("Customer 1", "Customer 2", "Customer 3", "Customer 4", "Customer 5");
		assertThat(rows.get(0)).containsEntry("external_id", "cus_Q1")
			.containsEntry("url", "https://dashboard.stripe.com/test/customers/cus_Q1")
			.containsEntry("status", "active");
		assertThat(JSON.readTree(rows.get(0).get("data").toString())).isEqualTo(JSON.readTree("""
				{"email": "customer1@example.com", "name": "Customer 1", "description": null, "phone": null,
				 "currency": "eur", "balance": 0, "createdAt": "2026-11-01T00:00:01Z", "metadata": {"plan": "pro"}}
				"""));

		stripe.answer(200, JSON_TYPE, customers("/v1/customers", false, 1, 2));
		Map<String, Object> second = ZeebeProcesses.run(this.client, "stripe-sync-customers",
				Map.of("connectionId", connection.toString()));
		assertThat(stripe.take(Duration.ofSeconds(5)).uri().toString()).isEqualTo("/v1/customers?limit=100");
		assertThat(second).as("Stripe cannot list changes only, so every sync is a full read")
			.containsEntry("sync",
					Map.of("resource", "customers", "fetched", 2, "created", 0, "updated", 2, "removed", 3));
		assertThat(TenantContext.call("globex",
				() -> this.jdbc.sql("select count(*) from synced_record").query(Long.class).single()))
			.isZero();
	}

	@Test
	void syncPaymentIntentsAndInvoicesWhenFetchedThenRecordsCarryAmountsAndStatus() throws Exception {
		UUID connection = connection("acme", "payments");
		stripe
			.answer(200, JSON_TYPE,
					"""
							{"object": "list", "url": "/v1/payment_intents", "has_more": false, "data": [
							  {"id": "pi_3MtwBwLkdIwHu7ix28a3tqPa", "object": "payment_intent", "amount": 2000, "amount_received": 2000,
							   "currency": "eur", "customer": "cus_Q1", "description": "Order #1001", "created": 1795168800,
							   "latest_charge": "ch_3MtwBwLkdIwHu7ix2", "livemode": true, "metadata": {}, "receipt_email": "ada@example.com",
							   "status": "succeeded"}]}
							""")
			.answer(200, JSON_TYPE,
					"""
							{"object": "list", "url": "/v1/invoices", "has_more": false, "data": [
							  {"id": "in_1MtHbELkdIwHu7ixl4OzzPMv", "object": "invoice", "number": "ACME-0042", "customer": "cus_Q1",
							   "customer_email": "ada@example.com", "currency": "eur", "total": 4900, "amount_due": 4900, "amount_paid": 4900,
							   "status": "paid", "created": 1795168800, "due_date": null, "livemode": false,
							   "hosted_invoice_url": "https://invoice.stripe.com/i/acct_1Nv0FGQ9RKHgCVdK/test_YWNjdF8x",
							   "status_transitions": {"finalized_at": 1795168860, "paid_at": 1795172400, "marked_uncollectible_at": null,
							   "voided_at": null}}]}
							""");
		ZeebeProcesses.deployFor(new TenantId("acme"), sync("payment-intents"), this.client, this.registry);
		ZeebeProcesses.deployFor(new TenantId("acme"), sync("invoices"), this.client, this.registry);

		ZeebeProcesses.run(this.client, "stripe-sync-payment-intents", Map.of("connectionId", connection.toString()));
		ZeebeProcesses.run(this.client, "stripe-sync-invoices", Map.of("connectionId", connection.toString()));

		assertThat(stripe.take(Duration.ofSeconds(5)).uri().toString()).isEqualTo("/v1/payment_intents?limit=100");
		assertThat(stripe.take(Duration.ofSeconds(5)).uri().toString()).isEqualTo("/v1/invoices?limit=100");
		Map<String, Object> payment = record(connection, "payment-intents");
		assertThat(payment).containsEntry("title", "Order #1001")
			.containsEntry("url", "https://dashboard.stripe.com/payments/pi_3MtwBwLkdIwHu7ix28a3tqPa")
			.containsEntry("status", "succeeded");
		assertThat(JSON.readTree(payment.get("data").toString()).path("amount").asLong()).isEqualTo(2000);
		Map<String, Object> invoice = record(connection, "invoices");
		assertThat(invoice).containsEntry("title", "ACME-0042")
			.containsEntry("url", "https://invoice.stripe.com/i/acct_1Nv0FGQ9RKHgCVdK/test_YWNjdF8x")
			.containsEntry("status", "paid");
		assertThat(((Timestamp) invoice.get("modified_at")).toInstant())
			.isEqualTo(Instant.parse("2026-11-20T11:00:00Z"));
		assertThat(JSON.readTree(invoice.get("data").toString()).path("paidAt").asText())
			.isEqualTo("2026-11-20T11:00:00Z");
	}

	private static String customerJson(String id, String email, String name, String description, String metadata) {
		return """
				{"id": "%s", "object": "customer", "address": null, "balance": 0, "created": 1680893993, "currency": null,
				 "default_source": null, "delinquent": false, "description": %s, "discount": null, "email": "%s",
				 "invoice_prefix": "0759376C", "invoice_settings": {"custom_fields": null, "default_payment_method": null,
				 "footer": null, "rendering_options": null}, "livemode": false, "metadata": %s, "name": %s,
				 "next_invoice_sequence": 1, "phone": null, "preferred_locales": [], "shipping": null, "tax_exempt": "none",
				 "test_clock": null}"""
			.formatted(id, quoted(description), email, metadata, quoted(name));
	}

	private static String customers(String url, boolean hasMore, int from, int to) {
		List<String> data = new ArrayList<>();
		for (int n = from; n <= to; n++) {
			data.add("""
					{"id": "cus_Q%d", "object": "customer", "balance": 0, "created": %d, "currency": "eur",
					 "delinquent": false, "description": null, "email": "customer%d@example.com", "livemode": false,
					 "metadata": {"plan": "pro"}, "name": "Customer %d", "phone": null}""".formatted(n, 1793491200 + n,
					n, n));
		}
		return """
				{"object": "list", "url": "%s", "has_more": %s, "data": [%s]}""".formatted(url, hasMore,
				String.join(",", data));
	}

	private static String quoted(String value) {
		return (value != null) ? "\"" + value + "\"" : "null";
	}

	/** A form body as Stripe reads it: decoded name=value pairs, in order. */
	private static List<String> form(String body) {
		return Arrays.stream(body.split("&")).map((pair) -> URLDecoder.decode(pair, StandardCharsets.UTF_8)).toList();
	}

	private Map<String, Object> record(UUID connection, String resource) {
		return TenantContext.call("acme", () -> this.jdbc.sql("""
				select external_id, title, url, status, modified_at, cast(data as text) as data from synced_record
				where connection_id = :c and resource = :r
				""").param("c", connection).param("r", resource).query().singleRow());
	}

	private void deploy(String processId, String operation, Map<String, String> inputs) {
		ZeebeProcesses.deployFor(new TenantId("acme"),
				ZeebeProcesses.step(processId, StripeConnector.TYPE, operation, inputs), this.client, this.registry);
	}

	private static BpmnModelInstance testConnection() {
		return Bpmn.createExecutableProcess("stripe-test-connection")
			.startEvent()
			.serviceTask("test",
					(task) -> task.zeebeJobType(StripeConnector.TYPE)
						.zeebeJobRetries("1")
						.zeebeTaskHeader("operation", "test-connection")
						.zeebeTaskHeader("resultVariable", "check")
						.zeebeInputExpression("connectionId", "connectionId"))
			.endEvent()
			.done();
	}

	private static BpmnModelInstance sync(String resource) {
		return Bpmn.createExecutableProcess("stripe-sync-" + resource)
			.startEvent()
			.serviceTask("sync",
					(task) -> task.zeebeJobType(StripeConnector.TYPE)
						.zeebeJobRetries("1")
						.zeebeTaskHeader("operation", "sync")
						.zeebeTaskHeader("resultVariable", "sync")
						.zeebeInputExpression("connectionId", "connectionId")
						.zeebeInputExpression("\"" + resource + "\"", "resource")
						.zeebeInputExpression("full", "full"))
			.endEvent()
			.done();
	}

	private UUID connection(String tenant, String name) {
		return ZeebeProcesses.createConnection(this.jdbc, this.secrets, tenant, "stripe", name, "{}",
				Map.of("secretKey", KEY));
	}

}
