package io.brain.workers.connector.woocommerce;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import io.brain.workers.connection.ConnectionCheck;
import io.brain.workers.connection.ResolvedConnection;
import io.brain.workers.provider.Pages;
import io.brain.workers.provider.Pages.Page;
import io.brain.workers.provider.ProviderHttp;
import io.brain.workers.provider.ProviderResponse;
import io.brain.workers.sync.Fetched;
import io.brain.workers.sync.SyncedRecord;

import org.springframework.stereotype.Component;

/**
 * WooCommerce's REST API v3 ({@code /wp-json/wc/v3}), authenticated with a REST API key:
 * consumer key and secret as HTTP Basic credentials over HTTPS, as WooCommerce documents.
 */
@Component
class WooCommerceClient {

	/** The order statuses WooCommerce ships with, which an order can be set to. */
	static final String ORDER_STATUSES = "pending|processing|on-hold|completed|cancelled|refunded|failed";

	private static final String BASE = "/wp-json/wc/v3";

	private final ProviderHttp http;

	WooCommerceClient(ProviderHttp http) {
		this.http = http;
	}

	/**
	 * Sets an order's status.
	 * @param connection the tenant's WooCommerce connection
	 * @param request which order and which status
	 * @return the order as WooCommerce answered it
	 */
	OrderResult updateOrderStatus(ResolvedConnection connection, UpdateOrderStatusRequest request) {
		JsonNode order = api(connection)
			.send("PUT", BASE + "/orders/" + request.orderId(), Map.of("status", request.status()))
			.expect("order " + request.orderId());
		return new OrderResult(order.path("id").asLong(), text(order, "number"), text(order, "status"),
				text(order, "total"), text(order, "currency"));
	}

