package io.brain.workers.connector.wordpress;

/**
 * What WordPress answered about the post or page it created or changed.
 *
 * @param id its id
 * @param link its public address
 * @param status its status
 * @param title its rendered title
 */
public record ContentResult(long id, String link, String status, String title) {

}
