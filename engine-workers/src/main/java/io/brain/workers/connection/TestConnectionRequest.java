package io.brain.workers.connection;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/**
 * Input of every connector's test-connection operation.
 *
 * @param connectionId the connection to test
 */
public record TestConnectionRequest(@NotNull UUID connectionId) {

}
