package io.brain.api.secret;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A secret's new value: written, never read back.
 *
 * @param value the value
 */
public record SetSecretRequest(@NotBlank @Size(max = 10_000) String value) {

	@Override
	public String toString() {
		return "SetSecretRequest[value=****]";
	}

}
