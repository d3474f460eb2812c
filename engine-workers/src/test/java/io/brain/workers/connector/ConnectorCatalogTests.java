package io.brain.workers.connector;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.brain.workers.catalog.ConnectorDefinition;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalog the api serves is generated from the connectors' declarations; this keeps
 * the committed file equal to them. Run with {@code -Dcatalog.write=true} to rewrite it
 * after changing a connector.
 */
class ConnectorCatalogTests {

	static final Path COMMITTED = Path.of("..", "process-models", "src", "main", "resources", "connectors",
			"catalog.json");

	@Test
	void catalogWhenGeneratedThenEqualsTheCommittedFile() throws Exception {
		String generated = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
			.writeValueAsString(ConnectorCatalog.all()) + "\n";
		if (Boolean.getBoolean("catalog.write")) {
			Files.writeString(COMMITTED, generated);
		}
		assertThat(Files.readString(COMMITTED))
			.as("process-models/.../connectors/catalog.json is out of date: run ./mvnw -pl engine-workers test -Dcatalog.write=true")
			.isEqualTo(generated);
	}

	@Test
	void catalogWhenDeclaredThenTypesJobTypesOperationsAndFieldNamesAreUnique() {
		Set<String> types = new HashSet<>();
		Set<String> jobTypes = new HashSet<>();
		for (ConnectorDefinition definition : ConnectorCatalog.all()) {
			assertThat(types.add(definition.type())).as(definition.type()).isTrue();
			assertThat(definition.type()).matches("[a-z][a-z0-9-]*");
			Set<String> own = new HashSet<>();
			definition.actions().forEach((action) -> own.add(action.jobType()));
			own.forEach((jobType) -> assertThat(jobTypes.add(jobType)).as("job type %s", jobType).isTrue());
			Set<String> operations = new HashSet<>();
			definition.actions().forEach((action) -> assertThat(operations.add(action.id())).isTrue());
			Set<String> fields = new HashSet<>();
			definition.fields().forEach((field) -> assertThat(fields.add(field.name())).isTrue());
		}
	}

}
