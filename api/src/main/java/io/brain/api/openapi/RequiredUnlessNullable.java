package io.brain.api.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.stereotype.Component;

/**
 * Brain's API convention: every property of a request or response is required unless it
 * is marked {@code @Schema(nullable = true)}. The typed client the web app is generated
 * from then knows which fields are always there.
 */
@Component
class RequiredUnlessNullable implements OpenApiCustomizer {

	@Override
	public void customise(OpenAPI openApi) {
		if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
			return;
		}
		for (Map.Entry<String, Schema> entry : openApi.getComponents().getSchemas().entrySet()) {
			if (entry.getKey().equals(ProblemResponses.PROBLEM)) {
				continue;
			}
			Schema<?> schema = entry.getValue();
			Map<String, Schema> properties = schema.getProperties();
			if (properties == null) {
				continue;
			}
			List<String> required = new ArrayList<>();
			properties.forEach((name, property) -> {
				if (!isNullable(property)) {
					required.add(name);
				}
			});
			schema.setRequired(required.isEmpty() ? null : required);
		}
	}

	private static boolean isNullable(Schema<?> property) {
		return Boolean.TRUE.equals(property.getNullable())
				|| (property.getTypes() != null && property.getTypes().contains("null"));
	}

}
