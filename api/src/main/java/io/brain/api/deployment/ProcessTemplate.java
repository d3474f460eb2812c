package io.brain.api.deployment;

/**
 * A BPMN model shipped with Brain that a tenant can deploy as it is.
 *
 * @param id the template's id, the file name without {@code .bpmn}
 * @param name the process's name
 * @param description what it does and the variables it expects
 */
public record ProcessTemplate(String id, String name, String description) {

}
