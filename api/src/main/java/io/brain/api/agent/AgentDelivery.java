package io.brain.api.agent;

import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Where a run's answer goes besides the run itself.
 *
 * @param kind RUN (the run only), EMAIL or SLACK
 * @param connectionId for EMAIL an Email connection, for SLACK a Slack one
 * @param to for EMAIL the addresses, separated by commas
 * @param channel for SLACK the channel, e.g. {@code #marketing} or a channel id
 */
public record AgentDelivery(@NotNull Kind kind, @Schema(nullable = true) UUID connectionId,
		@Schema(nullable = true, example = "team@example.com") @Size(max = 1000) String to,
		@Schema(nullable = true, example = "#marketing") @Size(max = 80) String channel) {

	static final AgentDelivery RUN = new AgentDelivery(Kind.RUN, null, null, null);

	/** Where an answer goes. */
	public enum Kind {

		RUN, EMAIL, SLACK

	}

}
