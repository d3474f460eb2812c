package io.brain.core.agent;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What tenants' AI agents may spend, and what their tokens cost ({@code brain.agents.*}):
 * the workers refuse model calls over a budget, the api shows usage against it.
 *
 * @param tokensPerDay the tokens one tenant's agents may spend in a day (UTC), in and
 * out; a tenant over it makes no model call until the next day
 * @param tokensPerMonth the same per calendar month
 * @param tenantBudgets other budgets for some tenants, by tenant id
 * @param prices what a million tokens of a model cost, by model name
 * ({@code brain.agents.prices[gpt-4o-mini].input-per-million=0.15}), for the cost
 * estimate; models without a price have none
 */
@ConfigurationProperties("brain.agents")
public record AgentBudgets(@DefaultValue("1000000") long tokensPerDay, @DefaultValue("20000000") long tokensPerMonth,
		@DefaultValue Map<String, Budget> tenantBudgets, @DefaultValue Map<String, Price> prices) {

	private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

	/** A tenant's budget. */
	public Budget of(String tenant) {
		return this.tenantBudgets.getOrDefault(tenant, new Budget(this.tokensPerDay, this.tokensPerMonth));
	}

	/** What tokens of a model cost, if the model has a price. */
	public Optional<BigDecimal> cost(String model, long inputTokens, long outputTokens) {
		Price price = this.prices.get(model);
		if (price == null) {
			return Optional.empty();
		}
		return Optional.of(price.inputPerMillion()
			.multiply(BigDecimal.valueOf(inputTokens))
			.add(price.outputPerMillion().multiply(BigDecimal.valueOf(outputTokens)))
			.divide(MILLION, MathContext.DECIMAL64));
	}

	/** Tokens a tenant's agents may spend per day and per month. */
	public record Budget(long tokensPerDay, long tokensPerMonth) {
	}

	/** What a million tokens in and out cost, in the platform's currency. */
	public record Price(@DefaultValue("0") BigDecimal inputPerMillion, @DefaultValue("0") BigDecimal outputPerMillion) {
	}

}
