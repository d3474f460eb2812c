package io.brain.api.webhook;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of webhooks ({@code brain.webhooks.*}).
 *
 * @param maxBodySize the largest webhook body taken; larger ones get 413 (the api's
 * {@code brain.security.max-request-size} caps it too)
 * @param signatureTolerance how far a Stripe signature's timestamp may be from now
 * @param publicUrl the address providers reach the api at, for listener URLs; the
 * request's own address when empty
 * @param dispatchInterval how often the dispatcher looks for deliveries to start when it
 * found none
 * @param dispatchBatch the most deliveries it reads at a time
 * @param dispatchConcurrency how many deliveries it hands to the engine at once
 * @param deliveriesPerTransaction how many of one tenant's deliveries it starts in one
 * transaction (which holds a database connection while the engine accepts them)
 * @param startTimeout how long a shutdown waits for the starts (or messages) in flight
 * @param retryBackoff the pause before the dispatcher tries again when the engine could
 * not take a delivery; doubled each time it still cannot
 * @param maxRetryBackoff the longest pause between tries
 * @param dispatcherEnabled whether this api instance dispatches at all
 * @param maxConcurrentRequests webhooks one api instance takes at once; beyond, 429 with
 * Retry-After
 * @param messageTtl how long the engine keeps a message a CORRELATE listener published
 * for a run that does not wait for it yet; within it, a message with the same id (a
 * second try, a replay) is not published again
 * @param listenerCacheTtl how long the ingress keeps a listener and its secret once read;
 * a change through another api instance applies within it ({@code 0s} reads them for
 * every webhook)
 * @param startLease on an engine that takes starts apart from Brain's transactions
 * (Camunda 8): how long deliveries whose starts went to the engine are left to their
 * dispatcher; should it die meanwhile, another then looks up their runs by start key, so
 * it must exceed the time the exporter takes to record a started run
 */
@ConfigurationProperties("brain.webhooks")
public record WebhookProperties(@DefaultValue("1MB") DataSize maxBodySize,
		@DefaultValue("5m") Duration signatureTolerance, String publicUrl,
		@DefaultValue("200ms") Duration dispatchInterval, @DefaultValue("50") int dispatchBatch,
		@DefaultValue("32") int dispatchConcurrency, @DefaultValue("8") int deliveriesPerTransaction,
		@DefaultValue("10s") Duration startTimeout, @DefaultValue("1s") Duration retryBackoff,
		@DefaultValue("30s") Duration maxRetryBackoff, @DefaultValue("true") boolean dispatcherEnabled,
		@DefaultValue("64") int maxConcurrentRequests, @DefaultValue("1h") Duration messageTtl,
		@DefaultValue("5s") Duration listenerCacheTtl, @DefaultValue("10s") Duration startLease) {

}
