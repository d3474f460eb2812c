package io.brain.workers.connector.googleads;

import io.camunda.connector.generator.java.annotation.TemplateProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * Input of the pause-campaign and enable-campaign actions.
 *
 * @param connection the name of the tenant's Google Ads connection
 * @param campaignId the campaign's id
 */
public record CampaignRequest(@NotBlank @TemplateProperty(group = "connection", label = "Connection",
		description = "The name of a Google Ads connection configured on the Connectors page") String connection,
		@NotBlank @Pattern(regexp = "\\d{1,19}") @TemplateProperty(group = "campaign", label = "Campaign id",
				description = "The campaign's id: Google Ads → Campaigns, add the Campaign ID column") String campaignId) {

}
