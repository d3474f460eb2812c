package io.brain.workers.connector.shopify;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import io.camunda.connector.api.error.ConnectorRetryException;

import org.springframework.stereotype.Component;

/**
 * Shopify's GraphQL Admin API ({@code POST /admin/api/2026-10/graphql.json}),
 * authenticated with the Admin API access token of a custom app
 * ({@code X-Shopify-Access-Token}).
 * <p>
 * GraphQL answers 200 even when it refuses: top-level {@code errors} (throttling, missing
 * access scopes, invalid queries) and a mutation's {@code userErrors} become job errors
 * in plain words here.
 */
@Component
class ShopifyClient {

	/** The stable Admin API version this client is written against. */
	static final String API_VERSION = "2026-10";

	static final String GRAPHQL = "/admin/api/" + API_VERSION + "/graphql.json";

	static final String ACCESS_TOKEN = "accessToken";

	static final String SHOP_DOMAIN = "shopDomain";

	/** A shop's permanent domain, as the connection form checks it. */
	static final String SHOP_DOMAIN_PATTERN = "[a-zA-Z0-9][a-zA-Z0-9\\-]*\\.myshopify\\.com";

	private static final Pattern SHOP = Pattern.compile(SHOP_DOMAIN_PATTERN);

	static final String SHOP_QUERY = "query Shop { shop { name myshopifyDomain } }";

	static final String PRODUCTS_QUERY = """
			query Products($first: Int!, $after: String, $query: String) {
			  products(first: $first, after: $after, query: $query, sortKey: ID) {
			    nodes {
			      id legacyResourceId title handle status updatedAt onlineStoreUrl totalInventory
			      priceRangeV2 { minVariantPrice { amount currencyCode } }
			    }
			    pageInfo { hasNextPage endCursor }
			  }
			}""";

	static final String ORDERS_QUERY = """
			query Orders($first: Int!, $after: String, $query: String) {
			  orders(first: $first, after: $after, query: $query, sortKey: ID) {
			    nodes {
			      id legacyResourceId name email createdAt processedAt updatedAt cancelledAt
			      displayFinancialStatus displayFulfillmentStatus
			      currentTotalPriceSet { shopMoney { amount currencyCode } }
			    }
			    pageInfo { hasNextPage endCursor }
			  }
			}""";

	static final String CUSTOMERS_QUERY = """
			query Customers($first: Int!, $after: String, $query: String) {
			  customers(first: $first, after: $after, query: $query, sortKey: ID) {
			    nodes {
			      id legacyResourceId displayName firstName lastName state tags numberOfOrders createdAt updatedAt
			      defaultEmailAddress { emailAddress marketingState }
			      amountSpent { amount currencyCode }
			    }
			    pageInfo { hasNextPage endCursor }
			  }
			}""";

	static final String SET_QUANTITY_MUTATION = """
			mutation SetAvailable($input: InventorySetQuantitiesInput!) {
			  inventorySetQuantities(input: $input) @idempotent(key: "%s") {
			    inventoryAdjustmentGroup { reason changes(quantityNames: ["available"]) { name delta quantityAfterChange } }
			    userErrors { field message code }
			  }
			}""";

	static final String ADJUST_QUANTITY_MUTATION = """
			mutation AdjustAvailable($input: InventoryAdjustQuantitiesInput!) {
			  inventoryAdjustQuantities(input: $input) @idempotent(key: "%s") {
			    inventoryAdjustmentGroup { reason changes(quantityNames: ["available"]) { name delta quantityAfterChange } }
			    userErrors { field message code }
			  }
			}""";

	static final String TAGS_ADD_MUTATION = """
			mutation TagOrder($id: ID!, $tags: [String!]!) {
			  tagsAdd(id: $id, tags: $tags) {
			    node { id ... on Order { name tags } }
			    userErrors { field message }
			  }
			}""";

