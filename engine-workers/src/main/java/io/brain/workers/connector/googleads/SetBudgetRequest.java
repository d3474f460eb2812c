package io.brain.workers.connector.googleads;

import io.camunda.connector.generator.java.annotation.TemplateProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

/**
 * Input of the set-budget action.
 *
 * @param connection the name of the tenant's Google Ads connection
 * @param campaignId the campaign whose budget changes
 * @param amount the new daily budget in the account's currency, e.g. 50 or 12.5 (at most
 * six decimals: Google Ads keeps amounts in micros)
 */
public record SetBudgetRequest(@NotBlank @TemplateProperty(group = "connection", label = "Connection",
		description = "The name of a Google Ads connection configured on the Connectors page") String connection,
		@NotBlank @Pattern(regexp = "\\d{1,19}") @TemplateProperty(group = "campaign", label = "Campaign id",
				description = "The campaign's id: Google Ads → Campaigns, add the Campaign ID column") String campaignId,
		@NotNull @Positive @TemplateProperty(group = "campaign", label = "Daily budget",
				description = "The new daily budget in the account's currency, e.g. 50 or 12.50 "
						+ "(a shared budget changes for every campaign using it)") Double amount) {

}
