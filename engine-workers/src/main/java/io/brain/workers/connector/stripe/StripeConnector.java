package io.brain.workers.connector.stripe;

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
 * Stripe: creates customers, refunds payments, and syncs customers, payment intents and
 * invoices of a Stripe account, with a secret or restricted API key.
 */
@Component
@OutboundConnector(name = "Stripe", type = StripeConnector.TYPE)
@ElementTemplate(engineVersion = "^8.6", id = "io.brain.stripe", name = "Stripe", version = 1,
		description = "Create customers and refund payments in a Stripe account",
		icon = "io/brain/workers/connector/stripe/icon.svg",
		propertyGroups = { @ElementTemplate.PropertyGroup(id = "connection", label = "Connection"),
				@ElementTemplate.PropertyGroup(id = "customer", label = "Customer"),
				@ElementTemplate.PropertyGroup(id = "refund", label = "Refund"),
				@ElementTemplate.PropertyGroup(id = "sync", label = "Sync") })
public class StripeConnector implements OutboundConnectorProvider {

	/** The job type BPMN service tasks use to reach this connector. */
	public static final String TYPE = "io.brain:stripe:1";

	static final List<ConnectionField> FIELDS = List.of(ConnectionField.secret(StripeClient.SECRET_KEY, "Secret key",
			"Stripe Dashboard → Developers → API keys: the secret key (sk_live_… or sk_test_…), or a restricted key "
					+ "(rk_…) allowed to write customers and refunds and to read payment intents and invoices")
		.matching("(sk|rk)_(live|test)_[A-Za-z0-9]+"));

	/** Stripe as the catalog shows it. */
	public static final ConnectorDefinition DEFINITION = new ConnectorDefinition("stripe", "Stripe",
			"Customers, payments, refunds and invoices of a Stripe account (REST API, secret key).", AuthKind.API_KEY,
			FIELDS,
			List.of(ConnectorAction.read(ConnectorDefinition.READ, "Read customers, payment intents or invoices", TYPE),
					ConnectorAction.write("create-customer", "Create customer", TYPE),
					ConnectorAction.write("refund-payment", "Refund payment", TYPE)),
			List.of("customers", "invoices", "payment-intents"), ConnectorDefinition.TEST_CONNECTION);

	private final StripeClient client;

	private final ConnectorActions actions;

	private final Syncs syncs;

	StripeConnector(StripeClient client, ConnectorActions actions, Syncs syncs) {
		this.client = client;
		this.actions = actions;
		this.syncs = syncs;
	}

	@Operation(id = ConnectorDefinition.TEST_CONNECTION, name = "Test connection")
	public ConnectionCheck testConnection(@Variable TestConnectionRequest request, OutboundConnectorContext context) {
		return this.actions.test(context.getJobContext(), DEFINITION, request.connectionId(), this.client::check);
	}

	@Operation(id = ConnectorDefinition.SYNC, name = "Sync customers, payment intents or invoices")
	public SyncResult sync(@Variable SyncRequest request, OutboundConnectorContext context) {
		return this.syncs.run(context.getJobContext(), DEFINITION, request, this.client::fetch);
	}

	@Operation(id = ConnectorDefinition.READ, name = "Read customers, payment intents or invoices")
	public ReadResult read(@Variable ReadRequest request, OutboundConnectorContext context) {
		return this.syncs.read(context.getJobContext(), DEFINITION, request, this.client::fetch);
	}

	@Operation(id = "create-customer", name = "Create customer")
	public CustomerResult createCustomer(@Variable CreateCustomerRequest request, OutboundConnectorContext context) {
		if (isBlank(request.email()) && isBlank(request.name())) {
			throw new ConnectorInputException("Give the customer an email, a name, or both");
		}
		if (request.metadata() != null) {
			if (request.metadata().size() > 50) {
				throw new ConnectorInputException(
						"Stripe keeps at most 50 metadata keys; the step gives " + request.metadata().size());
			}
			for (String key : request.metadata().keySet()) {
				if (key.isBlank() || key.length() > 40 || key.contains("[") || key.contains("]")) {
					throw new ConnectorInputException("Metadata key '" + key
							+ "' is not allowed: Stripe takes keys of 1 to 40 characters without square brackets");
				}
			}
		}
		String key = ConnectorActions.idempotencyKey(context.getJobContext(), DEFINITION, "create-customer");
		return this.actions.performOn(context.getJobContext(), DEFINITION, request.connection(), "create-customer",
				(connection) -> this.client.createCustomer(connection, request, key),
				(result) -> Map.of("customer", result.id()));
	}

	@Operation(id = "refund-payment", name = "Refund payment")
	public RefundResult refundPayment(@Variable RefundPaymentRequest request, OutboundConnectorContext context) {
		String key = ConnectorActions.idempotencyKey(context.getJobContext(), DEFINITION, "refund-payment");
		return this.actions.performOn(context.getJobContext(), DEFINITION, request.connection(), "refund-payment",
				(connection) -> this.client.refund(connection, request, key),
				(result) -> Map.of("refund", result.id(), "paymentIntent", result.paymentIntent(), "amount",
						result.amount(), "currency", String.valueOf(result.currency())));
	}

	/**
	 * The {@code Idempotency-Key} of a step: the same for every try of one job (its
	 * element instance does not change when Zeebe retries the job, and the shared
	 * outbound stack resends it on 429 and 5xx), different when the process runs the step
	 * again. Stripe then creates one customer or refund per step.
	 */

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

}
