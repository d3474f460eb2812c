package io.brain.workers.connector.email;

import java.util.List;
import java.util.Properties;

import io.brain.workers.connection.ConnectionCheck;
import io.brain.workers.connection.ResolvedConnection;
import io.brain.workers.outbound.OutboundAddressPolicy;
import io.camunda.connector.api.error.ConnectorException;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends mail through a tenant's SMTP server, with the TLS mode its connection asks for.
 */
@Component
class SmtpMailer {

	private final OutboundAddressPolicy addresses;

	SmtpMailer(OutboundAddressPolicy addresses) {
		this.addresses = addresses;
	}

	/**
	 * Sends a message.
	 * @param idempotencyKey the step's key: the message's {@code Message-ID} is made of
	 * it, so every try of one step sends the same id and mail systems that keep the ids
	 * they have seen drop a repeat
	 */
	EmailSent send(ResolvedConnection connection, SendEmailRequest request, String idempotencyKey) {
		JavaMailSenderImpl sender = sender(connection);
		try {
			String from = connection.text("fromAddress");
			MimeMessage message = new StableIdMessage(sender.getSession(), messageId(idempotencyKey, from));
			boolean both = request.text() != null && request.html() != null;
			MimeMessageHelper helper = new MimeMessageHelper(message, both, "UTF-8");
			helper.setFrom(from);
			helper.setTo(request.to().toArray(String[]::new));
			if (request.cc() != null && !request.cc().isEmpty()) {
				helper.setCc(request.cc().toArray(String[]::new));
			}
			helper.setSubject(request.subject());
			if (both) {
				helper.setText(request.text(), request.html());
			}
			else if (request.html() != null) {
				helper.setText(request.html(), true);
			}
			else {
				helper.setText((request.text() != null) ? request.text() : "");
			}
			sender.send(message);
			int recipients = request.to().size() + ((request.cc() != null) ? request.cc().size() : 0);
			return new EmailSent(message.getMessageID(), recipients);
		}
		catch (MailAuthenticationException ex) {
			throw new ConnectorException("AUTH", "The mail server rejected the username or password");
		}
		catch (MailException ex) {
			throw new ConnectorException("UNREACHABLE", "The mail server did not take the message: "
					+ NestedExceptionUtils.getMostSpecificCause(ex).getMessage(), ex);
		}
		catch (MessagingException ex) {
			throw new ConnectorException("INVALID_MESSAGE", "The message cannot be built: " + ex.getMessage(), ex);
		}
	}

	/**
	 * A {@code Message-ID} (RFC 5322: {@code <left@right>}) made of the step's key and
	 * the sender's domain, which the tenant owns.
	 */
	static String messageId(String idempotencyKey, String fromAddress) {
		String domain = fromAddress.substring(fromAddress.lastIndexOf('@') + 1).trim();
		return "<" + idempotencyKey + "@" + (domain.isEmpty() ? "brain.invalid" : domain) + ">";
	}

	ConnectionCheck check(ResolvedConnection connection) {
		try {
			sender(connection).testConnection();
			return new ConnectionCheck(true, "The mail server accepted the connection"
					+ ((connection.text("username") != null) ? " and the sign-in" : ""));
		}
		catch (AuthenticationFailedException ex) {
			return new ConnectionCheck(false, "The mail server rejected the username or password");
		}
		catch (MessagingException ex) {
			return new ConnectionCheck(false, "The mail server could not be reached: "
					+ NestedExceptionUtils.getMostSpecificCause(ex).getMessage());
		}
	}

	private JavaMailSenderImpl sender(ResolvedConnection connection) {
		String host = connection.text("host");
		int port = Integer.parseInt(connection.text("port").replaceAll("\\.0$", ""));
		this.addresses.checkHost("smtp", host, port);
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost(host);
		sender.setPort(port);
		sender.setDefaultEncoding("UTF-8");
		Properties properties = new Properties();
		properties.put("mail.smtp.connectiontimeout", "10000");
		properties.put("mail.smtp.timeout", "30000");
		properties.put("mail.smtp.writetimeout", "30000");
		String username = connection.text("username");
		if (username != null && !username.isBlank()) {
			sender.setUsername(username);
			sender.setPassword(connection.secret("password"));
			properties.put("mail.smtp.auth", "true");
		}
		switch (String.valueOf(connection.text("tlsMode"))) {
			case "STARTTLS" -> {
				properties.put("mail.smtp.starttls.enable", "true");
				properties.put("mail.smtp.starttls.required", "true");
			}
			case "TLS" -> {
				sender.setProtocol("smtps");
				properties.put("mail.smtps.ssl.checkserveridentity", "true");
			}
			default -> {
			}
		}
		sender.setJavaMailProperties(properties);
		return sender;
	}

	static List<String> tlsModes() {
		return List.of("STARTTLS", "TLS", "NONE");
	}

	/**
	 * A message whose {@code Message-ID} is given, not made up anew each time it is sent,
	 * as Jakarta Mail does on saving a message.
	 */
	private static final class StableIdMessage extends MimeMessage {

		private final String messageId;

		StableIdMessage(Session session, String messageId) {
			super(session);
			this.messageId = messageId;
		}

		@Override
		protected void updateMessageID() throws MessagingException {
			setHeader("Message-ID", this.messageId);
		}

	}

}
