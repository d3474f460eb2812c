package io.brain.api.rule;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One problem of a rule: the request field at fault and the diagram element it shows on.
 *
 * @param field the request field at fault, such as
 * {@code rule.then[1].inputs.post-message:channel}
 * @param elementId the generated diagram's element, such as {@code Action_2}
 * @param message what is wrong, in plain words
 */
public record RuleProblem(@Schema(nullable = true) String field, @Schema(nullable = true) String elementId,
		String message) {

}
