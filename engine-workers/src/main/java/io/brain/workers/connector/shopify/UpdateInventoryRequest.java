package io.brain.workers.connector.shopify;

import io.camunda.connector.generator.java.annotation.TemplateProperty;
import io.camunda.connector.generator.java.annotation.TemplateProperty.DropdownPropertyChoice;
import io.camunda.connector.generator.java.annotation.TemplateProperty.PropertyType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * Input of the "update inventory" action: sets the available quantity of an inventory
 * item at a location ({@code quantity}), or changes it by a difference ({@code delta}).
 *
 * @param connection the name of the tenant's Shopify connection
 * @param inventoryItemId the inventory item, as {@code gid://shopify/InventoryItem/123}
 * or {@code 123}
 * @param locationId the location, as {@code gid://shopify/Location/456} or {@code 456}
 * @param quantity the new available quantity; leave out when giving a delta
 * @param delta how much to add (negative: remove); leave out when giving a quantity
 * @param expectedQuantity the available quantity the step expects Shopify to hold now:
 * Shopify refuses the change when it holds another (compare and swap); leave out to
 * change whatever it holds
 * @param reason why the quantity changes, one of Shopify's inventory reasons
 */
public record UpdateInventoryRequest(
		@NotBlank @TemplateProperty(group = "connection", label = "Connection",
				description = "The name of a Shopify connection configured on the Connectors page") String connection,
		@NotBlank @Pattern(regexp = "(gid://shopify/InventoryItem/)?[0-9]+",
				message = "must be an inventory item id such as gid://shopify/InventoryItem/123 or 123") @TemplateProperty(
						group = "inventory", label = "Inventory item id",
						description = "The variant's inventory item, e.g. gid://shopify/InventoryItem/123") String inventoryItemId,
		@NotBlank @Pattern(regexp = "(gid://shopify/Location/)?[0-9]+",
				message = "must be a location id such as gid://shopify/Location/456 or 456") @TemplateProperty(
						group = "inventory", label = "Location id",
						description = "Where the stock is, e.g. gid://shopify/Location/456") String locationId,
		@PositiveOrZero @TemplateProperty(group = "inventory", label = "Available quantity", optional = true,
				description = "Set the available quantity to this; leave empty when giving a change") Integer quantity,
		@TemplateProperty(group = "inventory", label = "Change", optional = true,
				description = "Add this to the available quantity (negative to remove); leave empty when giving a quantity") Integer delta,
		@TemplateProperty(group = "inventory", label = "Expected current quantity", optional = true,
				description = "Only change the stock if Shopify still holds this available quantity") Integer expectedQuantity,
		@Pattern(
				regexp = "correction|cycle_count_available|damaged|other|promotion|quality_control|received|restock|safety_stock|shrinkage") @TemplateProperty(
						group = "inventory", label = "Reason", type = PropertyType.Dropdown,
						defaultValue = "correction", optional = true, choices = {
								@DropdownPropertyChoice(value = "correction", label = "Correction"),
								@DropdownPropertyChoice(value = "cycle_count_available", label = "Cycle count"),
								@DropdownPropertyChoice(value = "received", label = "Received"),
								@DropdownPropertyChoice(value = "restock", label = "Restock"),
								@DropdownPropertyChoice(value = "damaged", label = "Damaged"),
								@DropdownPropertyChoice(value = "shrinkage", label = "Shrinkage"),
								@DropdownPropertyChoice(value = "promotion", label = "Promotion"),
								@DropdownPropertyChoice(value = "quality_control", label = "Quality control"),
								@DropdownPropertyChoice(value = "safety_stock", label = "Safety stock"),
								@DropdownPropertyChoice(value = "other", label = "Other") }) String reason){

	/** The reason Shopify records, {@code correction} unless the step gives one. */
	String reasonOrDefault() {
		return (this.reason != null && !this.reason.isBlank()) ? this.reason : "correction";
	}

}
