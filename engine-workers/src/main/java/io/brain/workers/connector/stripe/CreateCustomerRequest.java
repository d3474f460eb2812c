package io.brain.workers.connector.stripe;

import java.util.Map;

import io.camunda.connector.generator.dsl.Property.FeelMode;
import io.camunda.connector.generator.java.annotation.TemplateProperty;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Input of the "create customer" action.
 *
 * @param connection the name of the tenant's Stripe connection
 * @param email the customer's email address
 * @param name the customer's full name or business name
 * @param description a note shown in the Dashboard
 * @param metadata up to 50 key-value pairs Stripe keeps with the customer
 */
public record CreateCustomerRequest(
		@NotBlank @TemplateProperty(group = "connection", label = "Connection",
				description = "The name of a Stripe connection configured on the Connectors page") String connection,
		@Email @Size(max = 512) @TemplateProperty(group = "customer", label = "Email", optional = true) String email,
		@Size(max = 256) @TemplateProperty(group = "customer", label = "Name", optional = true,
				description = "Full name or business name") String name,
		@Size(max = 5000) @TemplateProperty(group = "customer", label = "Description", optional = true,
				description = "A note shown in the Stripe Dashboard") String description,
		@TemplateProperty(group = "customer", label = "Metadata", feel = FeelMode.required, optional = true,
				description = "Key-value pairs kept with the customer, e.g. {\"plan\": \"pro\"}") Map<String, @Size(
						max = 500) String> metadata) {

}
