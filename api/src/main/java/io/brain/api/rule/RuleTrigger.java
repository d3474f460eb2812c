package io.brain.api.rule;

import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * What starts a rule's runs.
 *
 * @param type MANUAL (the editor's Run, the public run API), WEBHOOK (a delivery to one
 * of the tenant's listeners, in the variable {@code webhook}) or SCHEDULE
 * @param listenerId WEBHOOK: the listener whose deliveries start the rule; saving points
 * it at the automation
 * @param schedule SCHEDULE: when; saving makes it the automation's schedule named "Rule
 * trigger"
 */
public record RuleTrigger(@NotNull Type type, @Schema(nullable = true) UUID listenerId,
		@Schema(nullable = true) @Valid RuleSchedule schedule) {

	/** What kind of event starts a run. */
	public enum Type {

		MANUAL, WEBHOOK, SCHEDULE

	}

}
