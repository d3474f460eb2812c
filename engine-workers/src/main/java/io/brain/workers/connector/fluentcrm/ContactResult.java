package io.brain.workers.connector.fluentcrm;

import java.util.List;

/**
 * What FluentCRM answered about the contact it created, changed or tagged.
 *
 * @param id its id
 * @param email its email address
 * @param firstName its first name
 * @param lastName its last name
 * @param status its subscription status
 * @param tags the slugs of its tags, when FluentCRM listed them
 * @param action {@code created} or {@code updated}
 */
public record ContactResult(long id, String email, String firstName, String lastName, String status, List<String> tags,
		String action) {

}
