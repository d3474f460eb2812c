package io.brain.api.webhook;

/**
 * A listener just created: the only time its secret is shown.
 *
 * @param listener the listener as listed, with the URL to give the provider
 * @param secret the secret the provider signs with (or sends as bearer token)
 */
public record WebhookListenerCreated(WebhookListener listener, String secret) {

	@Override
	public String toString() {
		return "WebhookListenerCreated[" + this.listener.id() + "]";
	}

}
