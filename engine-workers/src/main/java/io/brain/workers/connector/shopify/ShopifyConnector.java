package io.brain.workers.connector.shopify;

import java.util.List;
import java.util.Map;

import io.brain.workers.catalog.ConnectionField;
import io.brain.workers.catalog.ConnectorDefinition;
import io.brain.workers.catalog.ConnectorDefinition.AuthKind;
import io.brain.workers.catalog.ConnectorDefinition.ConnectorAction;
import io.brain.workers.connection.ConnectionCheck;
import io.brain.workers.connection.ConnectorActions;
import io.brain.workers.connection.TestConnectionRequest;
import io.brain.workers.sync.ReadRequest;
import io.brain.workers.sync.ReadResult;
import io.brain.workers.sync.SyncRequest;
import io.brain.workers.sync.SyncResult;
import io.brain.workers.sync.Syncs;
import io.camunda.connector.api.annotation.OutboundConnector;
import io.camunda.connector.api.annotation.Operation;
import io.camunda.connector.api.annotation.Variable;
import io.camunda.connector.api.error.ConnectorInputException;
import io.camunda.connector.api.outbound.OutboundConnectorContext;
import io.camunda.connector.api.outbound.OutboundConnectorProvider;
import io.camunda.connector.generator.java.annotation.ElementTemplate;

import org.springframework.stereotype.Component;

/**
 * Shopify: sets or adjusts the stock of inventory items, tags orders, and syncs products,
 * orders and customers of a store through the GraphQL Admin API, with the Admin API
 * access token of a custom app.
 */
@Component
@OutboundConnector(name = "Shopify", type = ShopifyConnector.TYPE)
@ElementTemplate(engineVersion = "^8.6", id = "io.brain.shopify", name = "Shopify", version = 1,
		description = "Update inventory and tag orders of a Shopify store",
		icon = "io/brain/workers/connector/shopify/icon.svg",
		propertyGroups = { @ElementTemplate.PropertyGroup(id = "connection", label = "Connection"),
				@ElementTemplate.PropertyGroup(id = "inventory", label = "Inventory"),
				@ElementTemplate.PropertyGroup(id = "order", label = "Order"),
				@ElementTemplate.PropertyGroup(id = "sync", label = "Sync") })
public class ShopifyConnector implements OutboundConnectorProvider {

	/** The job type BPMN service tasks use to reach this connector. */
	public static final String TYPE = "io.brain:shopify:1";

	static final List<ConnectionField> FIELDS = List.of(
			ConnectionField.text(ShopifyClient.SHOP_DOMAIN, "Shop domain",
					"Your store's permanent domain, e.g. my-shop.myshopify.com (Shopify admin → Settings → Domains)")
				.matching(ShopifyClient.SHOP_DOMAIN_PATTERN),
			ConnectionField.secret(ShopifyClient.ACCESS_TOKEN, "Admin API access token",
					"Shopify admin → Settings → Apps and sales channels → Develop apps → your app → API credentials "
							+ "→ Admin API access token (starts with shpat_); the app needs the scopes read_products, "
							+ "read_orders, read_customers, write_inventory and write_orders")
				.matching("shp(at|ca|pa)_[A-Za-z0-9]+"));

	/** Shopify as the catalog shows it. */
	public static final ConnectorDefinition DEFINITION = new ConnectorDefinition("shopify", "Shopify",
			"Products, orders, customers and inventory of a Shopify store (GraphQL Admin API, access token).",
			AuthKind.API_KEY, FIELDS,
			List.of(ConnectorAction.read(ConnectorDefinition.READ, "Read products, orders or customers", TYPE),
					ConnectorAction.write("update-inventory", "Update inventory", TYPE),
					ConnectorAction.write("tag-order", "Tag order", TYPE)),
			List.of("customers", "orders", "products"), ConnectorDefinition.TEST_CONNECTION);

	private final ShopifyClient client;

	private final ConnectorActions actions;

	private final Syncs syncs;

	ShopifyConnector(ShopifyClient client, ConnectorActions actions, Syncs syncs) {
		this.client = client;
		this.actions = actions;
		this.syncs = syncs;
	}

	@Operation(id = ConnectorDefinition.TEST_CONNECTION, name = "Test connection")
	public ConnectionCheck testConnection(@Variable TestConnectionRequest request, OutboundConnectorContext context) {
		return this.actions.test(context.getJobContext(), DEFINITION, request.connectionId(), this.client::check);
	}

	@Operation(id = ConnectorDefinition.SYNC, name = "Sync products, orders or customers")
	public SyncResult sync(@Variable SyncRequest request, OutboundConnectorContext context) {
		return this.syncs.run(context.getJobContext(), DEFINITION, request, this.client::fetch);
	}

	@Operation(id = ConnectorDefinition.READ, name = "Read products, orders or customers")
	public ReadResult read(@Variable ReadRequest request, OutboundConnectorContext context) {
		return this.syncs.read(context.getJobContext(), DEFINITION, request, this.client::fetch);
	}

	@Operation(id = "update-inventory", name = "Update inventory")
	public InventoryResult updateInventory(@Variable UpdateInventoryRequest request, OutboundConnectorContext context) {
		if ((request.quantity() == null) == (request.delta() == null)) {
			throw new ConnectorInputException(
					"Give either quantity (the new available quantity) or delta (how much to add or remove), not both");
		}
		String key = ConnectorActions.idempotencyKey(context.getJobContext(), DEFINITION, "update-inventory");
		return this.actions.performOn(context.getJobContext(), DEFINITION, request.connection(), "update-inventory",
				(connection) -> this.client.updateInventory(connection, request, key),
				(result) -> Map.of("inventoryItemId", result.inventoryItemId(), "locationId", result.locationId(),
						"delta", result.delta()));
	}

	@Operation(id = "tag-order", name = "Tag order")
	public TagOrderResult tagOrder(@Variable TagOrderRequest request, OutboundConnectorContext context) {
		return this.actions.performOn(context.getJobContext(), DEFINITION, request.connection(), "tag-order",
				(connection) -> this.client.tagOrder(connection, request),
				(result) -> Map.of("orderId", result.orderId(), "tags", request.tags()));
	}

}
