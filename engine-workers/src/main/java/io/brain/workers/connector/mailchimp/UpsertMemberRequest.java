package io.brain.workers.connector.mailchimp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.camunda.connector.generator.dsl.Property.FeelMode;
import io.camunda.connector.generator.java.annotation.TemplateProperty;
import io.camunda.connector.generator.java.annotation.TemplateProperty.DropdownPropertyChoice;
import io.camunda.connector.generator.java.annotation.TemplateProperty.PropertyType;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Input of the "add or update member" action.
 *
 * @param connection the name of the tenant's Mailchimp connection
 * @param audienceId the audience (list) id
 * @param email the member's email address
 * @param statusIfNew the status of a member Mailchimp does not have yet
 * @param status the status to set on a member it has, if it should change
 * @param firstName the first name (merge field {@code FNAME})
 * @param lastName the last name (merge field {@code LNAME})
 * @param mergeFields further merge fields by tag, e.g. {@code {"PHONE": "+49..."}}
 * @param tags tags to add to the member afterwards
 */
public record UpsertMemberRequest(
		@NotBlank @TemplateProperty(group = "connection", label = "Connection",
				description = "The name of a Mailchimp connection configured on the Connectors page") String connection,
		@NotBlank @Pattern(regexp = "[A-Za-z0-9]+") @TemplateProperty(group = "member", label = "Audience id",
				description = "Mailchimp → Audience → Settings → Audience name and defaults → Audience ID") String audienceId,
		@NotBlank @Email @Size(max = 254) @TemplateProperty(group = "member", label = "Email") String email,
		@Pattern(regexp = "subscribed|pending|unsubscribed|cleaned|transactional") @TemplateProperty(group = "member",
				label = "Status of a new member", type = PropertyType.Dropdown, defaultValue = "subscribed",
				optional = true,
				description = "Pending sends Mailchimp's double opt-in email; use it unless the person opted in elsewhere",
				choices = {
						@DropdownPropertyChoice(value = "subscribed", label = "Subscribed"),
						@DropdownPropertyChoice(value = "pending", label = "Pending (double opt-in)"),
						@DropdownPropertyChoice(value = "unsubscribed", label = "Unsubscribed"),
						@DropdownPropertyChoice(value = "transactional", label = "Transactional") }) String statusIfNew,
		@Pattern(regexp = "subscribed|pending|unsubscribed|cleaned|transactional") @TemplateProperty(group = "member",
				label = "Status of an existing member", optional = true,
				description = "Leave empty to keep the status of a member Mailchimp already has") String status,
		@TemplateProperty(group = "member", label = "First name", optional = true) String firstName,
		@TemplateProperty(group = "member", label = "Last name", optional = true) String lastName,
		@TemplateProperty(group = "member", label = "Other merge fields", feel = FeelMode.required, optional = true,
				description = "Further merge fields by tag, e.g. {\"PHONE\": \"+49 30 1234567\"}") Map<String, Object> mergeFields,
		@TemplateProperty(group = "member", label = "Tags", feel = FeelMode.required, optional = true,
				description = "Tags to add, e.g. [\"webinar-2026\"]") List<@NotBlank @Size(max = 100) String> tags){

	/** The merge fields to send, without those left empty. */
	Map<String, Object> allMergeFields() {
		Map<String, Object> fields = new LinkedHashMap<>();
		if (this.mergeFields != null) {
			fields.putAll(this.mergeFields);
		}
		if (this.firstName != null && !this.firstName.isBlank()) {
			fields.put("FNAME", this.firstName);
		}
		if (this.lastName != null && !this.lastName.isBlank()) {
			fields.put("LNAME", this.lastName);
		}
		return fields;
	}

}
