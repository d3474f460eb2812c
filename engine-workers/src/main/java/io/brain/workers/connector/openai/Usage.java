package io.brain.workers.connector.openai;

/**
 * The tokens a completion used, as the model server counted them.
 *
 * @param inputTokens the prompt's tokens
 * @param outputTokens the answer's tokens
 * @param totalTokens both
 */
public record Usage(Integer inputTokens, Integer outputTokens, Integer totalTokens) {

}
