package io.brain.workers.connector.email;

import java.util.List;

import io.camunda.connector.generator.dsl.Property.FeelMode;
import io.camunda.connector.generator.java.annotation.TemplateProperty;
import io.camunda.connector.generator.java.annotation.TemplateProperty.PropertyType;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/**
 * Input of the "send email" action: a text body, an HTML body, or both.
 *
 * @param connection the name of the tenant's email connection
 * @param to the recipients
 * @param cc copies, if any
 * @param subject the subject
 * @param text the plain-text body
 * @param html the HTML body
 */
public record SendEmailRequest(
		@NotBlank @TemplateProperty(group = "connection", label = "Connection",
				description = "The name of an email connection configured on the Connectors page") String connection,
		@NotEmpty @TemplateProperty(group = "message", label = "To", feel = FeelMode.required,
				description = "A list of addresses, e.g. [\"ana@example.com\"]") List<@Email @NotBlank String> to,
		@TemplateProperty(group = "message", label = "Cc", feel = FeelMode.required,
				optional = true) List<@Email String> cc,
		@NotBlank @Size(max = 998) @TemplateProperty(group = "message", label = "Subject") String subject,
		@TemplateProperty(group = "message", label = "Text", type = PropertyType.Text, optional = true,
				description = "The plain-text body") String text,
		@TemplateProperty(group = "message", label = "HTML", type = PropertyType.Text, optional = true,
				description = "The HTML body") String html) {

}
