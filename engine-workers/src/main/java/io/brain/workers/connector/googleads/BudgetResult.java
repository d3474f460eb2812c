package io.brain.workers.connector.googleads;

import java.math.BigDecimal;

/**
 * A campaign budget Google Ads changed.
 *
 * @param campaignId the campaign asked for
 * @param budgetResourceName the budget's resource name,
 * {@code customers/{cid}/campaignBudgets/{id}}
 * @param amount the new daily amount in the account's currency
 * @param amountMicros the same in micros, as Google Ads keeps it
 * @param shared whether other campaigns share this budget
 */
public record BudgetResult(String campaignId, String budgetResourceName, BigDecimal amount, long amountMicros,
		boolean shared) {

}
