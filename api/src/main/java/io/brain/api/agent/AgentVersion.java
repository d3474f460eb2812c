package io.brain.api.agent;

import java.time.Instant;

/**
 * One version of an agent's settings, as saved; never changed after.
 *
 * @param version its number, from 1
 * @param config the settings
 * @param createdBy who saved it
 * @param createdAt when
 */
public record AgentVersion(int version, AgentConfig config, String createdBy, Instant createdAt) {

}
