package io.brain.workers.connector.fluentcrm;

import java.util.List;

import io.camunda.connector.generator.java.annotation.TemplateProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * Input of the add-tag action.
 *
 * @param connection the name of the tenant's FluentCRM connection
 * @param contactId the contact to tag
 * @param tags the slugs of the tags to attach
 */
public record AddTagRequest(
		@NotBlank @TemplateProperty(group = "connection", label = "Connection",
				description = "The name of a FluentCRM connection configured on the Connectors page") String connection,
		@NotNull @Positive @TemplateProperty(group = "contact", label = "Contact id",
				description = "The contact's id (FluentCRM → Contacts, the number in the contact's address)") Long contactId,
		@NotEmpty @TemplateProperty(group = "contact", label = "Tags",
				description = "FEEL list of tag slugs, e.g. [\"vip-customer\"] (FluentCRM → Contacts → Tags, Slug column)") List<@NotBlank String> tags) {

}