	private static final Map<String, String> QUERIES = Map.of("products", PRODUCTS_QUERY, "orders", ORDERS_QUERY,
			"customers", CUSTOMERS_QUERY);

	private static final int PAGE_SIZE = 100;

	private static final Duration LONGEST_THROTTLE_WAIT = Duration.ofSeconds(60);

	private final ProviderHttp http;

	private final ProviderEndpoints endpoints;

	ShopifyClient(ProviderHttp http, ProviderEndpoints endpoints) {
		this.http = http;
		this.endpoints = endpoints;
	}

	/**
	 * Checks the access token by asking Shopify which shop it opens.
	 * @param connection the connection
	 * @return the shop's name, or what Shopify refused, in plain words
	 */
	ConnectionCheck check(ResolvedConnection connection) {
		JsonNode shop = graphql(connection, SHOP_QUERY, JsonNodeFactory.instance.objectNode()).path("shop");
		return ConnectionCheck.ok("Connected to " + shop.path("name").asText(shop(connection)) + " ("
				+ shop.path("myshopifyDomain").asText(shop(connection)) + ")");
	}

	/**
	 * Sets the available quantity of an inventory item at a location
	 * ({@code inventorySetQuantities}), or changes it by a delta
	 * ({@code inventoryAdjustQuantities}), with an idempotency key so a retried step
	 * changes the stock once.
	 * @param connection the connection
	 * @param request what to change
	 * @param idempotencyKey the same for every try of one step
	 * @return the change Shopify made
	 */
	InventoryResult updateInventory(ResolvedConnection connection, UpdateInventoryRequest request,
			String idempotencyKey) {
		String item = gid("InventoryItem", request.inventoryItemId());
		String location = gid("Location", request.locationId());
		boolean set = request.quantity() != null;
		ObjectNode change = JsonNodeFactory.instance.objectNode();
		change.put("inventoryItemId", item);
		change.put("locationId", location);
		if (set) {
			change.put("quantity", request.quantity());
		}
		else {
			change.put("delta", request.delta());
		}
		// Mandatory since 2026-04: null opts out of Shopify's compare-and-swap check.
		if (request.expectedQuantity() != null) {
			change.put("changeFromQuantity", request.expectedQuantity());
		}
		else {
			change.putNull("changeFromQuantity");
		}
		ObjectNode input = JsonNodeFactory.instance.objectNode();
		input.put("name", "available");
		input.put("reason", request.reasonOrDefault());
		input.putArray(set ? "quantities" : "changes").add(change);
		ObjectNode variables = JsonNodeFactory.instance.objectNode();
		variables.set("input", input);
		String mutation = set ? "inventorySetQuantities" : "inventoryAdjustQuantities";
		String document = (set ? SET_QUANTITY_MUTATION : ADJUST_QUANTITY_MUTATION).formatted(idempotencyKey);
		JsonNode payload = graphql(connection, document, variables).path(mutation);
		refuseOnUserErrors(payload, "change the inventory of " + item + " at " + location);
		int delta = 0;
		Integer available = null;
		for (JsonNode changed : payload.path("inventoryAdjustmentGroup").path("changes")) {
			if ("available".equals(changed.path("name").asText())) {
				delta = changed.path("delta").asInt();
				available = changed.path("quantityAfterChange").isNumber() ? changed.path("quantityAfterChange").asInt()
						: null;
			}
		}
		return new InventoryResult(item, location, delta, available);
	}

	/**
	 * Adds tags to an order ({@code tagsAdd}); tags it already has stay.
	 * @param connection the connection
	 * @param request the order and the tags
	 * @return the order's name and every tag it now has
	 */
	TagOrderResult tagOrder(ResolvedConnection connection, TagOrderRequest request) {
		String order = gid("Order", request.orderId());
		ObjectNode variables = JsonNodeFactory.instance.objectNode();
		variables.put("id", order);
		ArrayNode tags = variables.putArray("tags");
		request.tags().forEach(tags::add);
		JsonNode payload = graphql(connection, TAGS_ADD_MUTATION, variables).path("tagsAdd");
		refuseOnUserErrors(payload, "tag order " + order);
		JsonNode node = payload.path("node");
		List<String> now = new ArrayList<>();
		node.path("tags").forEach((tag) -> now.add(tag.asText()));
		return new TagOrderResult(node.path("id").asText(order), node.path("name").asText(null), now);
	}

