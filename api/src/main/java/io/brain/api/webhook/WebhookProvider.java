package io.brain.api.webhook;

/**
 * Who sends a listener's webhooks, which fixes how their signature, event type and event
 * id are read.
 */
public enum WebhookProvider {

	/** {@code Stripe-Signature: t=...,v1=...}; event type and id in the body. */
	STRIPE,

	/** {@code X-Shopify-Hmac-Sha256} (base64); {@code X-Shopify-Topic}. */
	SHOPIFY,

	/** {@code X-WC-Webhook-Signature} (base64); {@code X-WC-Webhook-Topic}. */
	WOOCOMMERCE,

	/** {@code X-Hub-Signature-256: sha256=...}; {@code X-GitHub-Event}. */
	GITHUB,

	/** An HMAC-SHA256 of the body in a header of the listener's choice, hex or base64. */
	HMAC_SHA256,

	/** {@code Authorization: Bearer <secret>}. */
	BEARER

}
