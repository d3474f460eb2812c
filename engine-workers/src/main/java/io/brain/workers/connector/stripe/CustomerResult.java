package io.brain.workers.connector.stripe;

/**
 * The customer Stripe created.
 *
 * @param id its id, e.g. {@code cus_NffrFeUfNV2Hib}
 * @param email its email address
 * @param name its name
 * @param livemode whether it was created with a live key
 * @param url its page in the Stripe Dashboard
 */
public record CustomerResult(String id, String email, String name, boolean livemode, String url) {

}