	/**
	 * Sets the stock quantity of a product or of one of its variations, switching stock
	 * management on.
	 * @param connection the tenant's WooCommerce connection
	 * @param request which product (and variation) and how many
	 * @return the product or variation as WooCommerce answered it
	 */
	StockResult updateStock(ResolvedConnection connection, UpdateStockRequest request) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("manage_stock", true);
		body.put("stock_quantity", request.quantity());
		String path = BASE + "/products/" + request.productId();
		String subject = "product " + request.productId();
		if (request.variationId() != null) {
			path += "/variations/" + request.variationId();
			subject = "variation " + request.variationId() + " of product " + request.productId();
		}
		JsonNode item = api(connection).send("PUT", path, body).expect(subject);
		JsonNode quantity = item.path("stock_quantity");
		return new StockResult(item.path("id").asLong(), text(item, "sku"),
				quantity.isNumber() ? quantity.asInt() : null, text(item, "stock_status"));
	}

	/**
	 * Checks the consumer key and secret with a cheap authenticated call: the first
	 * product of the store, whose {@code X-WP-Total} header counts them all.
	 * @param connection the connection
	 * @return whether WooCommerce accepted the key, in plain words
	 */
	ConnectionCheck check(ResolvedConnection connection) {
		ProviderResponse response = api(connection).get(BASE + "/products" + ProviderHttp.query("per_page", 1));
		if (response.ok()) {
			return ConnectionCheck.ok(response.header("X-WP-Total")
				.map((total) -> "Connected to the store (" + total + " products)")
				.orElse("Connected to the store"));
		}
		return ConnectionCheck.failed(response.message("REST API at this address"));
	}

	/**
	 * Fetches every page of products, orders or customers, 100 at a time, as long as
	 * WooCommerce's {@code X-WP-TotalPages} says there are more. Products and orders are
	 * asked only for what changed since a time, when given ({@code modified_after}, in
	 * GMT); customers cannot be filtered by modification, so they are always read in
	 * full.
	 * @param connection the connection
	 * @param resource {@code products}, {@code orders} or {@code customers}
	 * @param changedSince only what was modified after this, or {@code null} for all
	 * @return the records, normalized
	 */
	Fetched fetch(ResolvedConnection connection, String resource, Instant changedSince) {
		boolean incremental = changedSince != null && !resource.equals("customers");
		// Without an offset, and dates_are_gmt: WooCommerce then compares it with the GMT
		// column as it is (WordPress would turn a time with an offset into the site's
		// zone).
		String modifiedAfter = incremental
				? DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(changedSince.atOffset(ZoneOffset.UTC)) : null;
		Function<JsonNode, SyncedRecord> normalize = switch (resource) {
			case "products" -> WooCommerceClient::product;
			case "orders" -> WooCommerceClient::order;
			default -> WooCommerceClient::customer;
		};
		ProviderHttp.Api api = api(connection);
		List<SyncedRecord> records = Pages.collect("WooCommerce", (next) -> {
			int page = (next != null) ? Integer.parseInt(next) : 1;
			ProviderResponse response = api
				.get(BASE + "/" + resource + ProviderHttp.query("per_page", 100, "page", page, "orderby", "id", "order",
						"asc", "modified_after", modifiedAfter, "dates_are_gmt", incremental ? true : null));
			List<SyncedRecord> items = StreamSupport.stream(response.expect(resource).spliterator(), false)
				.map(normalize)
				.toList();
			return Page.numbered(items, page, response.header("X-WP-TotalPages").map(Integer::parseInt).orElse(page));
		});
		return incremental ? Fetched.since(changedSince, records) : Fetched.all(records);
	}

	private static SyncedRecord product(JsonNode item) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("sku", text(item, "sku"));
		data.put("type", text(item, "type"));
		data.put("price", text(item, "price"));
		data.put("stockQuantity", item.path("stock_quantity").isNumber() ? item.path("stock_quantity").asInt() : null);
		data.put("stockStatus", text(item, "stock_status"));
		return new SyncedRecord(item.path("id").asText(), text(item, "name"), text(item, "permalink"),
				text(item, "status"), gmt(item, "date_modified_gmt"), data);
	}

	private static SyncedRecord order(JsonNode item) {
		JsonNode billing = item.path("billing");
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("number", text(item, "number"));
		data.put("total", text(item, "total"));
		data.put("currency", text(item, "currency"));
		data.put("customerId", item.path("customer_id").asLong());
		data.put("email", text(billing, "email"));
		data.put("firstName", text(billing, "first_name"));
		data.put("lastName", text(billing, "last_name"));
		data.put("company", text(billing, "company"));
		data.put("createdAt", text(item, "date_created_gmt"));
		return new SyncedRecord(item.path("id").asText(), "Order #" + text(item, "number"), null, text(item, "status"),
				gmt(item, "date_modified_gmt"), data);
	}

	private static SyncedRecord customer(JsonNode item) {
		String firstName = text(item, "first_name");
		String lastName = text(item, "last_name");
		String name = String.join(" ", (firstName != null) ? firstName : "", (lastName != null) ? lastName : "").trim();
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("email", text(item, "email"));
		data.put("firstName", firstName);
		data.put("lastName", lastName);
		data.put("company", text(item.path("billing"), "company"));
		data.put("username", text(item, "username"));
		return new SyncedRecord(item.path("id").asText(), name.isEmpty() ? text(item, "email") : name, null,
				text(item, "role"), gmt(item, "date_modified_gmt"), data);
	}

	/** A text field, or {@code null} when WooCommerce left it out, null or empty. */
	private static String text(JsonNode item, String field) {
		JsonNode value = item.path(field);
		return (value.isValueNode() && !value.isNull() && !value.asText().isEmpty()) ? value.asText() : null;
	}

	/** WooCommerce's {@code *_gmt} dates carry no offset: they are UTC. */
	private static Instant gmt(JsonNode item, String field) {
		String value = text(item, field);
		try {
			return (value != null) ? LocalDateTime.parse(value).toInstant(ZoneOffset.UTC) : null;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private ProviderHttp.Api api(ResolvedConnection connection) {
		return this.http.to("WooCommerce", connection.text("storeUrl"))
			.basic(connection.text("consumerKey"), connection.secret("consumerSecret"))
			.credential("consumer key and secret");
	}

}
