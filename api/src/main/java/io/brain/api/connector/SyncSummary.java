package io.brain.api.connector;

/**
 * What a sync did.
 *
 * @param resource the resource synced
 * @param fetched records fetched from the provider
 * @param created records new to Brain
 * @param updated records refreshed
 * @param removed records the provider no longer lists
 */
public record SyncSummary(String resource, int fetched, int created, int updated, int removed) {

}
