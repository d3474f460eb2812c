package io.brain.workers.connector.woocommerce;

/**
 * What WooCommerce answered about the order it changed.
 *
 * @param id its id
 * @param number its order number as customers see it
 * @param status its status now
 * @param total its total
 * @param currency the currency of the total (ISO 4217)
 */
public record OrderResult(long id, String number, String status, String total, String currency) {

}
