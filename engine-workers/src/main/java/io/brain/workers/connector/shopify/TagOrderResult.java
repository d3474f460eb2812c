package io.brain.workers.connector.shopify;

import java.util.List;

/**
 * What Shopify answered about a tagged order.
 *
 * @param orderId the order, as a global id
 * @param name its name, e.g. {@code #1001}
 * @param tags every tag it now has
 */
public record TagOrderResult(String orderId, String name, List<String> tags) {

}
