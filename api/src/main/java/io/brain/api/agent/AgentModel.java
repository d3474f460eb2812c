package io.brain.api.agent;

import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The language model an agent asks, through one of the tenant's connections of the
 * OpenAI-compatible connector (OpenAI, Azure OpenAI, Ollama, vLLM ...).
 *
 * @param connectionId the connection, of the {@code openai} connector type
 * @param model the model's name; the connection's default model when left out
 * @param temperature how freely it answers, 0 to 2 (default 1)
 * @param maxOutputTokens the most tokens one answer may have, 1 to 32768 (default 2048)
 */
public record AgentModel(@NotNull UUID connectionId,
		@Schema(nullable = true, example = "gpt-4o-mini") @Size(max = 200) String model,
		@Schema(nullable = true, example = "0.7") @DecimalMin("0") @DecimalMax("2") Double temperature,
		@Schema(nullable = true) @Min(1) @Max(32768) Integer maxOutputTokens) {

	static final double DEFAULT_TEMPERATURE = 1.0;

	static final int DEFAULT_MAX_OUTPUT_TOKENS = 2048;

}
