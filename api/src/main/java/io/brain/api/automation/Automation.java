package io.brain.api.automation;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An automation: a BPMN flow of the tenant under a stable key.
 *
 * @param key its key, also the process id it runs under and the address of its public run
 * API
 * @param name its name
 * @param description what it does
 * @param latestVersion its newest version
 * @param deployedVersion the version that runs, if one is deployed
 * @param createdBy who created it
 * @param createdAt when
 * @param updatedBy who changed it last
 * @param updatedAt when
 */
public record Automation(String key, String name, @Schema(nullable = true) String description, int latestVersion,
		@Schema(nullable = true) Integer deployedVersion, String createdBy, Instant createdAt, String updatedBy,
		Instant updatedAt) {

}
