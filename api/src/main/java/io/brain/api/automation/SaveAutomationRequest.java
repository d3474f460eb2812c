package io.brain.api.automation;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Creates an automation, or saves a new draft of one.
 *
 * @param key the key (lowercase letters, digits and hyphens); when creating, derived from
 * the name if absent; cannot change afterwards
 * @param name its name
 * @param description what it does
 * @param bpmnXml the diagram
 * @param note what changed in this version
 */
public record SaveAutomationRequest(
		@Schema(nullable = true) @Pattern(regexp = "[a-z][a-z0-9-]{1,99}",
				message = "must be 2 to 100 lowercase letters, digits and hyphens, starting with a letter") String key,
		@NotBlank @Size(max = 200) String name, @Schema(nullable = true) @Size(max = 2000) String description,
		@NotBlank @Size(max = 1_000_000) String bpmnXml, @Schema(nullable = true) @Size(max = 500) String note) {

}
