package io.brain.workers.connector.hubspot;

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
 * HubSpot: creates and updates contacts and syncs contacts, companies and deals through
 * the CRM API, with a private app's access token.
 */
@Component
@OutboundConnector(name = "HubSpot", type = HubSpotConnector.TYPE)
@ElementTemplate(engineVersion = "^8.6", id = "io.brain.hubspot", name = "HubSpot", version = 1,
		description = "Create and update HubSpot contacts; sync contacts, companies and deals",
		icon = "io/brain/workers/connector/hubspot/icon.svg",
		propertyGroups = { @ElementTemplate.PropertyGroup(id = "connection", label = "Connection"),
				@ElementTemplate.PropertyGroup(id = "contact", label = "Contact"),
				@ElementTemplate.PropertyGroup(id = "sync", label = "Sync") })
public class HubSpotConnector implements OutboundConnectorProvider {

	/** The job type BPMN service tasks use to reach this connector. */
	public static final String TYPE = "io.brain:hubspot:1";

	static final List<ConnectionField> FIELDS = List.of(ConnectionField.secret("accessToken",
			"Private app access token",
			"HubSpot → Settings (gear icon) → Integrations → Private apps (Legacy apps in newer accounts) → your app → "
					+ "Auth → Access token → Show token; starts with pat-. The app needs the CRM scopes for contacts, "
					+ "companies and deals (read; write for contacts)"));

	/** HubSpot as the catalog shows it. */
	public static final ConnectorDefinition DEFINITION = new ConnectorDefinition("hubspot", "HubSpot",
			"Contacts, companies and deals of a HubSpot CRM (CRM API v3, private app access token).",
			AuthKind.BEARER_TOKEN, FIELDS,
			List.of(ConnectorAction.read(ConnectorDefinition.READ, "Read contacts, companies or deals", TYPE),
					ConnectorAction.write("create-contact", "Create contact", TYPE),
					ConnectorAction.write("update-contact", "Update contact", TYPE),
					ConnectorAction.write("upsert-contact", "Create or update contact by email", TYPE)),
			List.of("contacts", "companies", "deals"), ConnectorDefinition.TEST_CONNECTION);

	private final HubSpotClient client;

	private final ConnectorActions actions;

	private final Syncs syncs;

	HubSpotConnector(HubSpotClient client, ConnectorActions actions, Syncs syncs) {
		this.client = client;
		this.actions = actions;
		this.syncs = syncs;
	}

	@Operation(id = ConnectorDefinition.TEST_CONNECTION, name = "Test connection")
	public ConnectionCheck testConnection(@Variable TestConnectionRequest request, OutboundConnectorContext context) {
		return this.actions.test(context.getJobContext(), DEFINITION, request.connectionId(), this.client::check);
	}

	@Operation(id = ConnectorDefinition.SYNC, name = "Sync contacts, companies or deals")
	public SyncResult sync(@Variable SyncRequest request, OutboundConnectorContext context) {
		return this.syncs.run(context.getJobContext(), DEFINITION, request, this.client::fetch);
	}

	@Operation(id = ConnectorDefinition.READ, name = "Read contacts, companies or deals")
	public ReadResult read(@Variable ReadRequest request, OutboundConnectorContext context) {
		return this.syncs.read(context.getJobContext(), DEFINITION, request, this.client::fetch);
	}

	@Operation(id = "create-contact", name = "Create contact")
	public ContactResult createContact(@Variable ContactRequest request, OutboundConnectorContext context) {
		return this.actions.performOn(context.getJobContext(), DEFINITION, request.connection(), "create-contact",
				(connection) -> this.client.createContact(connection, request), HubSpotConnector::details);
	}

	@Operation(id = "update-contact", name = "Update contact")
	public ContactResult updateContact(@Variable UpdateContactRequest request, OutboundConnectorContext context) {
		if (!request.byId() && (request.email() == null || request.email().isBlank())) {
			throw new ConnectorInputException("contactId or email is required to find the contact to update");
		}
		if (request.hubSpotProperties().isEmpty()) {
			throw new ConnectorInputException("Nothing to update: give at least one property");
		}
		return this.actions.performOn(context.getJobContext(), DEFINITION, request.connection(), "update-contact",
				(connection) -> this.client.updateContact(connection, request), HubSpotConnector::details);
	}

	@Operation(id = "upsert-contact", name = "Create or update contact by email")
	public ContactResult upsertContact(@Variable ContactRequest request, OutboundConnectorContext context) {
		return this.actions.performOn(context.getJobContext(), DEFINITION, request.connection(), "upsert-contact",
				(connection) -> this.client.upsertContact(connection, request), HubSpotConnector::details);
	}

	private static Map<String, Object> details(ContactResult result) {
		return Map.of("id", String.valueOf(result.id()), "created", result.created());
	}

}
