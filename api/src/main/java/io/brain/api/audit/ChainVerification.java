package io.brain.api.audit;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The result of checking a tenant's audit chain.
 *
 * @param intact whether every row's hash matches its contents and links to the previous
 * row
 * @param rowsChecked how many rows were checked
 * @param firstBrokenId the first row that does not match, if any
 * @param problem what is wrong with it
 */
public record ChainVerification(boolean intact, long rowsChecked, @Schema(nullable = true) Long firstBrokenId,
		@Schema(nullable = true) String problem) {

}
