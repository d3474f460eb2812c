package io.brain.api.agent;

import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A tool call an agent's run waits on for a person's decision.
 *
 * @param toolCallId the call's id, to approve or deny it
 * @param tool the tool's name as the model sees it
 * @param connector the connector of the tool's action
 * @param action the action
 * @param arguments what the model asked the tool to do, as JSON text
 * @param runId the run that waits
 * @param sessionId the run's session
 * @param askedAt when the model asked
 */
public record PendingApproval(String toolCallId, @Schema(example = "google_ads_pause_campaign") String tool,
		String connector, String action, @Schema(example = "{\"campaignId\":\"901\"}") String arguments, String runId,
		UUID sessionId, Instant askedAt) {

}
