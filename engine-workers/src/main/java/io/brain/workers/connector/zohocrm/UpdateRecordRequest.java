package io.brain.workers.connector.zohocrm;

import java.util.Map;

import io.camunda.connector.generator.dsl.Property.FeelMode;
import io.camunda.connector.generator.java.annotation.TemplateProperty;
import io.camunda.connector.generator.java.annotation.TemplateProperty.DropdownPropertyChoice;
import io.camunda.connector.generator.java.annotation.TemplateProperty.PropertyType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;

/**
 * Input of the update-record action.
 *
 * @param connection the name of the tenant's Zoho CRM connection
 * @param module the module the record is in: Contacts, Leads, Deals or Accounts
 * @param recordId the record's id
 * @param fields the fields to change, by their API names
 */
public record UpdateRecordRequest(
		@NotBlank @TemplateProperty(group = "connection", label = "Connection",
				description = "The name of a Zoho CRM connection configured on the Connectors page") String connection,
		@NotBlank @Pattern(regexp = ZohoCrmConnector.MODULES) @TemplateProperty(group = "record", label = "Module",
				type = PropertyType.Dropdown, defaultValue = "Leads", choices = {
						@DropdownPropertyChoice(value = "Contacts", label = "Contacts"),
						@DropdownPropertyChoice(value = "Leads", label = "Leads"),
						@DropdownPropertyChoice(value = "Deals", label = "Deals"),
						@DropdownPropertyChoice(value = "Accounts", label = "Accounts") }) String module,
		@NotBlank @Pattern(regexp = "\\d{1,19}") @TemplateProperty(group = "record", label = "Record id",
				description = "The id of the record to change, as Zoho CRM shows it in the record's address") String recordId,
		@NotEmpty @TemplateProperty(group = "record", label = "Fields", feel = FeelMode.required,
				description = "The fields to change by their API names, e.g. {Lead_Status: \"Contacted\"}") Map<String, Object> fields){

}
