package io.brain.workers.connector.metaads;

/**
 * A campaign whose status Meta changed.
 *
 * @param campaignId its id
 * @param status its new status, {@code PAUSED} or {@code ACTIVE}
 * @param success what Meta answered ({@code success})
 */
public record CampaignResult(String campaignId, String status, boolean success) {

}
