package io.brain.workers.connector.mailchimp;

import java.util.List;

import io.camunda.connector.generator.dsl.Property.FeelMode;
import io.camunda.connector.generator.java.annotation.TemplateProperty;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Input of the "add tags" action.
 *
 * @param connection the name of the tenant's Mailchimp connection
 * @param audienceId the audience (list) id
 * @param email the member's email address
 * @param tags the tags to add; Mailchimp creates tags it does not have yet
 * @param removeTags tags to take off the member
 */
public record AddTagsRequest(
		@NotBlank @TemplateProperty(group = "connection", label = "Connection",
				description = "The name of a Mailchimp connection configured on the Connectors page") String connection,
		@NotBlank @Pattern(regexp = "[A-Za-z0-9]+") @TemplateProperty(group = "member", label = "Audience id",
				description = "Mailchimp → Audience → Settings → Audience name and defaults → Audience ID") String audienceId,
		@NotBlank @Email @Size(max = 254) @TemplateProperty(group = "member", label = "Email") String email,
		@NotEmpty @TemplateProperty(group = "member", label = "Tags", feel = FeelMode.required,
				description = "Tags to add, e.g. [\"customer\", \"webinar-2026\"]") List<@NotBlank @Size(
						max = 100) String> tags,
		@TemplateProperty(group = "member", label = "Tags to remove", feel = FeelMode.required, optional = true,
				description = "Tags to take off the member, e.g. [\"lead\"]") List<@NotBlank @Size(
						max = 100) String> removeTags) {

}
