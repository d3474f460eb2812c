package io.brain.workers.connector.mailchimp;

import java.util.List;

/**
 * The tags Mailchimp set on a member.
 *
 * @param audienceId the audience
 * @param email the member's email address
 * @param added the tags added
 * @param removed the tags taken off
 */
public record TagsResult(String audienceId, String email, List<String> added, List<String> removed) {

}
