package io.brain.workers.connector.openai;

/**
 * The model's answer.
 *
 * @param text the answer
 * @param model the model that answered, as the server names it
 * @param finishReason why it stopped: {@code stop}, {@code length} (max tokens reached),
 * {@code content_filter}...
 * @param usage the tokens used
 */
public record ChatCompletionResult(String text, String model, String finishReason, Usage usage) {

}
