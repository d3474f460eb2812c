package io.brain.workers.connector.slack;

import io.camunda.connector.generator.dsl.Property.FeelMode;
import io.camunda.connector.generator.java.annotation.TemplateProperty;
import io.camunda.connector.generator.java.annotation.TemplateProperty.PropertyType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Input of the "post message" action: text, Block Kit blocks, or both (the text is then
 * the notification's fallback).
 *
 * @param connection the name of the tenant's Slack connection
 * @param channel the channel's id (C0123ABCD) or name (#marketing)
 * @param text the message text, in Slack's mrkdwn
 * @param blocks Block Kit blocks: a FEEL list or a JSON text of the array
 * @param threadTs the {@code ts} of the message to reply to in its thread
 */
public record PostMessageRequest(
		@NotBlank @TemplateProperty(group = "connection", label = "Connection",
				description = "The name of a Slack connection configured on the Connectors page") String connection,
		@NotBlank @Size(max = 200) @TemplateProperty(group = "message", label = "Channel",
				description = "The channel's id, e.g. C0123ABCD (Slack → channel name → About, at the bottom), "
						+ "or its name, e.g. #marketing; invite the app to the channel first") String channel,
		@Size(max = 40000) @TemplateProperty(group = "message", label = "Text", type = PropertyType.Text,
				optional = true,
				description = "The message, in Slack's mrkdwn; the notification text when blocks are given") String text,
		@TemplateProperty(group = "message", label = "Blocks", feel = FeelMode.optional, optional = true,
				description = "Block Kit blocks, as a FEEL list or a JSON array, e.g. "
						+ "[{\"type\": \"section\", \"text\": {\"type\": \"mrkdwn\", \"text\": \"*Hello*\"}}]") Object blocks,
		@Pattern(regexp = "[0-9]+\\.[0-9]+") @TemplateProperty(group = "message", label = "Reply in thread of",
				optional = true,
				description = "The ts of the message to reply to, e.g. 1503435956.000247") String threadTs) {

}
