package io.brain.api.automation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brain.api.ApiTestContext;
import io.brain.api.TestTokens;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The editor gets the connector element templates exactly as process-models ships them.
 */
class ElementTemplatesTests extends ApiTestContext {

	static final Path SHIPPED = Path.of("..", "process-models", "src", "main", "resources", "element-templates");

	static final ObjectMapper JSON = new ObjectMapper();

	@Test
	void listWhenEditorAsksThenEveryShippedTemplateIsAnsweredAsItIs() throws Exception {
		String body = this.mvc.perform(get("/api/element-templates").with(TestTokens.user("templates", "editor")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		List<JsonNode> served = List.of(JSON.readValue(body, JsonNode[].class));
		List<JsonNode> shipped;
		try (Stream<Path> files = Files.list(SHIPPED)) {
			shipped = files.filter((file) -> file.toString().endsWith(".json"))
				.sorted()
				.map(ElementTemplatesTests::read)
				.toList();
		}
		assertThat(served).isEqualTo(shipped);
		assertThat(served).extracting((template) -> template.path("id").asText())
			.contains("io.brain.http", "io.brain.slack");
	}

	private static JsonNode read(Path file) {
		try {
			return JSON.readTree(file.toFile());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
