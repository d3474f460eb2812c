package io.brain.api.run;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Retries the failed steps of a run.
 *
 * @param retries how many more attempts each failed job gets (1 unless given)
 */
public record RetryRunRequest(@Schema(nullable = true, defaultValue = "1") @Min(1) @Max(10) Integer retries) {

	public RetryRunRequest {
		retries = (retries != null) ? retries : 1;
	}

}
