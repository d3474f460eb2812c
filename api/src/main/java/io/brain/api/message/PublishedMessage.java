package io.brain.api.message;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A message the engine took. Which run it resumes (or starts) is the engine's to decide,
 * now or within the message's time to live, so no run id is known here.
 *
 * @param name the message's name
 * @param correlationKey its correlation key
 * @param messageId its id, if it has one
 * @param messageKey the engine's key of the message, where the engine names it (Camunda 8
 * names every message, the open engine those it keeps for their time to live); absent too
 * when a message with the same name and id was published before and is still kept, so
 * this one was not published
 * @param alreadyPublished whether that was the case
 */
public record PublishedMessage(String name, String correlationKey, @Schema(nullable = true) String messageId,
		@Schema(nullable = true) String messageKey, boolean alreadyPublished) {

}
