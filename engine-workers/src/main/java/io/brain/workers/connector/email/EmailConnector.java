package io.brain.workers.connector.email;

import java.util.List;
import java.util.Map;

import io.brain.core.tenant.TenantId;
import io.brain.workers.audit.ConnectorAudit;
import io.brain.workers.catalog.ConnectionField;
import io.brain.workers.catalog.ConnectorDefinition;
import io.brain.workers.catalog.ConnectorDefinition.AuthKind;
import io.brain.workers.catalog.ConnectorDefinition.ConnectorAction;
import io.brain.workers.connection.ConnectionCheck;
import io.brain.workers.connection.ConnectionResolver;
import io.brain.workers.connection.ResolvedConnection;
import io.brain.workers.connection.TestConnectionRequest;
import io.brain.workers.limit.ConnectorLimits;
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
 * Email: sends text and HTML mail through the tenant's own SMTP server.
 */
@Component
@OutboundConnector(name = "Email", type = EmailConnector.TYPE)
public class EmailConnector implements OutboundConnectorProvider {

	/** The job type BPMN service tasks use to reach this connector. */
	public static final String TYPE = "io.brain:email:1";

	static final List<ConnectionField> FIELDS = List.of(
			ConnectionField.text("host", "SMTP server", "Your mail provider's SMTP server, e.g. smtp.example.com"),
			new ConnectionField("port", "Port", ConnectionField.Kind.NUMBER, true, null,
					"587 with STARTTLS, 465 with TLS, 25 without", List.of()),
			new ConnectionField("tlsMode", "Encryption", ConnectionField.Kind.SELECT, true, null,
					"STARTTLS (port 587) unless your provider says otherwise", SmtpMailer.tlsModes()),
			ConnectionField
				.text("username", "Username", "Usually your full e-mail address; empty if the server needs none")
				.optional(),
			ConnectionField.secret("password", "Password", "The mailbox's password or an app password").optional(),
			ConnectionField.text("fromAddress", "From address", "The sender's address, e.g. news@example.com")
				.matching("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"));

	/** Email as the catalog shows it. */
	public static final ConnectorDefinition DEFINITION = new ConnectorDefinition("email", "Email",
			"Text and HTML mail through your SMTP server.", AuthKind.SMTP, FIELDS,
			List.of(new ConnectorAction("send-email", "Send email", TYPE)), List.of(),
			ConnectorDefinition.TEST_CONNECTION);

	private final SmtpMailer mailer;

	private final ConnectionResolver connections;

	private final JobTenants tenants;

	private final ConnectorAudit audit;

	private final ConnectorLimits limits;

	EmailConnector(SmtpMailer mailer, ConnectionResolver connections, JobTenants tenants, ConnectorAudit audit,
			ConnectorLimits limits) {
		this.mailer = mailer;
		this.connections = connections;
		this.tenants = tenants;
		this.audit = audit;
		this.limits = limits;
	}

	@Operation(id = "send-email", name = "Send email")
	public EmailSent sendEmail(@Variable SendEmailRequest request, OutboundConnectorContext context) {
		if (request.text() == null && request.html() == null) {
			throw new ConnectorInputException("text or html is required");
		}
		JobContext job = context.getJobContext();
		TenantId tenant = this.tenants.of(job);
		ResolvedConnection connection = this.connections.resolve(tenant, request.connection(), DEFINITION.type(),
				FIELDS);
		long started = System.nanoTime();
		try (ConnectorLimits.Permit permit = this.limits.acquire(tenant, DEFINITION.type())) {
			EmailSent sent = this.mailer.send(connection, request);
			this.audit.succeeded(tenant, job, "connector.email.send-email", connection.name(), started,
					Map.of("recipients", sent.recipients()));
			return sent;
		}
		catch (ConnectorException ex) {
			this.audit.failed(tenant, job, "connector.email.send-email", connection.name(), started,
					Map.of("error", ex.getMessage()));
			throw ex;
		}
	}

	@Operation(id = ConnectorDefinition.TEST_CONNECTION, name = "Test connection")
	public ConnectionCheck testConnection(@Variable TestConnectionRequest request, OutboundConnectorContext context) {
		JobContext job = context.getJobContext();
		TenantId tenant = this.tenants.of(job);
		ResolvedConnection connection = this.connections.resolve(tenant, request.connectionId(), DEFINITION.type(),
				FIELDS);
		long started = System.nanoTime();
		ConnectionCheck check;
		try (ConnectorLimits.Permit permit = this.limits.acquire(tenant, DEFINITION.type())) {
			check = this.mailer.check(connection);
		}
		catch (ConnectorException ex) {
			check = new ConnectionCheck(false, ex.getMessage());
		}
		if (check.ok()) {
			this.audit.succeeded(tenant, job, "connector.email.test-connection", connection.name(), started, Map.of());
		}
		else {
			this.audit.failed(tenant, job, "connector.email.test-connection", connection.name(), started,
					Map.of("message", check.message()));
		}
		return check;
	}

}
