package io.brain.api.rule;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The conditions of a rule and how they combine.
 *
 * @param match ALL (every condition holds) or ANY (at least one does)
 * @param conditions the conditions
 */
public record RuleConditions(@NotNull Match match,
		@NotNull @Size(max = 20) List<@NotNull @Valid RuleCondition> conditions) {

	/** How the conditions combine. */
	public enum Match {

		ALL, ANY

	}

}
