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
 * Input of the create-record action.
 *
 * @param connection the name of the tenant's Zoho CRM connection
 * @param module the module to create the record in: Contacts, Leads, Deals or Accounts
 * @param fields the record's fields by their API names, e.g. {@code Last_Name}
 */
public record CreateRecordRequest(
		@NotBlank @TemplateProperty(group = "connection", label = "Connection",
				description = "The name of a Zoho CRM connection configured on the Connectors page") String connection,
		@NotBlank @Pattern(regexp = ZohoCrmConnector.MODULES) @TemplateProperty(group = "record", label = "Module",
				type = PropertyType.Dropdown, defaultValue = "Leads", choices = {
						@DropdownPropertyChoice(value = "Contacts", label = "Contacts"),
						@DropdownPropertyChoice(value = "Leads", label = "Leads"),
						@DropdownPropertyChoice(value = "Deals", label = "Deals"),
						@DropdownPropertyChoice(value = "Accounts", label = "Accounts") }) String module,
		@NotEmpty @TemplateProperty(group = "record", label = "Fields", feel = FeelMode.required,
				description = "The record's fields by their API names (Setup → Developer Hub → APIs → API names), "
						+ "e.g. {Last_Name: \"Doe\", Email: \"jane@example.com\"}") Map<String, Object> fields){

}
