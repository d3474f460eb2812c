package io.brain.workers.connector.email;

/**
 * Output of the "send email" action.
 *
 * @param messageId the Message-ID the mail server was given
 * @param recipients how many recipients it was sent to
 */
public record EmailSent(String messageId, int recipients) {

}
