package io.brain.api.webhook;

import java.util.List;

/**
 * A page of a listener's deliveries, newest first.
 *
 * @param items the deliveries
 * @param page the page number, from 0
 * @param size the page size
 * @param total how many deliveries match
 */
public record DeliveryPage(List<Delivery> items, int page, int size, long total) {

}
