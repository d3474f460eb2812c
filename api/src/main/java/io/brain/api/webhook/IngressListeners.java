package io.brain.api.webhook;

import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.brain.core.secret.SecretStore;
import io.brain.core.tenant.TenantContext;
import io.brain.core.tenant.TenantId;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The listeners the ingress serves, found by address with their tenant and signing
 * secret. Every webhook needs both, and with Vault the secret is a network call away, so
 * they are kept for {@code brain.webhooks.listener-cache-ttl}. A change made through this
 * api instance applies to the next webhook (the entry is dropped once the change
 * commits); other instances apply it within the TTL. Unknown addresses are not kept, so a
 * new listener takes webhooks at once everywhere.
 */
@Component
class IngressListeners {

	private final ListenerRepository listeners;

	private final SecretStore secrets;

	private final Cache<String, Listener> byAddress;

	IngressListeners(ListenerRepository listeners, SecretStore secrets, WebhookProperties properties) {
		this.listeners = listeners;
		this.secrets = secrets;
		this.byAddress = Caffeine.newBuilder()
			.maximumSize(10_000)
			.expireAfterWrite(properties.listenerCacheTtl())
			.build();
	}

	/** The listener at an address; empty when no listener has it. */
	Optional<Listener> find(String publicId) {
		return Optional.ofNullable(this.byAddress.get(publicId, this::load));
	}

	/**
	 * Forgets what is kept of a listener once the current transaction commits (at once
	 * outside one), so the next webhook reads it anew.
	 */
	void forget(String publicId) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					IngressListeners.this.byAddress.invalidate(publicId);
				}
			});
		}
		else {
			this.byAddress.invalidate(publicId);
		}
	}

	private Listener load(String publicId) {
		ListenerRepository.Addressed addressed = this.listeners.findByPublicId(publicId).orElse(null);
		if (addressed == null) {
			return null;
		}
		TenantId tenant = new TenantId(addressed.tenant());
		String secret = TenantContext.call(addressed.tenant(),
				() -> this.secrets.get(WebhookListeners.secretRef(tenant, addressed.listener().id())).orElse(null));
		return new Listener(tenant, addressed.listener(), secret);
	}

	/**
	 * A listener as the ingress needs it.
	 *
	 * @param tenant the listener's tenant, which its webhooks belong to
	 * @param stored the listener
	 * @param secret its signing secret or bearer token; {@code null} when it has none
	 */
	record Listener(TenantId tenant, ListenerRepository.Stored stored, String secret) {

		@Override
		public String toString() {
			return "Listener[tenant=" + this.tenant + ", id=" + this.stored.id() + ", secret="
					+ ((this.secret != null) ? "****" : "none") + "]";
		}

	}

}
