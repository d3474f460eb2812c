package io.brain.workers.connector.shopify;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brain.core.tenant.TenantContext;
import io.brain.core.tenant.TenantId;
import io.brain.core.testing.RecordingHttpServer;
import io.brain.core.testing.RecordingHttpServer.Recorded;
import io.brain.workers.ZeebeProcesses;
import io.brain.workers.connector.ConnectorTestContext;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Shopify actions and syncs run on Zeebe against a local server that checks each
 * request as Shopify's GraphQL Admin API documents it ({@code POST
 * /admin/api/2026-10/graphql.json}, {@code X-Shopify-Access-Token}, a JSON body with
 * {@code query} and {@code variables}, the {@code @idempotent} directive on inventory
 * mutations, cursor paging with {@code pageInfo}) and answers with its documented shapes,
 * including GraphQL's refusals inside a 200 ({@code THROTTLED}, {@code ACCESS_DENIED},
 * {@code userErrors}).
 */
class ShopifyApiContractTests extends ConnectorTestContext {

	static final String TOKEN = "shpat_0123456789abcdef0123456789abcdef";

	static final String PATH = "/admin/api/2026-10/graphql.json";

	static final String SHOP = "acme-shop.myshopify.com";

	static final ObjectMapper JSON = new ObjectMapper();

	static final Map<String, String> JSON_TYPE = Map.of("Content-Type", "application/json");

	static final String COST = """
			"extensions": {"cost": {"requestedQueryCost": 10, "actualQueryCost": 10,
			  "throttleStatus": {"maximumAvailable": 2000.0, "currentlyAvailable": 1990, "restoreRate": 100.0}}}""";

	static final RecordingHttpServer shopify = RecordingHttpServer.start();

	@DynamicPropertySource
	static void endpoints(DynamicPropertyRegistry properties) {
		properties.add("brain.connectors.endpoints.shopify", () -> shopify.url(""));
	}

