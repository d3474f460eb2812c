package io.brain.workers.connector.wordpress;

import java.util.List;
import java.util.Map;

import io.brain.core.tenant.TenantId;
import io.brain.workers.audit.ConnectorAudit;
import io.brain.workers.connection.ConnectionResolver;
import io.brain.workers.connection.ConnectionCheck;
import io.brain.workers.connection.ResolvedConnection;
import io.brain.workers.connection.TestConnectionRequest;
import io.brain.workers.catalog.ConnectionField;
import io.brain.workers.catalog.ConnectorDefinition;
import io.brain.workers.catalog.ConnectorDefinition.AuthKind;
import io.brain.workers.catalog.ConnectorDefinition.ConnectorAction;
import io.brain.workers.limit.ConnectorLimits;
import io.brain.workers.sync.SyncRequest;
import io.brain.workers.sync.SyncResult;
import io.brain.workers.sync.SyncedRecords;
import io.brain.workers.tenant.JobTenants;
import io.camunda.connector.api.annotation.OutboundConnector;
import io.camunda.connector.api.annotation.Operation;
import io.camunda.connector.api.annotation.Variable;
import io.camunda.connector.api.error.ConnectorException;
import io.camunda.connector.api.error.ConnectorInputException;
import io.camunda.connector.api.outbound.JobContext;
import io.camunda.connector.api.outbound.OutboundConnectorContext;
import io.camunda.connector.api.outbound.OutboundConnectorProvider;

import org.springframework.stereotype.Component;

/**
 * WordPress: creates and updates posts and pages through the REST API of a site, with an
 * application password of one of its users.
 */
@Component
@OutboundConnector(name = "WordPress", type = WordPressConnector.TYPE)
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
			List.of(new ConnectorAction("create-post", "Create post", TYPE),
					new ConnectorAction("update-post", "Update post", TYPE),
					new ConnectorAction("create-page", "Create page", TYPE),
					new ConnectorAction("update-page", "Update page", TYPE)),
			List.of("pages", "posts"), ConnectorDefinition.TEST_CONNECTION);

	private final WordPressClient client;

	private final ConnectionResolver connections;

	private final JobTenants tenants;

	private final ConnectorAudit audit;

	private final ConnectorLimits limits;

	private final SyncedRecords records;

	WordPressConnector(WordPressClient client, ConnectionResolver connections, JobTenants tenants, ConnectorAudit audit,
			ConnectorLimits limits, SyncedRecords records) {
		this.client = client;
		this.connections = connections;
		this.tenants = tenants;
		this.audit = audit;
		this.limits = limits;
		this.records = records;
	}

	@Operation(id = ConnectorDefinition.TEST_CONNECTION, name = "Test connection")
	public ConnectionCheck testConnection(@Variable TestConnectionRequest request, OutboundConnectorContext context) {
		JobContext job = context.getJobContext();
		TenantId tenant = this.tenants.of(job);
		ResolvedConnection connection = this.connections.resolve(tenant, request.connectionId(), DEFINITION.type(),
				FIELDS);
		ConnectionCheck check;
		long started = System.nanoTime();
		try (ConnectorLimits.Permit permit = this.limits.acquire(tenant, DEFINITION.type())) {
			check = this.client.check(connection);
		}
		catch (ConnectorException ex) {
			// unreachable or refused address: the answer to a test, not a failed job
			check = new ConnectionCheck(false, ex.getMessage());
		}
		if (check.ok()) {
			this.audit.succeeded(tenant, job, "connector.wordpress.test-connection", connection.name(), started,
					Map.of());
		}
		else {
			this.audit.failed(tenant, job, "connector.wordpress.test-connection", connection.name(), started,
					Map.of("message", check.message()));
		}
		return check;
	}

	@Operation(id = ConnectorDefinition.SYNC, name = "Sync")
	public SyncResult sync(@Variable SyncRequest request, OutboundConnectorContext context) {
		if (!DEFINITION.syncResources().contains(request.resource())) {
			throw new ConnectorInputException("resource must be one of " + DEFINITION.syncResources());
		}
		JobContext job = context.getJobContext();
		TenantId tenant = this.tenants.of(job);
		ResolvedConnection connection = this.connections.resolve(tenant, request.connectionId(), DEFINITION.type(),
				FIELDS);
		String action = "connector.wordpress.sync-" + request.resource();
		long started = System.nanoTime();
		try (ConnectorLimits.Permit permit = this.limits.acquire(tenant, DEFINITION.type())) {
			SyncResult result = this.records.store(tenant, connection.id(), request.resource(),
					this.client.fetchAll(connection, request.resource()));
			this.audit.succeeded(tenant, job, action, connection.name(), started,
					Map.of("fetched", result.fetched(), "created", result.created(), "removed", result.removed()));
			return result;
		}
		catch (ConnectorException ex) {
			this.audit.failed(tenant, job, action, connection.name(), started, Map.of("error", ex.getMessage()));
			throw ex;
		}
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
		if (update && request.id() == null) {
			throw new ConnectorInputException("id is required to update a " + collection.replaceAll("s$", ""));
		}
		if (!update && request.id() != null) {
			throw new ConnectorInputException("id must be left out when creating; use the update action");
		}
		JobContext job = context.getJobContext();
		TenantId tenant = this.tenants.of(job);
		ResolvedConnection connection = this.connections.resolve(tenant, request.connection(), DEFINITION.type(),
				FIELDS);
		String action = "connector.wordpress." + (update ? "update-" : "create-") + collection.replaceAll("s$", "");
		long started = System.nanoTime();
		try (ConnectorLimits.Permit permit = this.limits.acquire(tenant, DEFINITION.type())) {
			ContentResult result = this.client.write(connection, collection, request);
			this.audit.succeeded(tenant, job, action, connection.name(), started, Map.of("id", result.id()));
			return result;
		}
		catch (ConnectorException ex) {
			this.audit.failed(tenant, job, action, connection.name(), started, Map.of("error", ex.getMessage()));
			throw ex;
		}
	}

}
