package io.brain.api.rule;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A rule of the rule list, for users who do not want to draw: when something happens, if
 * its conditions hold, then run these actions. Brain generates the automation's BPMN from
 * it.
 *
 * @param when what starts a run
 * @param conditions what must hold for the actions to run (JSON {@code if}); absent to
 * run them always
 * @param then the actions, run one after the other
 */
public record AutomationRule(@NotNull @Valid RuleTrigger when,
		@JsonProperty("if") @Schema(name = "if", nullable = true) @Valid RuleConditions conditions,
		@NotNull @Size(min = 1, max = 20) List<@NotNull @Valid RuleAction> then) {
}
