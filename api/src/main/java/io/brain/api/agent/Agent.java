package io.brain.api.agent;

import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An agent with its current settings.
 *
 * @param id its id
 * @param key its key
 * @param processId the process its runs are, {@code brain-agent-<key>}
 * @param name its name
 * @param currentVersion the version of its settings in force
 * @param config the settings of that version
 * @param scheduleDescription when it runs on its own, in words, if it does
 * @param createdBy who created it
 * @param createdAt when
 * @param updatedBy who saved its current version
 * @param updatedAt when
 */
public record Agent(UUID id, String key, String processId, String name, int currentVersion, AgentConfig config,
		@Schema(nullable = true) String scheduleDescription, String createdBy, Instant createdAt, String updatedBy,
		Instant updatedAt) {

}
