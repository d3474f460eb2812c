package io.brain.api.connector;

import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * A connection to create or replace.
 *
 * @param type the connector type
 * @param name the name BPMN steps use to pick this connection
 * @param config the values of the type's fields; secret fields are write-only, and on
 * update a secret field left out keeps its stored value
 */
public record ConnectionRequest(@NotBlank String type,
		@NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9 ._-]{0,99}",
				message = "must be 1 to 100 letters, digits, spaces, dots, dashes or underscores") String name,
		@Schema(nullable = true) Map<String, Object> config) {

	public ConnectionRequest {
		config = (config != null) ? config : Map.of();
	}

	@Override
	public String toString() {
		return "ConnectionRequest[type=" + this.type + ", name=" + this.name + "]";
	}

}
