package io.brain.workers.connector.email;

import java.util.List;
import java.util.Map;

import io.brain.workers.catalog.ConnectionField;
import io.brain.workers.catalog.ConnectorDefinition;
import io.brain.workers.catalog.ConnectorDefinition.AuthKind;
import io.brain.workers.catalog.ConnectorDefinition.ConnectorAction;
import io.brain.workers.connection.ConnectionCheck;
import io.brain.workers.connection.ConnectorActions;
import io.brain.workers.connection.TestConnectionRequest;
import io.camunda.connector.api.annotation.OutboundConnector;
import io.camunda.connector.api.annotation.Operation;
import io.camunda.connector.api.annotation.Variable;
import io.camunda.connector.api.error.ConnectorInputException;
import io.camunda.connector.api.outbound.OutboundConnectorContext;
import io.camunda.connector.api.outbound.OutboundConnectorProvider;

import io.camunda.connector.generator.java.annotation.ElementTemplate;

import org.springframework.stereotype.Component;

/**
 * Email: sends text and HTML mail through the tenant's own SMTP server.
 */
@Component
@OutboundConnector(name = "Email", type = EmailConnector.TYPE)
@ElementTemplate(engineVersion = "^8.6", id = "io.brain.email", name = "Email", version = 1,
		description = "Send text or HTML email through the tenant's SMTP server",
		icon = "io/brain/workers/connector/email/icon.svg",
		propertyGroups = { @ElementTemplate.PropertyGroup(id = "connection", label = "Connection"),
				@ElementTemplate.PropertyGroup(id = "message", label = "Message") })
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
			List.of(ConnectorAction.write("send-email", "Send email", TYPE)), List.of(),
			ConnectorDefinition.TEST_CONNECTION);

	private final SmtpMailer mailer;

	private final ConnectorActions actions;

	EmailConnector(SmtpMailer mailer, ConnectorActions actions) {
		this.mailer = mailer;
		this.actions = actions;
	}

	@Operation(id = "send-email", name = "Send email")
	public EmailSent sendEmail(@Variable SendEmailRequest request, OutboundConnectorContext context) {
		if (request.text() == null && request.html() == null) {
			throw new ConnectorInputException("text or html is required");
		}
		String key = ConnectorActions.idempotencyKey(context.getJobContext(), DEFINITION, "send-email");
		return this.actions.performOn(context.getJobContext(), DEFINITION, request.connection(), "send-email",
				(connection) -> this.mailer.send(connection, request, key),
				(sent) -> Map.of("recipients", sent.recipients()));
	}

	@Operation(id = ConnectorDefinition.TEST_CONNECTION, name = "Test connection")
	public ConnectionCheck testConnection(@Variable TestConnectionRequest request, OutboundConnectorContext context) {
		return this.actions.test(context.getJobContext(), DEFINITION, request.connectionId(), this.mailer::check);
	}

}
