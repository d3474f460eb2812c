package io.brain.api.agent;

import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A conversation with an agent: a chat, or the runs its schedule, a webhook or a person
 * started.
 *
 * @param id its id
 * @param origin CHAT, SCHEDULE, MANUAL or WEBHOOK
 * @param title what it is about, if known
 * @param startedBy who (or what) started it
 * @param messages how many messages it holds
 * @param createdAt when it began
 * @param lastMessageAt when its last message was said
 */
public record AgentSession(UUID id, String origin, @Schema(nullable = true) String title, String startedBy,
		long messages, Instant createdAt, Instant lastMessageAt) {

}
