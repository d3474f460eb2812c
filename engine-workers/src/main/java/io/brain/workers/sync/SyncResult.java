package io.brain.workers.sync;

/**
 * What a sync did.
 *
 * @param resource the resource synced
 * @param fetched records fetched from the provider
 * @param created records new to Brain
 * @param updated records Brain had and refreshed
 * @param removed records Brain had that the provider no longer lists
 */
public record SyncResult(String resource, int fetched, int created, int updated, int removed) {

}
