package io.brain.workers.connector.woocommerce;

import io.camunda.connector.generator.java.annotation.TemplateProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * Input of the update-stock action.
 *
 * @param connection the name of the tenant's WooCommerce connection
 * @param productId the product whose stock to set
 * @param variationId the variation of a variable product, if the stock is kept per
 * variation
 * @param quantity the new stock quantity (WooCommerce allows a negative stock when
 * backorders are on)
 */
public record UpdateStockRequest(@NotBlank @TemplateProperty(group = "connection", label = "Connection",
		description = "The name of a WooCommerce connection configured on the Connectors page") String connection,
		@NotNull @Positive @TemplateProperty(group = "stock", label = "Product id",
				description = "The product's id (WooCommerce → Products, shown as ID when hovering a product)") Long productId,
		@Positive @TemplateProperty(group = "stock", label = "Variation id",
				description = "For a variable product whose variations keep their own stock: the variation's id",
				optional = true) Long variationId,
		@NotNull @TemplateProperty(group = "stock", label = "Stock quantity",
				description = "The new quantity in stock; stock management is switched on for the product") Integer quantity) {

}