	/**
	 * Fetches every product, order or customer (changed since a time, when given), 100 at
	 * a time, following Shopify's cursors while {@code pageInfo.hasNextPage}.
	 * @param connection the connection
	 * @param resource {@code products}, {@code orders} or {@code customers}
	 * @param changedSince only what was updated after this, or {@code null} for all
	 * @return the records, normalized
	 */
	Fetched fetch(ResolvedConnection connection, String resource, Instant changedSince) {
		String query = QUERIES.get(resource);
		String shop = shop(connection);
		String search = (changedSince != null) ? "updated_at:>'" + changedSince.truncatedTo(ChronoUnit.SECONDS) + "'"
				: null;
		Function<JsonNode, SyncedRecord> normalize = switch (resource) {
			case "products" -> (node) -> product(node, shop);
			case "orders" -> (node) -> order(node, shop);
			default -> (node) -> customer(node, shop);
		};
		List<SyncedRecord> records = Pages.collect("Shopify", (cursor) -> {
			ObjectNode variables = JsonNodeFactory.instance.objectNode();
			variables.put("first", PAGE_SIZE);
			if (cursor != null) {
				variables.put("after", cursor);
			}
			if (search != null) {
				variables.put("query", search);
			}
			JsonNode connectionNode = graphql(connection, query, variables).path(resource);
			List<SyncedRecord> items = new ArrayList<>();
			connectionNode.path("nodes").forEach((node) -> items.add(normalize.apply(node)));
			JsonNode pageInfo = connectionNode.path("pageInfo");
			return new Page<>(items,
					pageInfo.path("hasNextPage").asBoolean(false) ? pageInfo.path("endCursor").asText(null) : null);
		});
		return Fetched.since(changedSince, records);
	}

	private static SyncedRecord product(JsonNode node, String shop) {
		String id = node.path("legacyResourceId").asText();
		JsonNode price = node.path("priceRangeV2").path("minVariantPrice");
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("gid", node.path("id").asText(null));
		data.put("handle", node.path("handle").asText(null));
		data.put("price", price.path("amount").asText(null));
		data.put("currency", price.path("currencyCode").asText(null));
		data.put("stock", node.path("totalInventory").isNumber() ? node.path("totalInventory").asInt() : null);
		String url = node.path("onlineStoreUrl").asText(null);
		return new SyncedRecord(id, node.path("title").asText(null),
				(url != null) ? url : "https://" + shop + "/admin/products/" + id, node.path("status").asText(null),
				instant(node.path("updatedAt")), data);
	}

	private static SyncedRecord order(JsonNode node, String shop) {
		String id = node.path("legacyResourceId").asText();
		JsonNode total = node.path("currentTotalPriceSet").path("shopMoney");
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("gid", node.path("id").asText(null));
		data.put("financialStatus", node.path("displayFinancialStatus").asText(null));
		data.put("fulfillmentStatus", node.path("displayFulfillmentStatus").asText(null));
		data.put("total", total.path("amount").asText(null));
		data.put("currency", total.path("currencyCode").asText(null));
		data.put("customerEmail", node.path("email").asText(null));
		data.put("placedAt", node.path("processedAt").asText(node.path("createdAt").asText(null)));
		data.put("cancelledAt", node.path("cancelledAt").asText(null));
		String status = node.path("cancelledAt").isTextual() ? "CANCELLED"
				: node.path("displayFinancialStatus").asText(null);
		return new SyncedRecord(id, node.path("name").asText(null), "https://" + shop + "/admin/orders/" + id, status,
				instant(node.path("updatedAt")), data);
	}

