package io.brain.api.rule;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One condition: a run's variable compared with a value.
 *
 * @param field the variable, or a path into it, such as {@code webhook.payload.amount}:
 * names of letters, digits and underscores joined by dots
 * @param operator how the field is compared
 * @param value what it is compared with: a string, a number or a boolean; none for IS_SET
 * and IS_NOT_SET. GREATER_THAN and LESS_THAN take a number (a field holding a number as
 * text is read as that number).
 */
public record RuleCondition(@Schema(example = "webhook.payload.amount") String field, Operator operator,
		@Schema(nullable = true, types = {
				"string", "number", "boolean" }, example = "100") Object value){

	/** How a field is compared with a value. */
	public enum Operator {

		EQUALS, NOT_EQUALS, CONTAINS, GREATER_THAN, LESS_THAN, IS_SET, IS_NOT_SET

	}

}
