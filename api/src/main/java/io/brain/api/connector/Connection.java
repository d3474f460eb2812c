package io.brain.api.connector;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A tenant's connection to a provider, as the API shows it: secret fields only as set or
 * not.
 *
 * @param id the connection's id
 * @param type the connector type
 * @param name the name BPMN steps use
 * @param config the non-secret field values
 * @param secrets for each secret field, whether a value is stored
 * @param status UNTESTED, OK, NEEDS_ATTENTION or NEEDS_RECONNECT
 * @param statusMessage what the last test said
 * @param createdBy who created it
 * @param createdAt when
 * @param updatedAt when it last changed
 */
public record Connection(UUID id, String type, String name, Map<String, Object> config, Map<String, Boolean> secrets,
		String status, @Schema(nullable = true) String statusMessage, String createdBy, Instant createdAt,
		Instant updatedAt) {

}
