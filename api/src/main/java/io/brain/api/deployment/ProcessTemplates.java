package io.brain.api.deployment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.Documentation;
import io.camunda.zeebe.model.bpmn.instance.Process;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The BPMN templates shipped in the process-models module, read from the classpath.
 */
@Component
class ProcessTemplates {

	private static final String LOCATION = "classpath*:process-models/*.bpmn";

	private final List<Entry> templates;

	ProcessTemplates() {
		this.templates = load();
	}

	List<ProcessTemplate> list() {
		return this.templates.stream().map(Entry::template).toList();
	}

	Optional<Entry> find(String id) {
		return this.templates.stream().filter((entry) -> entry.template().id().equals(id)).findFirst();
	}

	private static List<Entry> load() {
		try {
			List<Entry> entries = new ArrayList<>();
			for (Resource resource : new PathMatchingResourcePatternResolver().getResources(LOCATION)) {
				byte[] xml;
				try (InputStream in = resource.getInputStream()) {
					xml = in.readAllBytes();
				}
				BpmnModelInstance model = Bpmn.readModelFromStream(new java.io.ByteArrayInputStream(xml));
				Process process = model.getModelElementsByType(Process.class).iterator().next();
				String description = process.getDocumentations()
					.stream()
					.map(Documentation::getTextContent)
					.findFirst()
					.orElse("");
				String id = resource.getFilename().replaceFirst("\\.bpmn$", "");
				entries.add(new Entry(new ProcessTemplate(id, process.getName(), description), resource.getFilename(),
						xml));
			}
			entries.sort(Comparator.comparing((Entry entry) -> entry.template().id()));
			return List.copyOf(entries);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the shipped process models", ex);
		}
	}

	record Entry(ProcessTemplate template, String resourceName, byte[] xml) {
	}

}
