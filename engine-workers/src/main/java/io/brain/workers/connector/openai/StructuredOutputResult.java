package io.brain.workers.connector.openai;

import java.util.Map;

/**
 * The model's answer as a JSON object.
 *
 * @param output the answer, parsed
 * @param model the model that answered, as the server names it
 * @param finishReason why it stopped
 * @param usage the tokens used
 */
public record StructuredOutputResult(Map<String, Object> output, String model, String finishReason, Usage usage) {

}
