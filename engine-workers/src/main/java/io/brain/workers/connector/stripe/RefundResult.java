package io.brain.workers.connector.stripe;

/**
 * The refund Stripe created.
 *
 * @param id its id, e.g. {@code re_1Nispe2eZvKYlo2Cd31jOCgZ}
 * @param status {@code pending}, {@code requires_action}, {@code succeeded},
 * {@code failed} or {@code canceled}
 * @param amount how much, in the currency's smallest unit
 * @param currency the currency, lowercase ISO code
 * @param paymentIntent the refunded PaymentIntent
 */
public record RefundResult(String id, String status, long amount, String currency, String paymentIntent) {

}
