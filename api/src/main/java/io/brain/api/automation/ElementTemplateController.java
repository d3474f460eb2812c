package io.brain.api.automation;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The connector element templates for the BPMN editor, so a step applies one and gets the
 * connector's fields.
 */
@RestController
@SecurityRequirement(name = "bearer")
class ElementTemplateController {

	private final ElementTemplates templates;

	ElementTemplateController(ElementTemplates templates) {
		this.templates = templates;
	}

	@GetMapping("/api/element-templates")
	@PreAuthorize("hasAuthority('automations:read')")
	@Operation(operationId = "listElementTemplates",
			summary = "The connector element templates (Zeebe element templates JSON) the BPMN editor offers")
	@ApiResponse(responseCode = "200", description = "The templates, one per connector",
			content = @Content(array = @ArraySchema(schema = @Schema(type = "object",
					additionalProperties = Schema.AdditionalPropertiesValue.TRUE,
					description = "A Zeebe element template, as the element templates JSON schema describes it"))))
	List<JsonNode> list() {
		return this.templates.all();
	}

}
