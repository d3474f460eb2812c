package io.brain.workers.connector.hubspot;

import java.util.Map;

import io.camunda.connector.generator.dsl.Property.FeelMode;
import io.camunda.connector.generator.java.annotation.TemplateProperty;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Input of the create and upsert actions for contacts: the email address identifies the
 * contact.
 *
 * @param connection the name of the tenant's HubSpot connection
 * @param email the contact's email address
 * @param firstName the first name ({@code firstname})
 * @param lastName the last name ({@code lastname})
 * @param company the company name ({@code company})
 * @param phone the phone number ({@code phone})
 * @param properties further HubSpot properties by internal name, e.g.
 * {@code {"lifecyclestage": "lead"}}
 */
public record ContactRequest(
		@NotBlank @TemplateProperty(group = "connection", label = "Connection",
				description = "The name of a HubSpot connection configured on the Connectors page") String connection,
		@NotBlank @Email @Size(max = 254) @TemplateProperty(group = "contact", label = "Email",
				description = "The contact's email address; HubSpot keeps one contact per address") String email,
		@TemplateProperty(group = "contact", label = "First name", optional = true) String firstName,
		@TemplateProperty(group = "contact", label = "Last name", optional = true) String lastName,
		@TemplateProperty(group = "contact", label = "Company", optional = true) String company,
		@TemplateProperty(group = "contact", label = "Phone", optional = true) String phone,
		@TemplateProperty(group = "contact", label = "Other properties", feel = FeelMode.required, optional = true,
				description = "Further HubSpot properties by internal name, e.g. {\"lifecyclestage\": \"lead\"}") Map<String, String> properties) {

	/** The HubSpot properties to write, without the fields left empty. */
	Map<String, String> hubSpotProperties() {
		return HubSpotClient.contactProperties(this.email, this.firstName, this.lastName, this.company, this.phone,
				this.properties);
	}

}
