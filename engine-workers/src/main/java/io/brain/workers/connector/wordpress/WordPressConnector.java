package io.brain.workers.connector.wordpress;

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
 * WordPress: creates and updates posts and pages through the REST API of a site, with an
 * application password of one of its users.
 */
@Component
@OutboundConnector(name = "WordPress", type = WordPressConnector.TYPE)
@ElementTemplate(engineVersion = "^8.6", id = "io.brain.wordpress", name = "WordPress", version = 1,
		description = "Create and update posts and pages of a WordPress site",
		icon = "io/brain/workers/connector/wordpress/icon.svg",
		propertyGroups = { @ElementTemplate.PropertyGroup(id = "connection", label = "Connection"),
				@ElementTemplate.PropertyGroup(id = "content", label = "Content"),
				@ElementTemplate.PropertyGroup(id = "sync", label = "Sync") })
public class WordPressConnector implements OutboundConnectorProvider {

	/** The job type BPMN service tasks use to reach this connector. */
	public static final String TYPE = "io.brain:wordpress:1";

	static final List<ConnectionField> FIELDS = List.of(
			ConnectionField.url("siteUrl", "Site address",
					"Your site's address as visitors see it, e.g. https://blog.example.com"),
			ConnectionField.text("username", "Username",
					"The WordPress user the application password belongs to (Users → Profile)"),
			ConnectionField.secret("applicationPassword", "Application password",
					"WordPress admin → Users → Profile → Application Passwords → Add New; paste it with its spaces"));

	/** WordPress as the catalog shows it. */
	public static final ConnectorDefinition DEFINITION = new ConnectorDefinition("wordpress", "WordPress",
			"Posts and pages of a WordPress site (REST API, application password).", AuthKind.APPLICATION_PASSWORD,
			FIELDS,
			List.of(ConnectorAction.read(ConnectorDefinition.READ, "Read posts or pages", TYPE),
					ConnectorAction.write("create-post", "Create post", TYPE),
					ConnectorAction.write("update-post", "Update post", TYPE),
					ConnectorAction.write("create-page", "Create page", TYPE),
					ConnectorAction.write("update-page", "Update page", TYPE)),
			List.of("pages", "posts"), ConnectorDefinition.TEST_CONNECTION);

	private final WordPressClient client;

	private final ConnectorActions actions;

	private final Syncs syncs;

	WordPressConnector(WordPressClient client, ConnectorActions actions, Syncs syncs) {
		this.client = client;
		this.actions = actions;
		this.syncs = syncs;
	}

	@Operation(id = ConnectorDefinition.TEST_CONNECTION, name = "Test connection")
	public ConnectionCheck testConnection(@Variable TestConnectionRequest request, OutboundConnectorContext context) {
		return this.actions.test(context.getJobContext(), DEFINITION, request.connectionId(), this.client::check);
	}

	@Operation(id = ConnectorDefinition.SYNC, name = "Sync posts or pages")
	public SyncResult sync(@Variable SyncRequest request, OutboundConnectorContext context) {
		return this.syncs.run(context.getJobContext(), DEFINITION, request, this.client::fetch);
	}

	@Operation(id = ConnectorDefinition.READ, name = "Read posts or pages")
	public ReadResult read(@Variable ReadRequest request, OutboundConnectorContext context) {
		return this.syncs.read(context.getJobContext(), DEFINITION, request, this.client::fetch);
	}

	@Operation(id = "create-post", name = "Create post")
	public ContentResult createPost(@Variable WriteContentRequest request, OutboundConnectorContext context) {
		return write("posts", false, request, context);
	}

	@Operation(id = "update-post", name = "Update post")
	public ContentResult updatePost(@Variable WriteContentRequest request, OutboundConnectorContext context) {
		return write("posts", true, request, context);
	}

	@Operation(id = "create-page", name = "Create page")
	public ContentResult createPage(@Variable WriteContentRequest request, OutboundConnectorContext context) {
		return write("pages", false, request, context);
	}

	@Operation(id = "update-page", name = "Update page")
	public ContentResult updatePage(@Variable WriteContentRequest request, OutboundConnectorContext context) {
		return write("pages", true, request, context);
	}

	private ContentResult write(String collection, boolean update, WriteContentRequest request,
			OutboundConnectorContext context) {
		String kind = collection.replaceAll("s$", "");
		if (update && request.id() == null) {
			throw new ConnectorInputException("id is required to update a " + kind);
		}
		if (!update && request.id() != null) {
			throw new ConnectorInputException("id must be left out when creating; use the update action");
		}
		return this.actions.performOn(context.getJobContext(), DEFINITION, request.connection(),
				(update ? "update-" : "create-") + kind,
				(connection) -> this.client.write(connection, collection, request),
				(result) -> Map.of("id", result.id()));
	}

}
