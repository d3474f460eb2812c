package io.brain.workers.connector.mailchimp;

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
 * Mailchimp: adds or updates audience members and tags them, and syncs audiences and
 * their members, through the Marketing API with an API key.
 */
@Component
@OutboundConnector(name = "Mailchimp", type = MailchimpConnector.TYPE)
@ElementTemplate(engineVersion = "^8.6", id = "io.brain.mailchimp", name = "Mailchimp", version = 1,
		description = "Add or update Mailchimp audience members and tag them; sync audiences and members",
		icon = "io/brain/workers/connector/mailchimp/icon.svg",
		propertyGroups = { @ElementTemplate.PropertyGroup(id = "connection", label = "Connection"),
				@ElementTemplate.PropertyGroup(id = "member", label = "Member"),
				@ElementTemplate.PropertyGroup(id = "sync", label = "Sync") })
public class MailchimpConnector implements OutboundConnectorProvider {

	/** The job type BPMN service tasks use to reach this connector. */
	public static final String TYPE = "io.brain:mailchimp:1";

	static final List<ConnectionField> FIELDS = List.of(ConnectionField
		.secret("apiKey", "API key",
				"Mailchimp → your profile icon → Profile → Extras → API keys → Create A Key; copy the whole key, "
						+ "including its data centre at the end (e.g. -us21)")
		.matching("\\s*[A-Za-z0-9]+-[a-z]{2,4}[0-9]{1,3}\\s*"));

	/** Mailchimp as the catalog shows it. */
	public static final ConnectorDefinition DEFINITION = new ConnectorDefinition("mailchimp", "Mailchimp",
			"Audiences and their members in Mailchimp (Marketing API 3.0, API key).", AuthKind.API_KEY, FIELDS,
			List.of(ConnectorAction.read(ConnectorDefinition.READ, "Read audiences or members", TYPE),
					ConnectorAction.write("upsert-member", "Add or update member", TYPE),
					ConnectorAction.write("add-tags", "Tag member", TYPE)),
			List.of("audiences", "members"), ConnectorDefinition.TEST_CONNECTION);

	private final MailchimpClient client;

	private final ConnectorActions actions;

	private final Syncs syncs;

	MailchimpConnector(MailchimpClient client, ConnectorActions actions, Syncs syncs) {
		this.client = client;
		this.actions = actions;
		this.syncs = syncs;
	}

	@Operation(id = ConnectorDefinition.TEST_CONNECTION, name = "Test connection")
	public ConnectionCheck testConnection(@Variable TestConnectionRequest request, OutboundConnectorContext context) {
		return this.actions.test(context.getJobContext(), DEFINITION, request.connectionId(), this.client::check);
	}

	@Operation(id = ConnectorDefinition.SYNC, name = "Sync audiences or members")
	public SyncResult sync(@Variable SyncRequest request, OutboundConnectorContext context) {
		return this.syncs.run(context.getJobContext(), DEFINITION, request, this.client::fetch);
	}

	@Operation(id = ConnectorDefinition.READ, name = "Read audiences or members")
	public ReadResult read(@Variable ReadRequest request, OutboundConnectorContext context) {
		return this.syncs.read(context.getJobContext(), DEFINITION, request, this.client::fetch);
	}

	@Operation(id = "upsert-member", name = "Add or update member")
	public MemberResult upsertMember(@Variable UpsertMemberRequest request, OutboundConnectorContext context) {
		return this.actions.performOn(context.getJobContext(), DEFINITION, request.connection(), "upsert-member",
				(connection) -> this.client.upsertMember(connection, request),
				(result) -> Map.of("audienceId", request.audienceId(), "status", String.valueOf(result.status())));
	}

	@Operation(id = "add-tags", name = "Tag member")
	public TagsResult addTags(@Variable AddTagsRequest request, OutboundConnectorContext context) {
		return this.actions.performOn(context.getJobContext(), DEFINITION, request.connection(), "add-tags",
				(connection) -> this.client.addTags(connection, request),
				(result) -> Map.of("audienceId", request.audienceId(), "tags", result.added().size()));
	}

}
