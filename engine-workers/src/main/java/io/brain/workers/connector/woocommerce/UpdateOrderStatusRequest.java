package io.brain.workers.connector.woocommerce;

import io.camunda.connector.generator.java.annotation.TemplateProperty;
import io.camunda.connector.generator.java.annotation.TemplateProperty.DropdownPropertyChoice;
import io.camunda.connector.generator.java.annotation.TemplateProperty.PropertyType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

/**
 * Input of the update-order-status action.
 *
 * @param connection the name of the tenant's WooCommerce connection
 * @param orderId the order to change
 * @param status the new status, one of WooCommerce's order statuses
 */
public record UpdateOrderStatusRequest(@NotBlank @TemplateProperty(group = "connection", label = "Connection",
		description = "The name of a WooCommerce connection configured on the Connectors page") String connection,
		@NotNull @Positive @TemplateProperty(group = "order", label = "Order id",
				description = "The order's id (WooCommerce → Orders, the number after #)") Long orderId,
		@NotBlank @Pattern(regexp = WooCommerceClient.ORDER_STATUSES) @TemplateProperty(group = "order",
				label = "Status", type = PropertyType.Dropdown, defaultValue = "processing", choices = {
						@DropdownPropertyChoice(value = "pending", label = "Pending payment"),
						@DropdownPropertyChoice(value = "processing", label = "Processing"),
						@DropdownPropertyChoice(value = "on-hold", label = "On hold"),
						@DropdownPropertyChoice(value = "completed", label = "Completed"),
						@DropdownPropertyChoice(value = "cancelled", label = "Cancelled"),
						@DropdownPropertyChoice(value = "refunded", label = "Refunded"),
						@DropdownPropertyChoice(value = "failed", label = "Failed") }) String status){

}
