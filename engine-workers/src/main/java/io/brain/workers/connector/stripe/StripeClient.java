package io.brain.workers.connector.stripe;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import io.brain.workers.connection.ConnectionCheck;
import io.brain.workers.connection.ResolvedConnection;
import io.brain.workers.provider.Pages;
import io.brain.workers.provider.Pages.Page;
import io.brain.workers.provider.ProviderEndpoints;
import io.brain.workers.provider.ProviderHttp;
import io.brain.workers.provider.ProviderResponse;
import io.brain.workers.sync.Fetched;
import io.brain.workers.sync.SyncedRecord;
import io.camunda.connector.api.error.ConnectorException;

import org.springframework.stereotype.Component;

/**
 * Stripe's REST API ({@code https://api.stripe.com/v1}), authenticated with a secret or
 * restricted key as a bearer token, form-encoded bodies, the API version pinned with
 * {@code Stripe-Version}, and an {@code Idempotency-Key} on every create.
 */
@Component
class StripeClient {

	/** The API version every request is pinned to. */
	static final String API_VERSION = "2026-09-30.endive";

	static final String SECRET_KEY = "secretKey";

	private static final String DASHBOARD = "https://dashboard.stripe.com/";

	private static final Map<String, String> PATHS = Map.of("customers", "/v1/customers", "payment-intents",
			"/v1/payment_intents", "invoices", "/v1/invoices");

	private final ProviderHttp http;

	private final ProviderEndpoints endpoints;

	StripeClient(ProviderHttp http, ProviderEndpoints endpoints) {
		this.http = http;
		this.endpoints = endpoints;
	}

	/**
	 * Checks the key by reading the account it belongs to. A restricted key that may not
	 * read the account is still a key Stripe accepted.
	 * @param connection the connection
	 * @return the account's name and mode, or what Stripe refused, in plain words
	 */
	ConnectionCheck check(ResolvedConnection connection) {
		ProviderResponse response = api(connection).get("/v1/account");
		String mode = String.valueOf(connection.secret(SECRET_KEY)).matches("(sk|rk)_test_.*") ? "test mode"
				: "live mode";
		if (response.ok()) {
			JsonNode account = response.body();
			String name = firstText(account.path("settings").path("dashboard").path("display_name"),
					account.path("business_profile").path("name"), account.path("email"), account.path("id"));
			return ConnectionCheck.ok("Connected to " + name + " (" + account.path("id").asText() + ", " + mode + ")");
		}
		if (response.status() == 403) {
			return ConnectionCheck
				.ok("Stripe accepted the restricted key (" + mode + "); it may not read the account's details");
		}
		return ConnectionCheck.failed(failure(response, "account").getMessage());
	}

	/**
	 * Creates a customer ({@code POST /v1/customers}).
	 * @param connection the connection
	 * @param request who
	 * @param idempotencyKey the same for every try of one step, so Stripe creates one
	 * customer
	 * @return the customer
	 */
	CustomerResult createCustomer(ResolvedConnection connection, CreateCustomerRequest request, String idempotencyKey) {
		Map<String, String> form = new LinkedHashMap<>();
		putIfPresent(form, "email", request.email());
		putIfPresent(form, "name", request.name());
		putIfPresent(form, "description", request.description());
		if (request.metadata() != null) {
			request.metadata().forEach((key, value) -> form.put("metadata[" + key + "]", value));
		}
		ProviderResponse response = api(connection).header("Idempotency-Key", idempotencyKey)
			.sendForm("POST", "/v1/customers", form);
		JsonNode customer = expect(response, "customer");
		String id = customer.path("id").asText();
		boolean livemode = customer.path("livemode").asBoolean();
		return new CustomerResult(id, customer.path("email").asText(null), customer.path("name").asText(null), livemode,
				dashboard(livemode, "customers/" + id));
	}

