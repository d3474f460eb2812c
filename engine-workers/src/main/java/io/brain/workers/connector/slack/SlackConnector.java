package io.brain.workers.connector.slack;

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
 * Slack: posts messages to channels and syncs the channels of a workspace, through the
 * Web API with a Slack app's bot token.
 */
@Component
@OutboundConnector(name = "Slack", type = SlackConnector.TYPE)
@ElementTemplate(engineVersion = "^8.6", id = "io.brain.slack", name = "Slack", version = 1,
		description = "Post messages to Slack channels; sync the workspace's channels",
		icon = "io/brain/workers/connector/slack/icon.svg",
		propertyGroups = { @ElementTemplate.PropertyGroup(id = "connection", label = "Connection"),
				@ElementTemplate.PropertyGroup(id = "message", label = "Message"),
				@ElementTemplate.PropertyGroup(id = "sync", label = "Sync") })
public class SlackConnector implements OutboundConnectorProvider {

	/** The job type BPMN service tasks use to reach this connector. */
	public static final String TYPE = "io.brain:slack:1";

	static final List<ConnectionField> FIELDS = List.of(ConnectionField
		.secret("botToken", "Bot token",
				"api.slack.com/apps → your app → OAuth & Permissions → Bot User OAuth Token (starts with xoxb-). "
						+ "Bot token scopes: chat:write and channels:read (groups:read for private channels); "
						+ "install the app to the workspace and invite it to the channels it posts in")
		.matching("\\s*xoxb-[A-Za-z0-9-]+\\s*"));

	/** Slack as the catalog shows it. */
	public static final ConnectorDefinition DEFINITION = new ConnectorDefinition("slack", "Slack",
			"Messages to the channels of a Slack workspace (Web API, bot token).", AuthKind.BEARER_TOKEN, FIELDS,
			List.of(ConnectorAction.read(ConnectorDefinition.READ, "Read channels", TYPE),
					ConnectorAction.write("post-message", "Post message", TYPE)),
			List.of("channels"), ConnectorDefinition.TEST_CONNECTION);

	private final SlackClient client;

	private final ConnectorActions actions;

	private final Syncs syncs;

	SlackConnector(SlackClient client, ConnectorActions actions, Syncs syncs) {
		this.client = client;
		this.actions = actions;
		this.syncs = syncs;
	}

	@Operation(id = ConnectorDefinition.TEST_CONNECTION, name = "Test connection")
	public ConnectionCheck testConnection(@Variable TestConnectionRequest request, OutboundConnectorContext context) {
		return this.actions.test(context.getJobContext(), DEFINITION, request.connectionId(), this.client::check);
	}

	@Operation(id = ConnectorDefinition.SYNC, name = "Sync channels")
	public SyncResult sync(@Variable SyncRequest request, OutboundConnectorContext context) {
		return this.syncs.run(context.getJobContext(), DEFINITION, request, this.client::fetch);
	}

	@Operation(id = ConnectorDefinition.READ, name = "Read channels")
	public ReadResult read(@Variable ReadRequest request, OutboundConnectorContext context) {
		return this.syncs.read(context.getJobContext(), DEFINITION, request, this.client::fetch);
	}

	@Operation(id = "post-message", name = "Post message")
	public MessageResult postMessage(@Variable PostMessageRequest request, OutboundConnectorContext context) {
		if ((request.text() == null || request.text().isBlank()) && this.client.blocks(request.blocks()) == null) {
			throw new ConnectorInputException("text or blocks is required: the message to post");
		}
		return this.actions.performOn(context.getJobContext(), DEFINITION, request.connection(), "post-message",
				(connection) -> this.client.postMessage(connection, request),
				(result) -> Map.of("channel", String.valueOf(result.channel()), "ts", String.valueOf(result.ts())));
	}

}
