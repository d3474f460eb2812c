package io.brain.workers.sync;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * Input of every connector's sync operation.
 *
 * @param connectionId the connection to sync
 * @param resource what to fetch, one of the type's sync resources
 */
public record SyncRequest(@NotNull UUID connectionId, @NotBlank String resource) {

}
