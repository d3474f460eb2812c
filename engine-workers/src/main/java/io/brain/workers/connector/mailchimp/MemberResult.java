package io.brain.workers.connector.mailchimp;

import java.util.List;

/**
 * What Mailchimp answered about the member it added or changed.
 *
 * @param id the member's id in the audience (the MD5 hash of the lowercased address)
 * @param email the member's email address
 * @param status the member's status
 * @param audienceId the audience
 * @param firstName the merge field {@code FNAME}
 * @param lastName the merge field {@code LNAME}
 * @param tagsAdded the tags added afterwards
 */
public record MemberResult(String id, String email, String status, String audienceId, String firstName, String lastName,
		List<String> tagsAdded) {

}
