package io.brain.api.automation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The connector element templates generated into the process-models jar, read once: the
 * editor offers them, and {@link BpmnChecks} requires what each connector step's template
 * requires.
 */
@Component
public class ElementTemplates {

	static final String LOCATION = "classpath*:element-templates/*.json";

	private final List<JsonNode> all;

	/** The templates by the job type they bind. */
	private final Map<String, JsonNode> byJobType;

	public ElementTemplates(ObjectMapper json) {
		this.all = read(json);
		Map<String, JsonNode> byJobType = new LinkedHashMap<>();
		for (JsonNode template : this.all) {
			for (JsonNode property : template.path("properties")) {
				if (property.path("binding").path("property").asText().equals("type")) {
					byJobType.put(property.path("value").asText(), template);
				}
			}
		}
		this.byJobType = Map.copyOf(byJobType);
	}

	/**
	 * Every template, ordered by file name; the nodes are shared: read them, never change
	 * them.
	 */
	List<JsonNode> all() {
		return this.all;
	}

	/**
	 * The template with an id, such as {@code io.brain.slack}; the node is shared: read
	 * it, never change it.
	 */
	public Optional<JsonNode> byId(String id) {
		return this.all.stream().filter((template) -> template.path("id").asText().equals(id)).findFirst();
	}

	/**
	 * The template whose steps have the given job type, such as {@code io.brain:slack:1}.
	 */
	Optional<JsonNode> forJobType(String jobType) {
		return Optional.ofNullable(this.byJobType.get(jobType));
	}

	private static List<JsonNode> read(ObjectMapper json) {
		List<JsonNode> templates = new ArrayList<>();
		try {
			Resource[] resources = new PathMatchingResourcePatternResolver().getResources(LOCATION);
			Arrays.sort(resources,
					Comparator.comparing(Resource::getFilename, Comparator.nullsLast(String::compareTo)));
			for (Resource resource : resources) {
				try (InputStream in = resource.getInputStream()) {
					templates.add(json.readTree(in));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The connector element templates are unreadable", ex);
		}
		return List.copyOf(templates);
	}

}
