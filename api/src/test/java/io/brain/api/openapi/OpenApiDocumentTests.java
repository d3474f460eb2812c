package io.brain.api.openapi;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.brain.core.database.EmbeddedDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The web app's typed client is generated from {@code ui/openapi.json}; this keeps that
 * file equal to the document the api serves. Run with {@code -Dopenapi.write=true} to
 * rewrite it after changing the API.
 */
@SpringBootTest(properties = { "camunda.connector.polling.enabled=false", "camunda.connector.webhook.enabled=false",
		"BRAIN_MASTER_KEY=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=" })
@AutoConfigureMockMvc
class OpenApiDocumentTests {

	static final Path COMMITTED = Path.of("..", "ui", "openapi.json");

	@Autowired
	MockMvc mvc;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry properties) {
		properties.add("spring.datasource.url", () -> EmbeddedDatabase.forTests().ensureDatabase("api_docs"));
		properties.add("spring.datasource.username", () -> "brain_app");
	}

	@Test
	void apiDocsWhenServedThenEqualTheCommittedDocumentTheUiIsBuiltFrom() throws Exception {
		String served = this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
		JsonNode document = json.readTree(served);
		((com.fasterxml.jackson.databind.node.ObjectNode) document).remove("servers");
		String pretty = json.writeValueAsString(document) + "\n";
		if (Boolean.getBoolean("openapi.write")) {
			Files.writeString(COMMITTED, pretty);
		}
		assertThat(Files.readString(COMMITTED))
			.as("ui/openapi.json is out of date: run ./mvnw -pl api verify -Dopenapi.write=true")
			.isEqualTo(pretty);
	}

}
