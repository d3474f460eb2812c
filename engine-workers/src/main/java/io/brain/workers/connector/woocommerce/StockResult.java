package io.brain.workers.connector.woocommerce;

/**
 * What WooCommerce answered about the product or variation whose stock it set.
 *
 * @param id the product's or variation's id
 * @param sku its SKU
 * @param stockQuantity its stock quantity now
 * @param stockStatus {@code instock}, {@code outofstock} or {@code onbackorder}
 */
public record StockResult(long id, String sku, Integer stockQuantity, String stockStatus) {

}
