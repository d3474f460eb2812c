package io.brain.workers.connector.hubspot;

/**
 * What HubSpot answered about the contact it created or changed.
 *
 * @param id the contact's record id
 * @param email its email address
 * @param firstName its first name
 * @param lastName its last name
 * @param company its company name
 * @param created whether HubSpot created the contact (rather than changing one)
 * @param updatedAt when HubSpot last changed it (ISO 8601)
 */
public record ContactResult(String id, String email, String firstName, String lastName, String company, boolean created,
		String updatedAt) {

}
