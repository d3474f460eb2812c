package io.brain.workers.connector.wordpress;

import io.camunda.connector.generator.java.annotation.TemplateProperty;
import io.camunda.connector.generator.java.annotation.TemplateProperty.DropdownPropertyChoice;
import io.camunda.connector.generator.java.annotation.TemplateProperty.PropertyType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

/**
 * Input of the create and update actions for posts and pages.
 *
 * @param connection the name of the tenant's WordPress connection
 * @param id the post or page to update; absent when creating
 * @param title the title
 * @param content the content (HTML or blocks)
 * @param status publish, future, draft, pending or private
 * @param excerpt the excerpt
 */
public record WriteContentRequest(
		@NotBlank @TemplateProperty(group = "connection", label = "Connection",
				description = "The name of a WordPress connection configured on the Connectors page") String connection,
		@Positive @TemplateProperty(group = "content", label = "Post or page id",
				description = "Which post or page to update (update actions only)", optional = true) Long id,
		@TemplateProperty(group = "content", label = "Title", optional = true) String title,
		@TemplateProperty(group = "content", label = "Content", type = PropertyType.Text,
				description = "HTML or block markup", optional = true) String content,
		@Pattern(regexp = "publish|future|draft|pending|private") @TemplateProperty(group = "content", label = "Status",
				type = PropertyType.Dropdown, defaultValue = "draft", optional = true, choices = {
						@DropdownPropertyChoice(value = "draft", label = "Draft"),
						@DropdownPropertyChoice(value = "publish", label = "Published"),
						@DropdownPropertyChoice(value = "pending", label = "Pending review"),
						@DropdownPropertyChoice(value = "private", label = "Private"),
						@DropdownPropertyChoice(value = "future", label = "Scheduled") }) String status,
		@TemplateProperty(group = "content", label = "Excerpt", optional = true) String excerpt){

}