	private static SyncedRecord customer(JsonNode node, String shop) {
		String id = node.path("legacyResourceId").asText();
		JsonNode spent = node.path("amountSpent");
		List<String> tags = new ArrayList<>();
		node.path("tags").forEach((tag) -> tags.add(tag.asText()));
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("gid", node.path("id").asText(null));
		data.put("email", node.path("defaultEmailAddress").path("emailAddress").asText(null));
		data.put("marketingState", node.path("defaultEmailAddress").path("marketingState").asText(null));
		data.put("firstName", node.path("firstName").asText(null));
		data.put("lastName", node.path("lastName").asText(null));
		data.put("orders", node.path("numberOfOrders").asText(null));
		data.put("amountSpent", spent.path("amount").asText(null));
		data.put("currency", spent.path("currencyCode").asText(null));
		data.put("tags", tags);
		data.put("createdAt", node.path("createdAt").asText(null));
		return new SyncedRecord(id, node.path("displayName").asText(null), "https://" + shop + "/admin/customers/" + id,
				node.path("state").asText(null), instant(node.path("updatedAt")), data);
	}

	private static Instant instant(JsonNode value) {
		return value.isTextual() ? Instant.parse(value.asText()) : null;
	}

	/**
	 * Sends a GraphQL document and answers its {@code data}, or throws what Shopify
	 * refused in plain words: the HTTP status first (401, 404, 5xx after retries), then
	 * the top-level {@code errors} of a 200.
	 */
	private JsonNode graphql(ResolvedConnection connection, String document, ObjectNode variables) {
		ObjectNode body = JsonNodeFactory.instance.objectNode();
		body.put("query", document);
		body.set("variables", variables);
		ProviderResponse response = api(connection).post(GRAPHQL, body);
		if (!response.ok()) {
			throw httpFailure(response, connection);
		}
		JsonNode answer = response.body();
		JsonNode errors = answer.path("errors");
		if (errors.isArray() && !errors.isEmpty()) {
			throw graphqlFailure(errors, answer.path("extensions"));
		}
		return answer.path("data");
	}

	/**
	 * Shopify's 4xx bodies say {@code {"errors": "..."}} as text, which the shared
	 * wording leaves out; it is added where it helps (402 frozen shop, 423 locked shop).
	 */
	private static ConnectorException httpFailure(ProviderResponse response, ResolvedConnection connection) {
		ConnectorException failure = response.failure("shop " + shop(connection));
		String said = response.body().path("errors").isTextual() ? response.body().path("errors").asText() : "";
		if (response.said().isEmpty() && !said.isBlank() && response.status() != 401 && response.status() != 404) {
			return new ConnectorException(failure.getErrorCode(), failure.getMessage() + ": " + said.trim());
		}
		return failure;
	}

	private static ConnectorException graphqlFailure(JsonNode errors, JsonNode extensions) {
		List<String> messages = new ArrayList<>();
		for (JsonNode error : errors) {
			String code = error.path("extensions").path("code").asText("");
			if (code.equals("THROTTLED")) {
				return throttled(extensions);
			}
			if (code.equals("ACCESS_DENIED")) {
				String required = error.path("extensions").path("requiredAccess").asText("").replace("`", "").trim();
				return new ConnectorException("403", "Shopify refused: the app behind the Admin API access token lacks "
						+ (required.isEmpty() ? "an access scope" : "the " + required.replaceAll("\\.$", ""))
						+ " (ACCESS_DENIED); add it to the app's Admin API access scopes and install the app again");
			}
			if (code.equals("INTERNAL_SERVER_ERROR")) {
				return new ConnectorException("500",
						"Shopify failed on its side (INTERNAL_SERVER_ERROR): " + error.path("message").asText(""));
			}
			messages.add(error.path("message").asText("") + (code.isEmpty() ? "" : " (" + code + ")"));
		}
		return new ConnectorException("400", "Shopify refused the request: " + String.join("; ", messages));
	}

