package io.brain.workers.sync;

import java.util.UUID;

import io.camunda.connector.generator.java.annotation.TemplateProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/**
 * Input of every connector's read operation: a look at a resource's records at the
 * provider, for a step or an agent's tool, without storing them.
 *
 * @param connection the name of the tenant's connection
 * @param connectionId the connection's id, instead of its name
 * @param resource what to read, one of the type's sync resources
 * @param limit at most this many records (1 to 100, 20 when left out)
 */
public record ReadRequest(@TemplateProperty(group = "connection", label = "Connection",
		description = "The name of a connection configured on the Connectors page", optional = true) String connection,
		@TemplateProperty(ignore = true) UUID connectionId,
		@NotBlank @TemplateProperty(group = "read", label = "Resource",
				description = "What to read, one of the connector's resources, e.g. campaigns") String resource,
		@Min(1) @Max(100) @TemplateProperty(group = "read", label = "At most",
				description = "How many records to answer, 1 to 100 (20 when left out)",
				optional = true) Integer limit) {

	/** Records answered when the step does not say. */
	public static final int DEFAULT_LIMIT = 20;

	public int atMost() {
		return (this.limit != null) ? this.limit : DEFAULT_LIMIT;
	}

}
