package io.brain.api.agent;

import java.math.BigDecimal;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What a tenant's agents spent, against the tenant's budget: tokens today and this month
 * (UTC), and this month's tokens per model with their estimated cost where the platform
 * sets a price for the model ({@code brain.agents.prices}).
 *
 * @param tokensToday tokens in and out today
 * @param tokensThisMonth tokens in and out this month
 * @param budgetPerDay the most the agents may spend in a day
 * @param budgetPerMonth the most they may spend in a month
 * @param models this month's tokens per model
 * @param estimatedCost the month's estimated cost of the models that have a price
 */
public record AgentUsage(long tokensToday, long tokensThisMonth, long budgetPerDay, long budgetPerMonth,
		List<ModelUsage> models, BigDecimal estimatedCost) {

	/**
	 * One model's tokens this month.
	 *
	 * @param estimatedCost their cost, or null when the model has no price
	 */
	public record ModelUsage(String model, long inputTokens, long outputTokens,
			@Schema(nullable = true) BigDecimal estimatedCost) {
	}

}
