package io.brain.api.agent;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A person's decision on a tool call an agent's run waits on.
 *
 * @param toolCallId the call, as the run shows it
 * @param decision {@code APPROVED} or {@code DENIED}
 * @param reason why, told to the model with a denial
 */
public record ApprovalRequest(@NotBlank @Size(max = 200) String toolCallId, @NotNull Decision decision,
		@Schema(nullable = true, example = "Not before Friday's launch") @Size(max = 1000) String reason) {

	/** What the person decided. */
	public enum Decision {

		APPROVED, DENIED

	}

}
