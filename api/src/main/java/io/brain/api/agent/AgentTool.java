package io.brain.api.agent;

import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A connector action an agent may call, bound to one of the tenant's connections of that
 * connector.
 *
 * @param connector the connector type, e.g. {@code google-ads}
 * @param action the action's id in the connector catalog, e.g. {@code pause-campaign}
 * @param connectionId the connection the action runs with
 * @param access whether the action reads or changes something at the provider, as the
 * connector catalog says; a request may leave it out, and one that says otherwise is
 * refused
 * @param requiresApproval whether a person approves each call before it runs (default:
 * yes for WRITE, no for READ)
 * @param name the tool's name as the model sees it, {@code <connector>_<action>} in snake
 * case; derived, unique within the agent
 */
public record AgentTool(@NotBlank @Size(max = 63) @Schema(example = "google-ads") String connector,
		@NotBlank @Size(max = 100) @Schema(example = "pause-campaign") String action, @NotNull UUID connectionId,
		@Schema(nullable = true) Access access, @Schema(nullable = true) Boolean requiresApproval,
		@Schema(nullable = true, accessMode = Schema.AccessMode.READ_ONLY,
				example = "google_ads_pause_campaign") String name) {

	/** What a tool does at the provider. */
	public enum Access {

		READ, WRITE

	}

}
