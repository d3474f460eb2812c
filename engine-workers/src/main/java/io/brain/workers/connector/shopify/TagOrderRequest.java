package io.brain.workers.connector.shopify;

import java.util.List;

import io.camunda.connector.generator.dsl.Property.FeelMode;
import io.camunda.connector.generator.java.annotation.TemplateProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Input of the "tag order" action: adds tags to an order, keeping the ones it has.
 *
 * @param connection the name of the tenant's Shopify connection
 * @param orderId the order, as {@code gid://shopify/Order/123} or {@code 123}
 * @param tags the tags to add
 */
public record TagOrderRequest(
		@NotBlank @TemplateProperty(group = "connection", label = "Connection",
				description = "The name of a Shopify connection configured on the Connectors page") String connection,
		@NotBlank @Pattern(regexp = "(gid://shopify/Order/)?[0-9]+",
				message = "must be an order id such as gid://shopify/Order/123 or 123") @TemplateProperty(
						group = "order", label = "Order id",
						description = "The order to tag, e.g. gid://shopify/Order/123") String orderId,
		@NotEmpty @TemplateProperty(group = "order", label = "Tags", feel = FeelMode.required,
				description = "A list of tags, e.g. [\"vip\", \"newsletter\"]") List<@NotBlank @Size(
						max = 255) String> tags) {

}
