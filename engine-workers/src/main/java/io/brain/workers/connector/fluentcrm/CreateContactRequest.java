package io.brain.workers.connector.fluentcrm;

import java.util.List;

import io.camunda.connector.generator.java.annotation.TemplateProperty;
import io.camunda.connector.generator.java.annotation.TemplateProperty.DropdownPropertyChoice;
import io.camunda.connector.generator.java.annotation.TemplateProperty.PropertyType;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

/**
 * Input of the create-contact action.
 *
 * @param connection the name of the tenant's FluentCRM connection
 * @param email the contact's email address, unique in FluentCRM
 * @param firstName the first name
 * @param lastName the last name
 * @param phone the phone number
 * @param status the subscription status
 * @param listIds the lists to add the contact to
 * @param tagIds the tags to give the contact
 * @param updateIfExists update the contact with this email if there is one, instead of
 * failing
 */
public record CreateContactRequest(
		@NotBlank @TemplateProperty(group = "connection", label = "Connection",
				description = "The name of a FluentCRM connection configured on the Connectors page") String connection,
		@NotBlank @Email @TemplateProperty(group = "contact", label = "Email") String email,
		@TemplateProperty(group = "contact", label = "First name", optional = true) String firstName,
		@TemplateProperty(group = "contact", label = "Last name", optional = true) String lastName,
		@TemplateProperty(group = "contact", label = "Phone", optional = true) String phone,
		@NotBlank @Pattern(regexp = FluentCrmClient.STATUSES) @TemplateProperty(group = "contact", label = "Status",
				type = PropertyType.Dropdown, defaultValue = "subscribed",
				description = "Pending waits for the contact to confirm (double opt-in)", choices = {
						@DropdownPropertyChoice(value = "subscribed", label = "Subscribed"),
						@DropdownPropertyChoice(value = "pending", label = "Pending (double opt-in)"),
						@DropdownPropertyChoice(value = "unsubscribed", label = "Unsubscribed"),
						@DropdownPropertyChoice(value = "transactional", label = "Transactional only") }) String status,
		@TemplateProperty(group = "contact", label = "List ids", optional = true,
				description = "FEEL list of ids, e.g. [1, 3] (FluentCRM → Contacts → Lists, ID column)") List<@NotNull @Positive Long> listIds,
		@TemplateProperty(group = "contact", label = "Tag ids", optional = true,
				description = "FEEL list of ids, e.g. [2] (FluentCRM → Contacts → Tags, ID column)") List<@NotNull @Positive Long> tagIds,
		@TemplateProperty(group = "contact", label = "Update if the email exists", optional = true,
				description = "Update the contact with this email instead of failing") Boolean updateIfExists){

}
