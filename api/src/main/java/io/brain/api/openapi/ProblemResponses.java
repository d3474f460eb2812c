package io.brain.api.openapi;

import java.util.List;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.stereotype.Component;

/**
 * Declares what every operation answers when it fails: an RFC 9457 problem document, with
 * the field at fault when there is one, so clients generated from the document get its
 * type.
 */
@Component
class ProblemResponses implements OpenApiCustomizer {

	static final String PROBLEM = "Problem";

	@Override
	public void customise(OpenAPI openApi) {
		Schema<?> fieldError = new ObjectSchema().addProperty("field", new StringSchema())
			.addProperty("message", new StringSchema());
		fieldError.setRequired(List.of("field", "message"));
		Schema<?> problem = new ObjectSchema().description("RFC 9457 problem details")
			.addProperty("type", new StringSchema())
			.addProperty("title", new StringSchema())
			.addProperty("status", new IntegerSchema())
			.addProperty("detail", new StringSchema())
			.addProperty("instance", new StringSchema())
			.addProperty("field", new StringSchema().description("the input at fault, when there is one"))
			.addProperty("errors", new ArraySchema().items(fieldError));
		problem.setRequired(List.of("title", "status"));
		openApi.getComponents().addSchemas(PROBLEM, problem);
		ApiResponse failure = new ApiResponse().description("The request failed; the problem says why")
			.content(new Content().addMediaType("application/problem+json",
					new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
		if (openApi.getPaths() == null) {
			return;
		}
		openApi.getPaths()
			.values()
			.forEach((path) -> path.readOperationsMap()
				.values()
				.forEach((operation) -> operation.getResponses().addApiResponse("default", failure)));
	}

}