	/**
	 * Refunds a payment, in full or in part ({@code POST /v1/refunds}).
	 * @param connection the connection
	 * @param request which payment, how much and why
	 * @param idempotencyKey the same for every try of one step, so Stripe refunds once
	 * @return the refund
	 */
	RefundResult refund(ResolvedConnection connection, RefundPaymentRequest request, String idempotencyKey) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("payment_intent", request.paymentIntent());
		putIfPresent(form, "amount", (request.amount() != null) ? request.amount().toString() : null);
		putIfPresent(form, "reason", request.reason());
		ProviderResponse response = api(connection).header("Idempotency-Key", idempotencyKey)
			.sendForm("POST", "/v1/refunds", form);
		JsonNode refund = expect(response, "payment intent " + request.paymentIntent());
		return new RefundResult(refund.path("id").asText(), refund.path("status").asText(null),
				refund.path("amount").asLong(), refund.path("currency").asText(null),
				refund.path("payment_intent").asText(request.paymentIntent()));
	}

	/**
	 * Fetches every customer, payment intent or invoice, 100 at a time, newest first,
	 * with {@code starting_after} the last id of a page while Stripe says
	 * {@code has_more}. Stripe's lists cannot filter by modification, so every sync is a
	 * full read.
	 * @param connection the connection
	 * @param resource {@code customers}, {@code payment-intents} or {@code invoices}
	 * @param changedSince ignored: Stripe cannot filter by it
	 * @return every record, normalized
	 */
	Fetched fetch(ResolvedConnection connection, String resource, Instant changedSince) {
		ProviderHttp.Api api = api(connection);
		String path = PATHS.get(resource);
		Function<JsonNode, SyncedRecord> normalize = switch (resource) {
			case "customers" -> StripeClient::customer;
			case "payment-intents" -> StripeClient::paymentIntent;
			default -> StripeClient::invoice;
		};
		List<SyncedRecord> records = Pages.collect("Stripe", (after) -> {
			JsonNode list = expect(api.get(path + ProviderHttp.query("limit", 100, "starting_after", after)),
					resource.replace('-', ' '));
			List<SyncedRecord> items = new ArrayList<>();
			String last = null;
			for (JsonNode item : list.path("data")) {
				items.add(normalize.apply(item));
				last = item.path("id").asText();
			}
			return new Page<>(items, (list.path("has_more").asBoolean(false) && last != null) ? last : null);
		});
		return Fetched.all(records);
	}

	private static SyncedRecord customer(JsonNode item) {
		String id = item.path("id").asText();
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("email", item.path("email").asText(null));
		data.put("name", item.path("name").asText(null));
		data.put("description", item.path("description").asText(null));
		data.put("phone", item.path("phone").asText(null));
		data.put("currency", item.path("currency").asText(null));
		data.put("balance", item.path("balance").asLong(0));
		data.put("createdAt", time(item.path("created")));
		data.put("metadata", metadata(item));
		return new SyncedRecord(id, firstText(item.path("name"), item.path("email"), item.path("id")),
				dashboard(item.path("livemode").asBoolean(), "customers/" + id),
				item.path("delinquent").asBoolean(false) ? "delinquent" : "active", instant(item.path("created")),
				data);
	}

	private static SyncedRecord paymentIntent(JsonNode item) {
		String id = item.path("id").asText();
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("amount", item.path("amount").asLong());
		data.put("amountReceived", item.path("amount_received").asLong());
		data.put("currency", item.path("currency").asText(null));
		data.put("customer", item.path("customer").asText(null));
		data.put("receiptEmail", item.path("receipt_email").asText(null));
		data.put("latestCharge", item.path("latest_charge").asText(null));
		data.put("createdAt", time(item.path("created")));
		data.put("metadata", metadata(item));
		return new SyncedRecord(id, firstText(item.path("description"), item.path("id")),
				dashboard(item.path("livemode").asBoolean(), "payments/" + id), item.path("status").asText(null),
				instant(item.path("created")), data);
	}

	private static SyncedRecord invoice(JsonNode item) {
		String id = item.path("id").asText();
		JsonNode transitions = item.path("status_transitions");
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("total", item.path("total").asLong());
		data.put("amountDue", item.path("amount_due").asLong());
		data.put("amountPaid", item.path("amount_paid").asLong());
		data.put("currency", item.path("currency").asText(null));
		data.put("customer", item.path("customer").asText(null));
		data.put("customerEmail", item.path("customer_email").asText(null));
		data.put("dueDate", time(item.path("due_date")));
		data.put("paidAt", time(transitions.path("paid_at")));
		data.put("createdAt", time(item.path("created")));
		Instant changed = instant(item.path("created"));
		for (String transition : List.of("finalized_at", "paid_at", "marked_uncollectible_at", "voided_at")) {
			Instant at = instant(transitions.path(transition));
			if (at != null && (changed == null || at.isAfter(changed))) {
				changed = at;
			}
		}
		String url = item.path("hosted_invoice_url").asText(null);
		return new SyncedRecord(id, firstText(item.path("number"), item.path("id")),
				(url != null) ? url : dashboard(item.path("livemode").asBoolean(), "invoices/" + id),
				item.path("status").asText(null), changed, data);
	}

	/**
	 * The body of a successful answer, or Stripe's refusal in plain words:
	 * {@code resource_missing} is "has no ..." (code 404) whatever the status, other
	 * errors carry Stripe's message and code.
	 */
	private static JsonNode expect(ProviderResponse response, String subject) {
		if (!response.ok()) {
			throw failure(response, subject);
		}
		return response.body();
	}

	private static ConnectorException failure(ProviderResponse response, String subject) {
		JsonNode error = response.body().path("error");
		String code = error.path("code").asText("");
		if (response.status() != 404 && code.equals("resource_missing")) {
			return new ConnectorException("404", "Stripe has no " + subject + " (resource_missing)");
		}
		ConnectorException failure = response.failure(subject);
		if (response.status() == 401 || response.status() == 404) {
			return failure;
		}
		List<String> details = new ArrayList<>();
		details.add(code.isEmpty() ? error.path("type").asText("") : code);
		details.add(error.path("decline_code").asText(""));
		if (!error.path("param").asText("").isEmpty()) {
			details.add("parameter " + error.path("param").asText());
		}
		details.removeIf(String::isEmpty);
		return details.isEmpty() ? failure : new ConnectorException(failure.getErrorCode(),
				failure.getMessage() + " (" + String.join(", ", details) + ")");
	}

	private static Map<String, Object> metadata(JsonNode item) {
		Map<String, Object> metadata = new LinkedHashMap<>();
		item.path("metadata").properties().forEach((entry) -> metadata.put(entry.getKey(), entry.getValue().asText()));
		return metadata;
	}

	private static String dashboard(boolean livemode, String path) {
		return DASHBOARD + (livemode ? "" : "test/") + path;
	}

	private static Instant instant(JsonNode epochSeconds) {
		return epochSeconds.isNumber() ? Instant.ofEpochSecond(epochSeconds.asLong()) : null;
	}

	private static String time(JsonNode epochSeconds) {
		Instant instant = instant(epochSeconds);
		return (instant != null) ? instant.toString() : null;
	}

	private static String firstText(JsonNode... candidates) {
		for (JsonNode candidate : candidates) {
			if (candidate.isTextual() && !candidate.asText().isBlank()) {
				return candidate.asText();
			}
		}
		return null;
	}

	private static void putIfPresent(Map<String, String> form, String key, String value) {
		if (value != null && !value.isBlank()) {
			form.put(key, value);
		}
	}

	private ProviderHttp.Api api(ResolvedConnection connection) {
		return this.http.to("Stripe", this.endpoints.url("stripe", "https://api.stripe.com"))
			.bearer(String.valueOf(connection.secret(SECRET_KEY)))
			.credential("secret key")
			.header("Stripe-Version", API_VERSION);
	}

}