	@Test
	void updateInventoryWhenQuantityGivenThenSetsAvailableWithIdempotencyKeyAndReturnsTheChange() throws Exception {
		connection("acme", "store");
		shopify.answer(200, JSON_TYPE, """
				{"data": {"inventorySetQuantities": {"inventoryAdjustmentGroup": {"reason": "correction",
				  "changes": [{"name": "available", "delta": 4, "quantityAfterChange": 12}]}, "userErrors": []}},
				""" + COST + "}");
		deploy("shopify-set-stock", "update-inventory", Map.of("connection", "\"store\"", "inventoryItemId",
				"\"gid://shopify/InventoryItem/30322695\"", "locationId", "\"124656943\"", "quantity", "12"));

		Map<String, Object> result = ZeebeProcesses.run(this.client, "shopify-set-stock", Map.of());

		Recorded request = shopify.take(Duration.ofSeconds(5));
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.uri().toString()).isEqualTo(PATH);
		assertThat(request.header("X-Shopify-Access-Token")).isEqualTo(TOKEN);
		assertThat(request.header("Content-Type")).isEqualTo("application/json");
		JsonNode body = JSON.readTree(request.body());
		assertThat(body.path("query").asText()).contains("mutation SetAvailable($input: InventorySetQuantitiesInput!)")
			.containsPattern("inventorySetQuantities\\(input: \\$input\\) @idempotent\\(key: \"[0-9a-f-]{36}\"\\)")
			.contains("userErrors { field message code }");
		assertThat(body.path("variables")).isEqualTo(JSON.readTree(
				"""
						{"input": {"name": "available", "reason": "correction", "quantities": [
						  {"inventoryItemId": "gid://shopify/InventoryItem/30322695", "locationId": "gid://shopify/Location/124656943",
						   "quantity": 12, "changeFromQuantity": null}]}}
						"""));
		assertThat(result).containsEntry("result", Map.of("inventoryItemId", "gid://shopify/InventoryItem/30322695",
				"locationId", "gid://shopify/Location/124656943", "delta", 4, "available", 12));
	}

	@Test
	void updateInventoryWhenJobIsRetriedThenEveryTrySendsTheSameIdempotencyKey() throws Exception {
		connection("acme", "retried");
		shopify
			.answer(200, JSON_TYPE,
					"""
							{"data": {"inventoryAdjustQuantities": {"inventoryAdjustmentGroup": null, "userErrors": [
							  {"field": ["input", "changes", "0", "locationId"], "message": "The specified location could not be found.",
							   "code": "INVALID_LOCATION"}]}}}
							""")
			.answer(200, JSON_TYPE, """
					{"data": {"inventoryAdjustQuantities": {"inventoryAdjustmentGroup": {"reason": "restock",
					  "changes": [{"name": "available", "delta": -3, "quantityAfterChange": 2}]}, "userErrors": []}}}
					""");
		BpmnModelInstance twice = Bpmn.createExecutableProcess("shopify-adjust-twice")
			.startEvent()
			.serviceTask("step",
					(task) -> task.zeebeJobType(ShopifyConnector.TYPE)
						.zeebeJobRetries("2")
						.zeebeTaskHeader("operation", "update-inventory")
						.zeebeTaskHeader("resultVariable", "result")
						.zeebeInputExpression("\"retried\"", "connection")
						.zeebeInputExpression("\"30322695\"", "inventoryItemId")
						.zeebeInputExpression("\"gid://shopify/Location/124656943\"", "locationId")
						.zeebeInputExpression("-3", "delta")
						.zeebeInputExpression("5", "expectedQuantity")
						.zeebeInputExpression("\"restock\"", "reason"))
			.endEvent()
			.done();
		ZeebeProcesses.deployFor(new TenantId("acme"), twice, this.client, this.registry);

		Map<String, Object> result = ZeebeProcesses.run(this.client, "shopify-adjust-twice", Map.of());

		JsonNode first = JSON.readTree(shopify.take(Duration.ofSeconds(5)).body());
		JsonNode second = JSON.readTree(shopify.take(Duration.ofSeconds(5)).body());
		assertThat(first.path("query").asText()).contains("inventoryAdjustQuantities(input: $input) @idempotent");
		assertThat(first.path("variables")).isEqualTo(JSON.readTree(
				"""
						{"input": {"name": "available", "reason": "restock", "changes": [
						  {"inventoryItemId": "gid://shopify/InventoryItem/30322695", "locationId": "gid://shopify/Location/124656943",
						   "delta": -3, "changeFromQuantity": 5}]}}
						"""));
		assertThat(idempotencyKey(second)).isEqualTo(idempotencyKey(first));
		assertThat(result).containsEntry("result", Map.of("inventoryItemId", "gid://shopify/InventoryItem/30322695",
				"locationId", "gid://shopify/Location/124656943", "delta", -3, "available", 2));

		shopify.answer(200, JSON_TYPE, """
				{"data": {"inventoryAdjustQuantities": {"inventoryAdjustmentGroup": {"reason": "restock",
				  "changes": [{"name": "available", "delta": -3, "quantityAfterChange": -1}]}, "userErrors": []}}}
				""");
		ZeebeProcesses.run(this.client, "shopify-adjust-twice", Map.of());
		assertThat(idempotencyKey(JSON.readTree(shopify.take(Duration.ofSeconds(5)).body())))
			.as("another run of the step is another change")
			.isNotEqualTo(idempotencyKey(first));
	}

	@Test
	void updateInventoryWhenExpectedQuantityIsStaleThenIncidentSaysShopifyRefusedAsConflict() {
		connection("acme", "stale-stock");
		shopify.answer(200, JSON_TYPE, """
				{"data": {"inventorySetQuantities": {"inventoryAdjustmentGroup": null, "userErrors": [
				  {"field": ["input", "quantities", "0", "changeFromQuantity"],
				   "message": "The specified compare quantity does not match the current quantity.",
				   "code": "CHANGE_FROM_QUANTITY_STALE"}]}}}
				""");
		deploy("shopify-stale", "update-inventory", Map.of("connection", "\"stale-stock\"", "inventoryItemId",
				"\"30322695\"", "locationId", "\"124656943\"", "quantity", "10", "expectedQuantity", "8"));

		long instance = ZeebeProcesses.start(this.client, "shopify-stale");

		ZeebeProcesses.awaitIncident(this.engine, instance,
				"Shopify refused to change the inventory of gid://shopify/InventoryItem/30322695 at "
						+ "gid://shopify/Location/124656943: The specified compare quantity does not match the current quantity. "
						+ "(CHANGE_FROM_QUANTITY_STALE)");
	}

	@Test
	void tagOrderWhenOrderExistsThenAddsTheTagsAndReturnsTheOrdersTags() throws Exception {
		connection("acme", "orders");
		shopify.answer(200, JSON_TYPE, """
				{"data": {"tagsAdd": {"node": {"id": "gid://shopify/Order/450789469", "name": "#1001",
				  "tags": ["newsletter", "retail", "vip"]}, "userErrors": []}},
				""" + COST + "}");
		deploy("shopify-tag", "tag-order",
				Map.of("connection", "\"orders\"", "orderId", "\"450789469\"", "tags", "[\"vip\", \"newsletter\"]"));

		Map<String, Object> result = ZeebeProcesses.run(this.client, "shopify-tag", Map.of());

		Recorded request = shopify.take(Duration.ofSeconds(5));
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.uri().toString()).isEqualTo(PATH);
		assertThat(request.header("X-Shopify-Access-Token")).isEqualTo(TOKEN);
		JsonNode body = JSON.readTree(request.body());
		assertThat(body.path("query").asText()).contains("tagsAdd(id: $id, tags: $tags)")
			.contains("... on Order { name tags }");
		assertThat(body.path("variables")).isEqualTo(
				JSON.readTree("{\"id\": \"gid://shopify/Order/450789469\", \"tags\": [\"vip\", \"newsletter\"]}"));
		assertThat(result).containsEntry("result", Map.of("orderId", "gid://shopify/Order/450789469", "name", "#1001",
				"tags", List.of("newsletter", "retail", "vip")));
	}

	@Test
	void tagOrderWhenShopifyListsUserErrorsThenIncidentSaysWhatItRefused() {
		connection("acme", "tagging");
		shopify.answer(200, JSON_TYPE,
				"""
						{"data": {"tagsAdd": {"node": null, "userErrors": [{"field": ["id"], "message": "Order does not exist"}]}}}
						""");
		deploy("shopify-tag-missing", "tag-order",
				Map.of("connection", "\"tagging\"", "orderId", "\"gid://shopify/Order/1\"", "tags", "[\"vip\"]"));

		long instance = ZeebeProcesses.start(this.client, "shopify-tag-missing");

		ZeebeProcesses.awaitIncident(this.engine, instance,
				"Shopify refused to tag order gid://shopify/Order/1: Order does not exist (id)");
	}

	@Test
	void stepWhenInputIsMissingOrContradictoryThenIncidentAndNoCall() {
		connection("acme", "strict");
		deploy("shopify-no-item", "update-inventory",
				Map.of("connection", "\"strict\"", "locationId", "\"124656943\"", "quantity", "3"));
		deploy("shopify-both", "update-inventory", Map.of("connection", "\"strict\"", "inventoryItemId", "\"30322695\"",
				"locationId", "\"124656943\"", "quantity", "3", "delta", "1"));
		deploy("shopify-no-tags", "tag-order", Map.of("connection", "\"strict\"", "orderId", "\"450789469\""));

		long noItem = ZeebeProcesses.start(this.client, "shopify-no-item");
		long both = ZeebeProcesses.start(this.client, "shopify-both");
		long noTags = ZeebeProcesses.start(this.client, "shopify-no-tags");

		ZeebeProcesses.awaitIncident(this.engine, noItem, "inventoryItemId");
		ZeebeProcesses.awaitIncident(this.engine, both, "Give either quantity (the new available quantity) or delta");
		ZeebeProcesses.awaitIncident(this.engine, noTags, "tags");
		assertThat(shopify.received()).isZero();
	}

	@Test
	void testConnectionWhenTokenAcceptedOrRejectedThenSaysSoInPlainWords() throws Exception {
		UUID connection = connection("acme", "checked");
		shopify
			.answer(200, JSON_TYPE,
					"{\"data\": {\"shop\": {\"name\": \"Acme Outfitters\", \"myshopifyDomain\": \"" + SHOP + "\"}}, "
							+ COST + "}")
			.answer(401, JSON_TYPE,
					"{\"errors\": \"[API] Invalid API key or access token (unrecognized login or wrong password)\"}");
		ZeebeProcesses.deployFor(new TenantId("acme"), testConnection(), this.client, this.registry);

		Map<String, Object> accepted = ZeebeProcesses.run(this.client, "shopify-test-connection",
				Map.of("connectionId", connection.toString()));
		Recorded request = shopify.take(Duration.ofSeconds(5));
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.uri().toString()).isEqualTo(PATH);
		assertThat(request.header("X-Shopify-Access-Token")).isEqualTo(TOKEN);
		assertThat(JSON.readTree(request.body())).isEqualTo(
				JSON.readTree("{\"query\": \"query Shop { shop { name myshopifyDomain } }\", \"variables\": {}}"));
		assertThat(accepted).containsEntry("check",
				Map.of("ok", true, "checked", true, "message", "Connected to Acme Outfitters (" + SHOP + ")"));

		Map<String, Object> rejected = ZeebeProcesses.run(this.client, "shopify-test-connection",
				Map.of("connectionId", connection.toString()));
		assertThat(rejected).containsEntry("check",
				Map.of("ok", false, "checked", true, "message", "Shopify rejected the Admin API access token (401)"));
	}

	@Test
	void syncProductsWhenShopifyPagesAndThrottlesThenStoresAllThenReadsChangesThenAFullReadRemovesWhatIsGone()
			throws Exception {
		UUID connection = connection("acme", "synced");
		shopify.answer(200, JSON_TYPE, products(1, 2, cursor(2)))
			.answer(429, Map.of("Retry-After", "1"), "")
			.answer(200, JSON_TYPE, products(3, 4, cursor(4)))
			.answer(200, JSON_TYPE, products(5, 5, null));
		ZeebeProcesses.deployFor(new TenantId("acme"), sync("products"), this.client, this.registry);

		Map<String, Object> first = ZeebeProcesses.run(this.client, "shopify-sync-products",
				Map.of("connectionId", connection.toString()));

		assertThat(first).containsEntry("sync",
				Map.of("resource", "products", "fetched", 5, "created", 5, "updated", 0, "removed", 0));
		Recorded page1 = shopify.take(Duration.ofSeconds(5));
		assertThat(page1.method()).isEqualTo("POST");
		assertThat(page1.uri().toString()).isEqualTo(PATH);
		assertThat(page1.header("X-Shopify-Access-Token")).isEqualTo(TOKEN);
		JsonNode firstBody = JSON.readTree(page1.body());
		assertThat(firstBody.path("query").asText())
			.contains("products(first: $first, after: $after, query: $query, sortKey: ID)")
			.contains("pageInfo { hasNextPage endCursor }");
		assertThat(firstBody.path("variables")).isEqualTo(JSON.readTree("{\"first\": 100}"));
		assertThat(JSON.readTree(shopify.take(Duration.ofSeconds(5)).body()).path("variables"))
			.isEqualTo(JSON.readTree("{\"first\": 100, \"after\": \"" + cursor(2) + "\"}"));
		assertThat(JSON.readTree(shopify.take(Duration.ofSeconds(5)).body()).path("variables"))
			.as("the same page again after the 429")
			.isEqualTo(JSON.readTree("{\"first\": 100, \"after\": \"" + cursor(2) + "\"}"));
		assertThat(JSON.readTree(shopify.take(Duration.ofSeconds(5)).body()).path("variables"))
			.isEqualTo(JSON.readTree("{\"first\": 100, \"after\": \"" + cursor(4) + "\"}"));
		assertThat(TenantContext.call("acme", () -> this.jdbc.sql("""
				select external_id, title, url, status, cast(data as text) as data from synced_record
				where connection_id = :c and resource = 'products' order by external_id
				""").param("c", connection).query().listOfRows())).hasSize(5).first().satisfies((row) -> {
			assertThat(row).containsEntry("external_id", "1001")
				.containsEntry("title", "Product 1")
				.containsEntry("url", "https://shop.acme.example/products/product-1")
				.containsEntry("status", "ACTIVE");
			assertThat(JSON.readTree(row.get("data").toString())).isEqualTo(JSON.readTree(
					"""
							{"gid": "gid://shopify/Product/1001", "handle": "product-1", "price": "19.9", "currency": "EUR", "stock": 11}
							"""));
		});

		shopify.answer(200, JSON_TYPE, products(2, 2, null));
		Map<String, Object> changes = ZeebeProcesses.run(this.client, "shopify-sync-products",
				Map.of("connectionId", connection.toString()));
		assertThat(JSON.readTree(shopify.take(Duration.ofSeconds(5)).body()).path("variables").path("query").asText())
			.matches("updated_at:>'\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ'");
		assertThat(changes).containsEntry("sync",
				Map.of("resource", "products", "fetched", 1, "created", 0, "updated", 1, "removed", 0));

		shopify.answer(200, JSON_TYPE, products(1, 2, null));
		Map<String, Object> full = ZeebeProcesses.run(this.client, "shopify-sync-products",
				Map.of("connectionId", connection.toString(), "full", true));
		assertThat(JSON.readTree(shopify.take(Duration.ofSeconds(5)).body()).path("variables"))
			.isEqualTo(JSON.readTree("{\"first\": 100}"));
		assertThat(full).containsEntry("sync",
				Map.of("resource", "products", "fetched", 2, "created", 0, "updated", 2, "removed", 3));
		assertThat(TenantContext.call("globex",
				() -> this.jdbc.sql("select count(*) from synced_record").query(Long.class).single()))
			.isZero();
	}

	@Test
	void syncOrdersAndCustomersWhenFetchedThenRecordsCarryWhatTheEcommerceTabShows() throws Exception {
		UUID connection = connection("acme", "shop-data");
		shopify.answer(200, JSON_TYPE, """
				{"data": {"orders": {"nodes": [
				  {"id": "gid://shopify/Order/450789469", "legacyResourceId": "450789469", "name": "#1001",
				   "email": "bob.norman@mail.example.com", "createdAt": "2026-11-20T09:58:00Z",
				   "processedAt": "2026-11-20T09:58:00Z", "updatedAt": "2026-11-21T12:00:00Z", "cancelledAt": null,
				   "displayFinancialStatus": "PAID", "displayFulfillmentStatus": "UNFULFILLED",
				   "currentTotalPriceSet": {"shopMoney": {"amount": "598.94", "currencyCode": "EUR"}}}],
				  "pageInfo": {"hasNextPage": false, "endCursor": "eyJsYXN0X2lkIjo0NTA3ODk0Njl9"}}},
				""" + COST + "}")
			.answer(200, JSON_TYPE,
					"""
							{"data": {"customers": {"nodes": [
							  {"id": "gid://shopify/Customer/207119551", "legacyResourceId": "207119551", "displayName": "Bob Norman",
							   "firstName": "Bob", "lastName": "Norman", "state": "ENABLED", "tags": ["vip"], "numberOfOrders": "3",
							   "createdAt": "2026-01-10T08:00:00Z", "updatedAt": "2026-11-21T12:00:00Z",
							   "defaultEmailAddress": {"emailAddress": "bob.norman@mail.example.com", "marketingState": "SUBSCRIBED"},
							   "amountSpent": {"amount": "1204.50", "currencyCode": "EUR"}}],
							  "pageInfo": {"hasNextPage": false, "endCursor": "eyJsYXN0X2lkIjoyMDcxMTk1NTF9"}}}}
							""");
		ZeebeProcesses.deployFor(new TenantId("acme"), sync("orders"), this.client, this.registry);
		ZeebeProcesses.deployFor(new TenantId("acme"), sync("customers"), this.client, this.registry);

		ZeebeProcesses.run(this.client, "shopify-sync-orders", Map.of("connectionId", connection.toString()));
		ZeebeProcesses.run(this.client, "shopify-sync-customers", Map.of("connectionId", connection.toString()));

		assertThat(JSON.readTree(shopify.take(Duration.ofSeconds(5)).body()).path("query").asText())
			.contains("orders(first: $first, after: $after, query: $query, sortKey: ID)");
		assertThat(JSON.readTree(shopify.take(Duration.ofSeconds(5)).body()).path("query").asText())
			.contains("customers(first: $first, after: $after, query: $query, sortKey: ID)");
		Map<String, Object> order = record(connection, "orders");
		assertThat(order).containsEntry("external_id", "450789469")
			.containsEntry("title", "#1001")
			.containsEntry("url", "https://" + SHOP + "/admin/orders/450789469")
			.containsEntry("status", "PAID");
		assertThat(JSON.readTree(order.get("data").toString())).isEqualTo(JSON.readTree("""
				{"gid": "gid://shopify/Order/450789469", "financialStatus": "PAID", "fulfillmentStatus": "UNFULFILLED",
				 "total": "598.94", "currency": "EUR", "customerEmail": "bob.norman@mail.example.com",
				 "placedAt": "2026-11-20T09:58:00Z", "cancelledAt": null}
				"""));
		Map<String, Object> customer = record(connection, "customers");
		assertThat(customer).containsEntry("title", "Bob Norman")
			.containsEntry("url", "https://" + SHOP + "/admin/customers/207119551")
			.containsEntry("status", "ENABLED");
		assertThat(JSON.readTree(customer.get("data").toString()).path("email").asText())
			.isEqualTo("bob.norman@mail.example.com");
	}

	@Test
	void stepWhenTokenRejectedThenIncidentInPlainWordsAndConnectionNeedsAttention() {
		UUID connection = connection("acme", "revoked");
		shopify.answer(401, JSON_TYPE,
				"{\"errors\": \"[API] Invalid API key or access token (unrecognized login or wrong password)\"}");
		deploy("shopify-revoked", "tag-order",
				Map.of("connection", "\"revoked\"", "orderId", "\"450789469\"", "tags", "[\"vip\"]"));

		long instance = ZeebeProcesses.start(this.client, "shopify-revoked");

		ZeebeProcesses.awaitIncident(this.engine, instance, "Shopify rejected the Admin API access token (401)");
		assertThat(ZeebeProcesses.connectionStatus(this.jdbc, "acme", connection)).isEqualTo("NEEDS_ATTENTION");
	}

	@Test
	void stepWhenShopMissingOrShopifyDownThenIncidentSaysWhatShopifyAnswered() {
		connection("acme", "flaky");
		shopify.answer(404, JSON_TYPE, "{\"errors\": \"Not Found\"}");
		deploy("shopify-missing", "tag-order",
				Map.of("connection", "\"flaky\"", "orderId", "\"450789469\"", "tags", "[\"vip\"]"));
		long missing = ZeebeProcesses.start(this.client, "shopify-missing");
		ZeebeProcesses.awaitIncident(this.engine, missing, "Shopify has no shop " + SHOP + " (404)");

		shopify.answer(503, Map.of(), "").answer(503, Map.of(), "").answer(503, Map.of(), "");
		deploy("shopify-down", "tag-order",
				Map.of("connection", "\"flaky\"", "orderId", "\"450789469\"", "tags", "[\"vip\"]"));
		long down = ZeebeProcesses.start(this.client, "shopify-down");
		ZeebeProcesses.awaitIncident(this.engine, down, "Shopify answered 503 (still after retries)");
	}

	@Test
	void stepWhenGraphqlThrottlesOrDeniesAccessInsideA200ThenIncidentSaysSoInPlainWords() {
		connection("acme", "limited");
		shopify.answer(200, JSON_TYPE, """
				{"errors": [{"message": "Throttled", "extensions": {"code": "THROTTLED",
				  "documentation": "https://shopify.dev/api/usage/rate-limits"}}],
				 "extensions": {"cost": {"requestedQueryCost": 502, "actualQueryCost": null,
				  "throttleStatus": {"maximumAvailable": 2000.0, "currentlyAvailable": 12, "restoreRate": 50.0}}}}
				""");
		deploy("shopify-throttled", "tag-order",
				Map.of("connection", "\"limited\"", "orderId", "\"450789469\"", "tags", "[\"vip\"]"));
		long throttled = ZeebeProcesses.start(this.client, "shopify-throttled");
		ZeebeProcesses.awaitIncident(this.engine, throttled,
				"Shopify is limiting requests (THROTTLED): the query costs 502 points and 12 are "
						+ "available; the step is tried again in 10s");

		shopify.answer(200, JSON_TYPE,
				"""
						{"errors": [{"message": "Access denied for tagsAdd field. Required access: `write_orders` access scope.",
						  "locations": [{"line": 2, "column": 3}], "path": ["tagsAdd"],
						  "extensions": {"code": "ACCESS_DENIED", "documentation": "https://shopify.dev/api/usage/access-scopes",
						   "requiredAccess": "`write_orders` access scope."}}],
						 "data": {"tagsAdd": null}}
						""");
		deploy("shopify-denied", "tag-order",
				Map.of("connection", "\"limited\"", "orderId", "\"450789469\"", "tags", "[\"vip\"]"));
		long denied = ZeebeProcesses.start(this.client, "shopify-denied");
		ZeebeProcesses.awaitIncident(this.engine, denied,
				"Shopify refused: the app behind the Admin API access token lacks the write_orders access scope "
						+ "(ACCESS_DENIED); add it to the app's Admin API access scopes and install the app again");
	}

	@Test
	void stepWhenConnectionBelongsToAnotherTenantThenIncidentAndNoCall() {
		connection("acme", "acme-only");
		ZeebeProcesses.deployFor(new TenantId("globex"),
				ZeebeProcesses.step("shopify-foreign", ShopifyConnector.TYPE, "tag-order",
						Map.of("connection", "\"acme-only\"", "orderId", "\"450789469\"", "tags", "[\"vip\"]")),
				this.client, this.registry);

		long instance = ZeebeProcesses.start(this.client, "shopify-foreign");

		ZeebeProcesses.awaitIncident(this.engine, instance, "No shopify connection named 'acme-only'");
		assertThat(shopify.received()).isZero();
	}

	private static String products(int from, int to, String next) {
		List<String> nodes = new ArrayList<>();
		for (int n = from; n <= to; n++) {
			int id = 1000 + n;
			nodes
				.add("""
						{"id": "gid://shopify/Product/%d", "legacyResourceId": "%d", "title": "Product %d", "handle": "product-%d",
						 "status": "ACTIVE", "updatedAt": "2026-11-2%dT10:00:00Z", "onlineStoreUrl": "https://shop.acme.example/products/product-%d",
						 "totalInventory": %d, "priceRangeV2": {"minVariantPrice": {"amount": "%d.9", "currencyCode": "EUR"}}}"""
					.formatted(id, id, n, n, n, n, 10 + n, 18 + n));
		}
		return """
				{"data": {"products": {"nodes": [%s], "pageInfo": {"hasNextPage": %s, "endCursor": %s}}}, %s}"""
			.formatted(String.join(",", nodes), next != null, (next != null) ? "\"" + next + "\"" : "null", COST);
	}

	/** Shopify's opaque cursors are base64 JSON. */
	private static String cursor(int lastProduct) {
		return Base64.getEncoder()
			.encodeToString(
					("{\"last_id\":" + (1000 + lastProduct) + ",\"last_value\":\"" + (1000 + lastProduct) + "\"}")
						.getBytes(StandardCharsets.UTF_8));
	}

	private Map<String, Object> record(UUID connection, String resource) {
		return TenantContext.call("acme", () -> this.jdbc.sql("""
				select external_id, title, url, status, cast(data as text) as data from synced_record
				where connection_id = :c and resource = :r
				""").param("c", connection).param("r", resource).query().singleRow());
	}

	private static String idempotencyKey(JsonNode body) {
		Matcher key = Pattern.compile("@idempotent\\(key: \"([^\"]+)\"\\)").matcher(body.path("query").asText());
		assertThat(key.find()).isTrue();
		return key.group(1);
	}

	private void deploy(String processId, String operation, Map<String, String> inputs) {
		ZeebeProcesses.deployFor(new TenantId("acme"),
				ZeebeProcesses.step(processId, ShopifyConnector.TYPE, operation, inputs), this.client, this.registry);
	}

	private static BpmnModelInstance testConnection() {
		return Bpmn.createExecutableProcess("shopify-test-connection")
			.startEvent()
			.serviceTask("test",
					(task) -> task.zeebeJobType(ShopifyConnector.TYPE)
						.zeebeJobRetries("1")
						.zeebeTaskHeader("operation", "test-connection")
						.zeebeTaskHeader("resultVariable", "check")
						.zeebeInputExpression("connectionId", "connectionId"))
			.endEvent()
			.done();
	}

	private static BpmnModelInstance sync(String resource) {
		return Bpmn.createExecutableProcess("shopify-sync-" + resource)
			.startEvent()
			.serviceTask("sync",
					(task) -> task.zeebeJobType(ShopifyConnector.TYPE)
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
		return ZeebeProcesses.createConnection(this.jdbc, this.secrets, tenant, "shopify", name,
				"{\"shopDomain\": \"" + SHOP + "\"}", Map.of("accessToken", TOKEN));
	}

}
