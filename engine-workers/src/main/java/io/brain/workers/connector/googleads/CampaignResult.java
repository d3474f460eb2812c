package io.brain.workers.connector.googleads;

/**
 * A campaign whose status Google Ads changed.
 *
 * @param campaignId its id
 * @param resourceName its resource name, {@code customers/{cid}/campaigns/{id}}
 * @param status its new status, {@code PAUSED} or {@code ENABLED}
 */
public record CampaignResult(String campaignId, String resourceName, String status) {

}
