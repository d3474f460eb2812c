package io.brain.api.deployment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A BPMN model to deploy for the caller's tenant.
 *
 * @param resourceName the file name, ending in {@code .bpmn}
 * @param bpmnXml the BPMN 2.0 XML
 */
public record DeployRequest(
		@NotBlank @Size(max = 200) @Pattern(regexp = "[\\w .-]+\\.bpmn",
				message = "must be a file name ending in .bpmn") String resourceName,
		@NotBlank @Size(max = 1_000_000) String bpmnXml) {

}
