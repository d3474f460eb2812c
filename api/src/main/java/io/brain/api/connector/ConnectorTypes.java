package io.brain.api.connector;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The connector types Brain ships, read from the catalog the engine workers' build writes
 * into the process-models module.
 */
@Component
public class ConnectorTypes {

	private final List<ConnectorType> types;

	ConnectorTypes(ObjectMapper json) {
		try (InputStream in = new ClassPathResource("connectors/catalog.json").getInputStream()) {
			this.types = List.copyOf(json.readValue(in, new TypeReference<List<ConnectorType>>() {
			}));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The connector catalog is missing or unreadable", ex);
		}
	}

	public List<ConnectorType> all() {
		return this.types;
	}

	public Optional<ConnectorType> find(String type) {
		return this.types.stream().filter((candidate) -> candidate.type().equals(type)).findFirst();
	}

}
