package io.brain.workers.connector.woocommerce;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
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
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The WooCommerce operations run on Zeebe against a local server that checks each request
 * exactly as WooCommerce's REST API v3 documents it ({@code /wp-json/wc/v3}, consumer key
 * and secret as HTTP Basic credentials, JSON bodies, {@code page} and {@code per_page}
 * paging with {@code X-WP-TotalPages}, {@code modified_after} with {@code dates_are_gmt})
 * and answers with its documented shapes and errors.
 */
class WooCommerceApiContractTests extends ConnectorTestContext {

	static final String CONSUMER_KEY = "ck_41b5ff1e3a0c6e2e7f3b1b0a7c2d4e5f60718293";

	static final String CONSUMER_SECRET = "cs_9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a291807";

	static final String BASIC = "Basic " + Base64.getEncoder()
		.encodeToString((CONSUMER_KEY + ":" + CONSUMER_SECRET).getBytes(StandardCharsets.UTF_8));

	static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

	static final ObjectMapper MAPPER = new ObjectMapper();

	static final RecordingHttpServer woo = RecordingHttpServer.start();

	static final TenantId ACME = new TenantId("acme");

	@Test
	void updateOrderStatusWhenValidThenPutsTheStatusAsDocumentedAndReturnsTheOrder() throws Exception {
		connection("shop");
		woo.answer(200, JSON, resource("woocommerce/order-727.json"));
		deploy("woo-order-status", "update-order-status",
				Map.of("connection", "\"shop\"", "orderId", "727", "status", "\"completed\""));

		Map<String, Object> variables = ZeebeProcesses.run(this.client, "woo-order-status", Map.of());

		Recorded request = woo.take(Duration.ofSeconds(5));
		assertThat(request.method()).isEqualTo("PUT");
		assertThat(request.uri().toString()).isEqualTo("/wp-json/wc/v3/orders/727");
		assertThat(request.header("Authorization")).isEqualTo(BASIC);
		assertThat(request.header("Content-Type")).isEqualTo("application/json");
		assertThat(MAPPER.readTree(request.body())).isEqualTo(MAPPER.readTree("{\"status\": \"completed\"}"));
		assertThat(variables).containsEntry("result",
				Map.of("id", 727, "number", "727", "status", "completed", "total", "54.90", "currency", "EUR"));
	}

	@Test
	void updateStockWhenProductOrVariationGivenThenSwitchesStockManagementOnAndSetsTheQuantity() throws Exception {
		connection("stock");
		woo.answer(200, JSON,
				"""
						{"id": 93, "name": "Woo Single #1", "slug": "woo-single-1", "type": "simple", "status": "publish",
						 "sku": "WOO-SINGLE-1", "price": "25", "manage_stock": true, "stock_quantity": 40, "stock_status": "instock"}
						""");
		deploy("woo-stock", "update-stock", Map.of("connection", "\"stock\"", "productId", "93", "quantity", "40"));
		Map<String, Object> product = ZeebeProcesses.run(this.client, "woo-stock", Map.of());

		Recorded request = woo.take(Duration.ofSeconds(5));
		assertThat(request.method()).isEqualTo("PUT");
		assertThat(request.uri().toString()).isEqualTo("/wp-json/wc/v3/products/93");
		assertThat(request.header("Authorization")).isEqualTo(BASIC);
		assertThat(MAPPER.readTree(request.body()))
			.isEqualTo(MAPPER.readTree("{\"manage_stock\": true, \"stock_quantity\": 40}"));
		assertThat(product).containsEntry("result",
				Map.of("id", 93, "sku", "WOO-SINGLE-1", "stockQuantity", 40, "stockStatus", "instock"));

		woo.answer(200, JSON, resource("woocommerce/variation-733.json"));
		deploy("woo-variation-stock", "update-stock",
				Map.of("connection", "\"stock\"", "productId", "22", "variationId", "733", "quantity", "12"));
		Map<String, Object> variation = ZeebeProcesses.run(this.client, "woo-variation-stock", Map.of());

		Recorded variationRequest = woo.take(Duration.ofSeconds(5));
		assertThat(variationRequest.method()).isEqualTo("PUT");
		assertThat(variationRequest.uri().toString()).isEqualTo("/wp-json/wc/v3/products/22/variations/733");
		assertThat(MAPPER.readTree(variationRequest.body()))
			.isEqualTo(MAPPER.readTree("{\"manage_stock\": true, \"stock_quantity\": 12}"));
		assertThat(variation).containsEntry("result",
				Map.of("id", 733, "sku", "SHIP-IDEA-BLACK", "stockQuantity", 12, "stockStatus", "instock"));
	}

