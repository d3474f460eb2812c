package io.brain.workers.connector.fluentcrm;

import io.camunda.connector.generator.java.annotation.TemplateProperty;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

/**
 * Input of the update-contact action: only the fields given are changed.
 *
 * @param connection the name of the tenant's FluentCRM connection
 * @param contactId the contact to change
 * @param email a new email address
 * @param firstName a new first name
 * @param lastName a new last name
 * @param phone a new phone number
 * @param status a new subscription status
 */
public record UpdateContactRequest(
		@NotBlank @TemplateProperty(group = "connection", label = "Connection",
				description = "The name of a FluentCRM connection configured on the Connectors page") String connection,
		@NotNull @Positive @TemplateProperty(group = "contact", label = "Contact id",
				description = "The contact's id (FluentCRM → Contacts, the number in the contact's address)") Long contactId,
		@Email @TemplateProperty(group = "contact", label = "Email", optional = true) String email,
		@TemplateProperty(group = "contact", label = "First name", optional = true) String firstName,
		@TemplateProperty(group = "contact", label = "Last name", optional = true) String lastName,
		@TemplateProperty(group = "contact", label = "Phone", optional = true) String phone,
		@Pattern(regexp = FluentCrmClient.STATUSES) @TemplateProperty(group = "contact", label = "Status",
				optional = true,
				description = "Leave empty to keep it; else subscribed, pending, unsubscribed or transactional") String status) {

}