	/**
	 * GraphQL throttling is a 200 with {@code THROTTLED}: the step is retried once enough
	 * query points are restored, as {@code extensions.cost} says.
	 */
	private static ConnectorException throttled(JsonNode extensions) {
		JsonNode cost = extensions.path("cost");
		JsonNode bucket = cost.path("throttleStatus");
		double needed = cost.path("requestedQueryCost").asDouble(0);
		double available = bucket.path("currentlyAvailable").asDouble(0);
		double restoreRate = bucket.path("restoreRate").asDouble(0);
		long seconds = (restoreRate > 0) ? (long) Math.ceil(Math.max(needed - available, 0) / restoreRate) : 1;
		Duration wait = Duration.ofSeconds(Math.max(1, seconds));
		if (wait.compareTo(LONGEST_THROTTLE_WAIT) > 0) {
			wait = LONGEST_THROTTLE_WAIT;
		}
		String detail = (cost.has("requestedQueryCost")) ? ": the query costs " + (long) needed + " points and "
				+ (long) available + " are available; the step is tried again in " + wait.toSeconds() + "s" : "";
		return ConnectorRetryException.builder()
			.errorCode("429")
			.message("Shopify is limiting requests (THROTTLED)" + detail)
			.backoffDuration(wait)
			.build();
	}

	/**
	 * A mutation Shopify refused lists {@code userErrors}; a stale expected quantity is a
	 * conflict (409) a model can catch, anything else invalid input (422).
	 */
	private static void refuseOnUserErrors(JsonNode payload, String action) {
		JsonNode userErrors = payload.path("userErrors");
		if (!userErrors.isArray() || userErrors.isEmpty()) {
			return;
		}
		List<String> messages = new ArrayList<>();
		boolean stale = false;
		for (JsonNode error : userErrors) {
			String code = error.path("code").asText("");
			stale |= code.equals("CHANGE_FROM_QUANTITY_STALE");
			List<String> field = new ArrayList<>();
			error.path("field").forEach((part) -> field.add(part.asText()));
			messages.add(error.path("message").asText("") + (code.isEmpty() && field.isEmpty() ? ""
					: " (" + (code.isEmpty() ? String.join(".", field) : code) + ")"));
		}
		throw new ConnectorException(stale ? "409" : "422",
				"Shopify refused to " + action + ": " + String.join("; ", messages));
	}

	/** A global id from an id the step gave as a gid or as a number. */
	static String gid(String type, String id) {
		String trimmed = id.trim();
		return trimmed.startsWith("gid://") ? trimmed : "gid://shopify/" + type + "/" + trimmed;
	}

	/**
	 * The shop's permanent domain from the connection, tolerating a scheme or a trailing
	 * slash; anything else is refused before any call, so a connection cannot send the
	 * access token elsewhere.
	 */
	static String shop(ResolvedConnection connection) {
		String value = String.valueOf(connection.text(SHOP_DOMAIN))
			.trim()
			.toLowerCase(Locale.ROOT)
			.replaceFirst("^https://", "")
			.replaceFirst("/+$", "");
		if (!SHOP.matcher(value).matches()) {
			throw ConnectorRetryException.builder()
				.errorCode("INVALID_SHOP_DOMAIN")
				.message("The shop domain of the Shopify connection '" + connection.name()
						+ "' must be the shop's permanent domain, such as my-shop.myshopify.com")
				.retries(0)
				.build();
		}
		return value;
	}

	private ProviderHttp.Api api(ResolvedConnection connection) {
		String base = this.endpoints.url("shopify", "https://" + shop(connection));
		return this.http.to("Shopify", base)
			.header("X-Shopify-Access-Token", String.valueOf(connection.secret(ACCESS_TOKEN)))
			.credential("Admin API access token");
	}

}
