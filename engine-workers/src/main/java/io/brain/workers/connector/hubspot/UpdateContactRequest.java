package io.brain.workers.connector.hubspot;

import java.util.Map;

import io.camunda.connector.generator.dsl.Property.FeelMode;
import io.camunda.connector.generator.java.annotation.TemplateProperty;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Input of the update action for contacts: the contact is named by its record id or, when
 * that is left out, by its email address.
 *
 * @param connection the name of the tenant's HubSpot connection
 * @param contactId the contact's record id
 * @param email the contact's email address, which names the contact when there is no id
 * @param firstName the new first name
 * @param lastName the new last name
 * @param company the new company name
 * @param phone the new phone number
 * @param properties further HubSpot properties by internal name
 */
public record UpdateContactRequest(
		@NotBlank @TemplateProperty(group = "connection", label = "Connection",
				description = "The name of a HubSpot connection configured on the Connectors page") String connection,
		@Pattern(regexp = "[0-9]+") @TemplateProperty(group = "contact", label = "Contact id", optional = true,
				description = "The contact's record id; leave empty to find the contact by email") String contactId,
		@Email @Size(max = 254) @TemplateProperty(group = "contact", label = "Email", optional = true,
				description = "Finds the contact when there is no id") String email,
		@TemplateProperty(group = "contact", label = "First name", optional = true) String firstName,
		@TemplateProperty(group = "contact", label = "Last name", optional = true) String lastName,
		@TemplateProperty(group = "contact", label = "Company", optional = true) String company,
		@TemplateProperty(group = "contact", label = "Phone", optional = true) String phone,
		@TemplateProperty(group = "contact", label = "Other properties", feel = FeelMode.required, optional = true,
				description = "Further HubSpot properties by internal name, e.g. {\"lifecyclestage\": \"customer\"}") Map<String, String> properties) {

	/**
	 * The HubSpot properties to write. The email address is only written when the contact
	 * is named by id: otherwise it is what finds the contact.
	 */
	Map<String, String> hubSpotProperties() {
		return HubSpotClient.contactProperties(byId() ? this.email : null, this.firstName, this.lastName, this.company,
				this.phone, this.properties);
	}

	boolean byId() {
		return this.contactId != null && !this.contactId.isBlank();
	}

}
