package io.brain.api.agent;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A dry run of one of an agent's tools with sample input.
 *
 * @param tool the tool's name as the model sees it, e.g.
 * {@code google_ads_pause_campaign}
 * @param input sample arguments, as the model would give them
 */
public record DryRunRequest(@NotBlank @Size(max = 120) @Schema(example = "google_ads_pause_campaign") String tool,
		@Schema(nullable = true, implementation = Object.class,
				additionalProperties = Schema.AdditionalPropertiesValue.TRUE,
				description = "The tool's inputs by name, e.g. {\"campaignId\": \"901\"}") JsonNode input) {

}
