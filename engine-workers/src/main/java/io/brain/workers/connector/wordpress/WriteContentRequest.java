package io.brain.workers.connector.wordpress;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

/**
 * Input of the create and update actions for posts and pages.
 *
 * @param connection the name of the tenant's WordPress connection
 * @param id the post or page to update; absent when creating
 * @param title the title
 * @param content the content (HTML or blocks)
 * @param status publish, future, draft, pending or private
 * @param excerpt the excerpt
 */
public record WriteContentRequest(@NotBlank String connection, @Positive Long id, String title, String content,
		@Pattern(regexp = "publish|future|draft|pending|private") String status, String excerpt) {

}
