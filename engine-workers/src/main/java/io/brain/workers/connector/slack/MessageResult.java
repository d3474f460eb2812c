package io.brain.workers.connector.slack;

/**
 * Where Slack posted the message.
 *
 * @param channel the channel's id
 * @param ts the message's timestamp, its id within the channel (for replies and updates)
 * @param threadTs the thread it was posted in, if any
 */
public record MessageResult(String channel, String ts, String threadTs) {

}
