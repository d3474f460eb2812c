package io.brain.workers.sync;

import java.util.UUID;

import io.camunda.connector.generator.java.annotation.TemplateProperty;
import jakarta.validation.constraints.NotBlank;

/**
 * Input of every connector's sync operation. The api's built-in processes name the
 * connection by id; a BPMN step (a timer-started sync, say) names it as every other step
 * does.
 *
 * @param connection the name of the tenant's connection to sync
 * @param connectionId the connection's id, instead of its name
 * @param resource what to fetch, one of the type's sync resources
 * @param full read everything instead of only what changed since the last sync
 */
public record SyncRequest(@TemplateProperty(group = "connection", label = "Connection",
		description = "The name of a connection configured on the Connectors page", optional = true) String connection,
		@TemplateProperty(ignore = true) UUID connectionId,
		@NotBlank @TemplateProperty(group = "sync", label = "Resource",
				description = "What to fetch, e.g. posts") String resource,
		@TemplateProperty(group = "sync", label = "Read everything",
				description = "Read every record instead of only those changed since the last sync",
				optional = true) Boolean full) {

	public boolean readEverything() {
		return Boolean.TRUE.equals(this.full);
	}

}
