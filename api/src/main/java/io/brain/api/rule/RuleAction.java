package io.brain.api.rule;

import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;

/**
 * One action of a rule: a connector step with its element template's fields.
 *
 * @param templateId the connector's element template, such as {@code io.brain.slack}
 * ({@code GET /api/element-templates})
 * @param name what the step is called in the diagram; the template's name and operation
 * when absent
 * @param connectionId the tenant's connection the step uses, when its operation takes one
 * @param inputs the template's fields by property id, such as {@code operation} or
 * {@code post-message:channel}; a value starting with {@code =} is a FEEL expression
 * where the field takes one. Absent fields take the template's default.
 */
public record RuleAction(@Size(max = 100) String templateId, @Schema(nullable = true) @Size(max = 200) String name,
		@Schema(nullable = true) UUID connectionId,
		@Schema(nullable = true) @Size(max = 100) Map<String, @Size(max = 20_000) String> inputs) {

	public RuleAction {
		inputs = (inputs != null) ? inputs : Map.of();
	}

}
