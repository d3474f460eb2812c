package io.brain.workers.connector.woocommerce;

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
import io.camunda.connector.api.outbound.OutboundConnectorContext;
import io.camunda.connector.api.outbound.OutboundConnectorProvider;
import io.camunda.connector.generator.java.annotation.ElementTemplate;

import org.springframework.stereotype.Component;

/**
 * WooCommerce: sets order statuses and stock quantities of a store and syncs its
 * products, orders and customers, through the REST API v3 with a REST API key.
 */
@Component
@OutboundConnector(name = "WooCommerce", type = WooCommerceConnector.TYPE)
@ElementTemplate(engineVersion = "^8.6", id = "io.brain.woocommerce", name = "WooCommerce", version = 1,
		description = "Update order statuses and stock of a WooCommerce store; sync products, orders and customers",
		icon = "io/brain/workers/connector/woocommerce/icon.svg",
		propertyGroups = { @ElementTemplate.PropertyGroup(id = "connection", label = "Connection"),
				@ElementTemplate.PropertyGroup(id = "order", label = "Order"),
				@ElementTemplate.PropertyGroup(id = "stock", label = "Stock"),
				@ElementTemplate.PropertyGroup(id = "sync", label = "Sync") })
public class WooCommerceConnector implements OutboundConnectorProvider {

	/** The job type BPMN service tasks use to reach this connector. */
	public static final String TYPE = "io.brain:woocommerce:1";

	static final List<ConnectionField> FIELDS = List.of(
			ConnectionField
				.url("storeUrl", "Store address",
						"Your store's address as shoppers see it, e.g. https://shop.example.com; it must be HTTPS, "
								+ "WooCommerce accepts REST API keys over HTTPS only")
				.matching("https://.+"),
			ConnectionField
				.text("consumerKey", "Consumer key",
						"WordPress admin → WooCommerce → Settings → Advanced → REST API → Add key (Read/Write); "
								+ "the consumer key starts with ck_")
				.matching("ck_\\w+"),
			ConnectionField
				.secret("consumerSecret", "Consumer secret",
						"Shown once, next to the consumer key, when the key is generated; it starts with cs_")
				.matching("cs_\\w+"));

	/** WooCommerce as the catalog shows it. */
	public static final ConnectorDefinition DEFINITION = new ConnectorDefinition("woocommerce", "WooCommerce",
			"Orders, products and customers of a WooCommerce store (REST API v3, consumer key and secret).",
			AuthKind.API_KEY, FIELDS,
			List.of(ConnectorAction.read(ConnectorDefinition.READ, "Read products, orders or customers", TYPE),
					ConnectorAction.write("update-order-status", "Update order status", TYPE),
					ConnectorAction.write("update-stock", "Update stock", TYPE)),
			List.of("products", "orders", "customers"), ConnectorDefinition.TEST_CONNECTION);

	private final WooCommerceClient client;

	private final ConnectorActions actions;

	private final Syncs syncs;

	WooCommerceConnector(WooCommerceClient client, ConnectorActions actions, Syncs syncs) {
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

	@Operation(id = "update-order-status", name = "Update order status")
	public OrderResult updateOrderStatus(@Variable UpdateOrderStatusRequest request, OutboundConnectorContext context) {
		return this.actions.performOn(context.getJobContext(), DEFINITION, request.connection(), "update-order-status",
				(connection) -> this.client.updateOrderStatus(connection, request),
				(result) -> Map.of("orderId", result.id(), "status", request.status()));
	}

	@Operation(id = "update-stock", name = "Update stock")
	public StockResult updateStock(@Variable UpdateStockRequest request, OutboundConnectorContext context) {
		return this.actions.performOn(context.getJobContext(), DEFINITION, request.connection(), "update-stock",
				(connection) -> this.client.updateStock(connection, request), (result) -> Map.of("productId",
						request.productId(), "id", result.id(), "quantity", request.quantity()));
	}

}
