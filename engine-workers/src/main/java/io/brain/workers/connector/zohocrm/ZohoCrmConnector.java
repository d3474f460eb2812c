package io.brain.workers.connector.zohocrm;

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
 * Zoho CRM: creates and updates records (contacts, leads, deals, accounts) and syncs
 * contacts, leads and deals, through the REST API v8 of the account's data centre, with
 * an OAuth2 refresh token of a Zoho API Console client.
 */
@Component
@OutboundConnector(name = "Zoho CRM", type = ZohoCrmConnector.TYPE)
@ElementTemplate(engineVersion = "^8.6", id = "io.brain.zoho-crm", name = "Zoho CRM", version = 1,
		description = "Create and update Zoho CRM records; sync contacts, leads and deals",
		icon = "io/brain/workers/connector/zohocrm/icon.svg",
		propertyGroups = { @ElementTemplate.PropertyGroup(id = "connection", label = "Connection"),
				@ElementTemplate.PropertyGroup(id = "record", label = "Record"),
				@ElementTemplate.PropertyGroup(id = "sync", label = "Sync") })
public class ZohoCrmConnector implements OutboundConnectorProvider {

	/** The job type BPMN service tasks use to reach this connector. */
	public static final String TYPE = "io.brain:zoho-crm:1";

	/** The modules records can be written to. */
	static final String MODULES = "Contacts|Leads|Deals|Accounts";

	static final List<ConnectionField> FIELDS = List.of(
			new ConnectionField("dataCentre", "Data centre", ConnectionField.Kind.SELECT, true, null,
					"Where your Zoho account lives: the domain you sign in at, e.g. crm.zoho.eu is EU (.eu)",
					ZohoDataCentre.labels()),
			ConnectionField.text("clientId", "Client ID",
					"Zoho API Console (api-console.zoho.<your domain>) → your Self Client or Server-based client → "
							+ "Client Secret tab → Client ID"),
			ConnectionField.secret("clientSecret", "Client secret",
					"Zoho API Console → the same client → Client Secret tab → Client Secret"),
			ConnectionField.secret("refreshToken", "Refresh token",
					"Zoho API Console → Self Client → Generate Code with scope "
							+ "ZohoCRM.modules.ALL,ZohoCRM.settings.READ,ZohoCRM.users.READ, then exchange the code "
							+ "at https://accounts.zoho.<your domain>/oauth/v2/token (grant_type=authorization_code) "
							+ "and paste the refresh_token it answers"));

	/** Zoho CRM as the catalog shows it. */
	public static final ConnectorDefinition DEFINITION = new ConnectorDefinition("zoho-crm", "Zoho CRM",
			"Contacts, leads, deals and accounts in Zoho CRM (REST API v8, OAuth2 refresh token).",
			AuthKind.OAUTH2_REFRESH_TOKEN, FIELDS,
			List.of(ConnectorAction.read(ConnectorDefinition.READ, "Read contacts, leads or deals", TYPE),
					ConnectorAction.write("create-record", "Create record", TYPE),
					ConnectorAction.write("update-record", "Update record", TYPE)),
			List.of("contacts", "leads", "deals"), ConnectorDefinition.TEST_CONNECTION);

	private final ZohoCrmClient client;

	private final ConnectorActions actions;

	private final Syncs syncs;

	ZohoCrmConnector(ZohoCrmClient client, ConnectorActions actions, Syncs syncs) {
		this.client = client;
		this.actions = actions;
		this.syncs = syncs;
	}

	@Operation(id = ConnectorDefinition.TEST_CONNECTION, name = "Test connection")
	public ConnectionCheck testConnection(@Variable TestConnectionRequest request, OutboundConnectorContext context) {
		return this.actions.test(context.getJobContext(), DEFINITION, request.connectionId(), this.client::check);
	}

	@Operation(id = ConnectorDefinition.SYNC, name = "Sync contacts, leads or deals")
	public SyncResult sync(@Variable SyncRequest request, OutboundConnectorContext context) {
		return this.syncs.run(context.getJobContext(), DEFINITION, request, this.client::fetch);
	}

	@Operation(id = ConnectorDefinition.READ, name = "Read contacts, leads or deals")
	public ReadResult read(@Variable ReadRequest request, OutboundConnectorContext context) {
		return this.syncs.read(context.getJobContext(), DEFINITION, request, this.client::fetch);
	}

	@Operation(id = "create-record", name = "Create record")
	public RecordResult createRecord(@Variable CreateRecordRequest request, OutboundConnectorContext context) {
		return this.actions.performOn(context.getJobContext(), DEFINITION, request.connection(), "create-record",
				(connection) -> this.client.create(connection, request.module(), request.fields()),
				ZohoCrmConnector::details);
	}

	@Operation(id = "update-record", name = "Update record")
	public RecordResult updateRecord(@Variable UpdateRecordRequest request, OutboundConnectorContext context) {
		return this.actions.performOn(context.getJobContext(), DEFINITION, request.connection(), "update-record",
				(connection) -> this.client.update(connection, request.module(), request.recordId(), request.fields()),
				ZohoCrmConnector::details);
	}

	/** The audit keeps which record was written, never its field values. */
	private static Map<String, Object> details(RecordResult result) {
		return Map.of("module", result.module(), "id", String.valueOf(result.id()));
	}

}
