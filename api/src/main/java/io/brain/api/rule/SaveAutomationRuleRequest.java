package io.brain.api.rule;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Creates an automation from a rule, or saves a new draft of one from a rule.
 *
 * @param key the key (lowercase letters, digits and hyphens); when creating, derived from
 * the name if absent; cannot change afterwards
 * @param name its name
 * @param description what it does
 * @param note what changed in this version
 * @param rule the rule the diagram is generated from
 */
public record SaveAutomationRuleRequest(
		@Schema(nullable = true) @Pattern(regexp = "[a-z][a-z0-9-]{1,99}",
				message = "must be 2 to 100 lowercase letters, digits and hyphens, starting with a letter") String key,
		@NotBlank @Size(max = 200) String name, @Schema(nullable = true) @Size(max = 2000) String description,
		@Schema(nullable = true) @Size(max = 500) String note, @NotNull @Valid AutomationRule rule) {

}
