package io.brain.api.rule;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A rule to generate a diagram from, without saving anything.
 *
 * @param name the automation's name, for the diagram's process
 * @param rule the rule
 */
public record RulePreviewRequest(@Schema(nullable = true) @Size(max = 200) String name,
		@NotNull @Valid AutomationRule rule) {

}
