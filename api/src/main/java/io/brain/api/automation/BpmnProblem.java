package io.brain.api.automation;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One problem of a diagram, on the element the editor marks.
 *
 * @param elementId the BPMN element at fault; absent when the problem is the document's
 * @param message what is wrong, in plain words
 */
public record BpmnProblem(@Schema(nullable = true) String elementId, String message) {

}
