package io.brain.workers.connector.fluentcrm;

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
 * FluentCRM: creates, updates and tags contacts of the CRM plugin on a WordPress site and
 * syncs its contacts, lists and tags, with an application password of one of its users.
 */
@Component
@OutboundConnector(name = "FluentCRM", type = FluentCrmConnector.TYPE)
@ElementTemplate(engineVersion = "^8.6", id = "io.brain.fluentcrm", name = "FluentCRM", version = 1,
		description = "Create, update and tag FluentCRM contacts; sync contacts, lists and tags",
		icon = "io/brain/workers/connector/fluentcrm/icon.svg",
		propertyGroups = { @ElementTemplate.PropertyGroup(id = "connection", label = "Connection"),
				@ElementTemplate.PropertyGroup(id = "contact", label = "Contact"),
				@ElementTemplate.PropertyGroup(id = "sync", label = "Sync") })
public class FluentCrmConnector implements OutboundConnectorProvider {

	/** The job type BPMN service tasks use to reach this connector. */
	public static final String TYPE = "io.brain:fluentcrm:1";

	static final List<ConnectionField> FIELDS = List.of(
			ConnectionField.url("siteUrl", "Site address",
					"The address of the WordPress site FluentCRM runs on, e.g. https://www.example.com"),
			ConnectionField.text("username", "Username",
					"The WordPress user of the key: FluentCRM → Settings → REST API → Add New Key shows it with the "
							+ "password (or the user of an application password made under Users → Profile)"),
			ConnectionField.secret("applicationPassword", "Application password",
					"FluentCRM → Settings → REST API → Add New Key (shown once), or WordPress admin → Users → "
							+ "Profile → Application Passwords → Add New; paste it with its spaces"));

	/** FluentCRM as the catalog shows it. */
	public static final ConnectorDefinition DEFINITION = new ConnectorDefinition("fluentcrm", "FluentCRM",
			"Contacts, lists and tags of FluentCRM on a WordPress site (REST API v2, application password).",
			AuthKind.APPLICATION_PASSWORD, FIELDS,
			List.of(ConnectorAction.read(ConnectorDefinition.READ, "Read contacts, lists or tags", TYPE),
					ConnectorAction.write("create-contact", "Create contact", TYPE),
					ConnectorAction.write("update-contact", "Update contact", TYPE),
					ConnectorAction.write("add-tag", "Add tags to contact", TYPE)),
			List.of("contacts", "lists", "tags"), ConnectorDefinition.TEST_CONNECTION);

	private final FluentCrmClient client;

	private final ConnectorActions actions;

	private final Syncs syncs;

	FluentCrmConnector(FluentCrmClient client, ConnectorActions actions, Syncs syncs) {
		this.client = client;
		this.actions = actions;
		this.syncs = syncs;
	}

	@Operation(id = ConnectorDefinition.TEST_CONNECTION, name = "Test connection")
	public ConnectionCheck testConnection(@Variable TestConnectionRequest request, OutboundConnectorContext context) {
		return this.actions.test(context.getJobContext(), DEFINITION, request.connectionId(), this.client::check);
	}

	@Operation(id = ConnectorDefinition.SYNC, name = "Sync contacts, lists or tags")
	public SyncResult sync(@Variable SyncRequest request, OutboundConnectorContext context) {
		return this.syncs.run(context.getJobContext(), DEFINITION, request, this.client::fetch);
	}

	@Operation(id = ConnectorDefinition.READ, name = "Read contacts, lists or tags")
	public ReadResult read(@Variable ReadRequest request, OutboundConnectorContext context) {
		return this.syncs.read(context.getJobContext(), DEFINITION, request, this.client::fetch);
	}

	@Operation(id = "create-contact", name = "Create contact")
	public ContactResult createContact(@Variable CreateContactRequest request, OutboundConnectorContext context) {
		return this.actions.performOn(context.getJobContext(), DEFINITION, request.connection(), "create-contact",
				(connection) -> this.client.create(connection, request),
				(result) -> Map.of("contactId", result.id(), "action", result.action()));
	}

	@Operation(id = "update-contact", name = "Update contact")
	public ContactResult updateContact(@Variable UpdateContactRequest request, OutboundConnectorContext context) {
		if (request.email() == null && request.firstName() == null && request.lastName() == null
				&& request.phone() == null && request.status() == null) {
			throw new ConnectorInputException(
					"Give at least one field to change: email, firstName, lastName, phone or status");
		}
		return this.actions.performOn(context.getJobContext(), DEFINITION, request.connection(), "update-contact",
				(connection) -> this.client.update(connection, request), (result) -> Map.of("contactId", result.id()));
	}

	@Operation(id = "add-tag", name = "Add tags to contact")
	public ContactResult addTag(@Variable AddTagRequest request, OutboundConnectorContext context) {
		return this.actions.performOn(context.getJobContext(), DEFINITION, request.connection(), "add-tag",
				(connection) -> this.client.addTags(connection, request),
				(result) -> Map.of("contactId", result.id(), "tags", request.tags()));
	}

}
