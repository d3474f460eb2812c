package io.brain.workers.agent;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How agents run ({@code brain.agents.*}).
 *
 * @param tokensPerDay the tokens one tenant's agents may spend in a day (UTC), in and
 * out; a tenant over it makes no model call until the next day
 * @param tokensPerMonth the same per calendar month
 * @param tenantBudgets other budgets for some tenants, by tenant id
 * @param memoryWindow how many of a session's latest messages the model sees
 * @param maxToolResultCharacters how much of a tool's result the model sees; the rest is
 * cut off, and the model is told so
 */
@ConfigurationProperties("brain.agents")
public record AgentProperties(@DefaultValue("1000000") long tokensPerDay, @DefaultValue("20000000") long tokensPerMonth,
		@DefaultValue Map<String, Budget> tenantBudgets, @DefaultValue("20") int memoryWindow,
		@DefaultValue("8000") int maxToolResultCharacters) {

	/** A tenant's budget. */
	Budget budgetOf(String tenant) {
		return this.tenantBudgets.getOrDefault(tenant, new Budget(this.tokensPerDay, this.tokensPerMonth));
	}

	/** Tokens a tenant's agents may spend per day and per month. */
	public record Budget(long tokensPerDay, long tokensPerMonth) {
	}

}
