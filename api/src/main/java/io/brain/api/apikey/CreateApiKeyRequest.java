package io.brain.api.apikey;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/**
 * A new API key.
 *
 * @param name what the key is for, e.g. "Shop sync"
 * @param permissions what it may do: a subset of the creator's permissions
 * @param expiresAt when it stops working; never when absent
 */
public record CreateApiKeyRequest(@NotBlank @Size(max = 100) String name, @NotEmpty List<String> permissions,
		@Schema(nullable = true) Instant expiresAt) {

}
