package io.brain.workers.connector.shopify;

/**
 * What Shopify answered about an inventory change.
 *
 * @param inventoryItemId the inventory item, as a global id
 * @param locationId the location, as a global id
 * @param delta how much the available quantity changed ({@code 0} when it already held
 * the quantity)
 * @param available the available quantity after the change, when Shopify reports it
 */
public record InventoryResult(String inventoryItemId, String locationId, int delta, Integer available) {

}