	@Test
	void updateOrderStatusWhenInputInvalidThenIncidentAndNoCall() {
		connection("strict");
		deploy("woo-unknown-status", "update-order-status",
				Map.of("connection", "\"strict\"", "orderId", "727", "status", "\"shipped\""));
		deploy("woo-no-order", "update-order-status", Map.of("connection", "\"strict\"", "status", "\"completed\""));

		long unknownStatus = ZeebeProcesses.start(this.client, "woo-unknown-status");
		long noOrder = ZeebeProcesses.start(this.client, "woo-no-order");

		ZeebeProcesses.awaitIncident(this.engine, unknownStatus, "Property: status: Validation failed");
		ZeebeProcesses.awaitIncident(this.engine, noOrder, "Property: orderId: Validation failed");
		assertThat(woo.received()).isZero();
	}

	@Test
	void updateOrderStatusWhenKeyRejectedThenIncidentInPlainWordsAndConnectionNeedsAttention() {
		UUID connection = connection("revoked");
		woo.answer(401, JSON,
				"{\"code\": \"woocommerce_rest_authentication_error\", \"message\": \"Consumer key is invalid.\", \"data\": {\"status\": 401}}");
		deploy("woo-rejected", "update-order-status",
				Map.of("connection", "\"revoked\"", "orderId", "727", "status", "\"completed\""));

		long instance = ZeebeProcesses.start(this.client, "woo-rejected");

		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(ZeebeProcesses.incidentMessages(this.engine, instance))
				.anySatisfy((message) -> assertThat(message)
					.contains("WooCommerce rejected the consumer key and secret (401)")));
		assertThat(ZeebeProcesses.connectionStatus(this.jdbc, "acme", connection)).isEqualTo("NEEDS_ATTENTION");
	}

	@Test
	void updateStockWhenProductMissingOrStoreDownThenIncidentSaysWhatWooCommerceAnswered() {
		connection("flaky");
		woo.answer(404, JSON,
				"{\"code\": \"woocommerce_rest_product_invalid_id\", \"message\": \"Invalid ID.\", \"data\": {\"status\": 404}}");
		deploy("woo-missing", "update-stock",
				Map.of("connection", "\"flaky\"", "productId", "404", "variationId", "9", "quantity", "1"));
		long missing = ZeebeProcesses.start(this.client, "woo-missing");
		ZeebeProcesses.awaitIncident(this.engine, missing, "WooCommerce has no variation 9 of product 404 (404)");

		woo.answer(503, Map.of(), "").answer(503, Map.of(), "").answer(503, Map.of(), "");
		deploy("woo-down", "update-order-status",
				Map.of("connection", "\"flaky\"", "orderId", "727", "status", "\"on-hold\""));
		long down = ZeebeProcesses.start(this.client, "woo-down");
		ZeebeProcesses.awaitIncident(this.engine, down, "WooCommerce answered 503 (still after retries)");
	}

	@Test
	void testConnectionWhenKeyAcceptedOrRejectedThenSaysSoInPlainWords() {
		UUID connection = connection("checked");
		woo.answer(200, Map.of("Content-Type", "application/json", "X-WP-Total", "42", "X-WP-TotalPages", "42"),
				products(93, 93))
			.answer(401, JSON,
					"{\"code\": \"woocommerce_rest_authentication_error\", \"message\": \"Consumer secret is invalid.\", \"data\": {\"status\": 401}}");
		deploy("woo-test-connection", "test-connection", Map.of("connectionId", "connectionId"));

		Map<String, Object> accepted = ZeebeProcesses.run(this.client, "woo-test-connection",
				Map.of("connectionId", connection.toString()));
		Recorded request = woo.take(Duration.ofSeconds(5));
		assertThat(request.method()).isEqualTo("GET");
		assertThat(request.uri().toString()).isEqualTo("/wp-json/wc/v3/products?per_page=1");
		assertThat(request.header("Authorization")).isEqualTo(BASIC);
		assertThat(accepted).containsEntry("result",
				Map.of("ok", true, "checked", true, "message", "Connected to the store (42 products)"));

		Map<String, Object> rejected = ZeebeProcesses.run(this.client, "woo-test-connection",
				Map.of("connectionId", connection.toString()));
		assertThat(rejected).containsEntry("result", Map.of("ok", false, "checked", true, "message",
				"WooCommerce rejected the consumer key and secret (401)"));
	}

	@Test
	void syncProductsWhenStorePagesAndThrottlesThenStoresAllThenAsksOnlyForChanges() {
		UUID connection = connection("catalog");
		Map<String, String> paged = Map.of("Content-Type", "application/json", "X-WP-Total", "5", "X-WP-TotalPages",
				"3");
		woo.answer(200, paged, products(1, 2))
			.answer(429, Map.of("Retry-After", "1"), "")
			.answer(200, paged, products(3, 4))
			.answer(200, paged, products(5, 5));
		deploy("woo-sync", "sync", Map.of("connectionId", "connectionId", "resource", "resource", "full", "full"));

		Map<String, Object> first = ZeebeProcesses.run(this.client, "woo-sync",
				Map.of("connectionId", connection.toString(), "resource", "products"));

		assertThat(first).containsEntry("result",
				Map.of("resource", "products", "fetched", 5, "created", 5, "updated", 0, "removed", 0));
		Recorded page1 = woo.take(Duration.ofSeconds(5));
		assertThat(page1.method()).isEqualTo("GET");
		assertThat(page1.uri().toString())
			.isEqualTo("/wp-json/wc/v3/products?per_page=100&page=1&orderby=id&order=asc");
		assertThat(page1.header("Authorization")).isEqualTo(BASIC);
		assertThat(woo.take(Duration.ofSeconds(5)).uri().getQuery()).contains("page=2");
		assertThat(woo.take(Duration.ofSeconds(5)).uri().getQuery()).contains("page=2");
		assertThat(woo.take(Duration.ofSeconds(5)).uri().getQuery()).contains("page=3");
		assertThat(stored(connection, "title")).containsExactly("Product 1", "Product 2", "Product 3", "Product 4",
				"Product 5");
		assertThat(stored(connection, "url")).first().isEqualTo("https://shop.example.com/product/product-1/");

		woo.answer(200, Map.of("Content-Type", "application/json", "X-WP-Total", "1", "X-WP-TotalPages", "1"),
				products(2, 2));
		Map<String, Object> changes = ZeebeProcesses.run(this.client, "woo-sync",
				Map.of("connectionId", connection.toString(), "resource", "products"));
		Recorded changed = woo.take(Duration.ofSeconds(5));
		assertThat(changed.uri().getQuery()).matches(
				"per_page=100&page=1&orderby=id&order=asc&modified_after=\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?&dates_are_gmt=true");
		assertThat(changes).containsEntry("result",
				Map.of("resource", "products", "fetched", 1, "created", 0, "updated", 1, "removed", 0));
	}

	@Test
	void syncCustomersWhenSyncedAgainThenReadsEveryCustomerAndRemovesThoseGone() {
		UUID connection = connection("people");
		Map<String, String> paged = Map.of("Content-Type", "application/json", "X-WP-Total", "3", "X-WP-TotalPages",
				"2");
		woo.answer(200, paged, customers(1, 2)).answer(200, paged, customers(3, 3));
		deploy("woo-sync-customers", "sync", Map.of("connectionId", "connectionId", "resource", "\"customers\""));

		Map<String, Object> first = ZeebeProcesses.run(this.client, "woo-sync-customers",
				Map.of("connectionId", connection.toString()));
		assertThat(first).containsEntry("result",
				Map.of("resource", "customers", "fetched", 3, "created", 3, "updated", 0, "removed", 0));
		assertThat(woo.take(Duration.ofSeconds(5)).uri().toString())
			.isEqualTo("/wp-json/wc/v3/customers?per_page=100&page=1&orderby=id&order=asc");
		assertThat(woo.take(Duration.ofSeconds(5)).uri().toString())
			.isEqualTo("/wp-json/wc/v3/customers?per_page=100&page=2&orderby=id&order=asc");
		assertThat(stored(connection, "title")).containsExactly("Customer 1", "Customer 2", "Customer 3");
		assertThat(TenantContext.call("acme",
				() -> this.jdbc
					.sql("select data ->> 'email' from synced_record where connection_id = :c order by external_id")
					.param("c", connection)
					.query(String.class)
					.list()))
			.containsExactly("customer1@example.com", "customer2@example.com", "customer3@example.com");

		woo.answer(200, Map.of("Content-Type", "application/json", "X-WP-Total", "2", "X-WP-TotalPages", "1"),
				customers(1, 2));
		Map<String, Object> again = ZeebeProcesses.run(this.client, "woo-sync-customers",
				Map.of("connectionId", connection.toString()));
		assertThat(woo.take(Duration.ofSeconds(5)).uri().getQuery()).doesNotContain("modified_after");
		assertThat(again).containsEntry("result",
				Map.of("resource", "customers", "fetched", 2, "created", 0, "updated", 2, "removed", 1));
	}

	private List<String> stored(UUID connection, String column) {
		return TenantContext.call("acme",
				() -> this.jdbc
					.sql("select " + column + " from synced_record where connection_id = :c order by external_id")
					.param("c", connection)
					.query(String.class)
					.list());
	}

	private static String products(int from, int to) {
		StringBuilder json = new StringBuilder("[");
		for (int id = from; id <= to; id++) {
			json.append((id > from) ? "," : "").append("""
					{"id": %d, "name": "Product %d", "slug": "product-%d",
					 "permalink": "https://shop.example.com/product/product-%d/",
					 "date_created_gmt": "2026-10-0%dT10:00:00", "date_modified_gmt": "2026-11-2%dT10:00:00",
					 "type": "simple", "status": "publish", "sku": "SKU-%d", "price": "1%d.00",
					 "regular_price": "1%d.00", "sale_price": "", "manage_stock": true, "stock_quantity": %d,
					 "stock_status": "instock"}
					""".formatted(id, id, id, id, id, id, id, id, id, id * 10));
		}
		return json.append("]").toString();
	}

	private static String customers(int from, int to) {
		StringBuilder json = new StringBuilder("[");
		for (int id = from; id <= to; id++) {
			json.append((id > from) ? "," : "").append("""
					{"id": %d, "date_created_gmt": "2026-10-0%dT10:00:00", "date_modified_gmt": "2026-11-2%dT10:00:00",
					 "email": "customer%d@example.com", "first_name": "Customer", "last_name": "%d",
					 "role": "customer", "username": "customer%d",
					 "billing": {"first_name": "Customer", "last_name": "%d", "company": "Company %d",
					             "email": "customer%d@example.com", "phone": ""},
					 "shipping": {"first_name": "Customer", "last_name": "%d", "company": ""},
					 "is_paying_customer": false, "avatar_url": "https://secure.gravatar.com/avatar/%d"}
					""".formatted(id, id, id, id, id, id, id, id, id, id, id));
		}
		return json.append("]").toString();
	}

	private static String resource(String path) {
		try {
			return new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void deploy(String processId, String operation, Map<String, String> inputs) {
		ZeebeProcesses.deployFor(ACME, ZeebeProcesses.step(processId, WooCommerceConnector.TYPE, operation, inputs),
				this.client, this.registry);
	}

	private UUID connection(String name) {
		return ZeebeProcesses.createConnection(this.jdbc, this.secrets, "acme", "woocommerce", name,
				"{\"storeUrl\": \"" + woo.url("") + "\", \"consumerKey\": \"" + CONSUMER_KEY + "\"}",
				Map.of("consumerSecret", CONSUMER_SECRET));
	}

}
