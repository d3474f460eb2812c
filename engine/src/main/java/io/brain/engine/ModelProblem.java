package io.brain.engine;

/**
 * Something in a model an engine cannot carry, on the element at fault.
 *
 * @param elementId the BPMN element's id; {@code null} for the model as a whole
 * @param message what is wrong and what to do about it, in the user's words
 */
public record ModelProblem(String elementId, String message) {

}
