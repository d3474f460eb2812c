package io.brain.api.automation;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import io.brain.api.connector.ConnectorType;
import io.brain.api.connector.ConnectorTypes;
import io.brain.api.connector.Connections;
import io.brain.core.tenant.TenantId;
import io.brain.engine.Engine;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.ServiceTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeHeader;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeInput;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeIoMapping;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskHeaders;
import io.camunda.zeebe.model.bpmn.validation.zeebe.ZeebeDesignTimeValidators;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.camunda.bpm.model.xml.validation.ValidationResultType;
import org.camunda.bpm.model.xml.validation.ValidationResults;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.stereotype.Component;

/**
 * Checks a diagram before it is saved: Zeebe's own design-time validation, then Brain's
 * rules for connector steps — a known connector job type, the inputs its element template
 * requires, and a connection this tenant has (never another tenant's) — and message names
 * the deployment can give the tenant's namespace. Every problem names its element, so the
 * editor can mark it.
 */
@Component
class BpmnChecks {

	private static final String BRAIN_JOB_TYPE = "io.brain:";

	private final ConnectorTypes types;

	private final Connections connections;

	private final ElementTemplates templates;

	private final Engine engine;

	BpmnChecks(ConnectorTypes types, Connections connections, ElementTemplates templates, Engine engine) {
		this.engine = engine;
		this.types = types;
		this.connections = connections;
		this.templates = templates;
	}

	/**
	 * Parses and checks a diagram.
	 * @return the parsed model and its problems (none when it may be saved)
	 */
	Checked check(TenantId tenant, String bpmnXml) {
		BpmnModelInstance model;
		try {
			model = Bpmn.readModelFromStream(new ByteArrayInputStream(bpmnXml.getBytes(StandardCharsets.UTF_8)));
		}
		catch (RuntimeException ex) {
			return new Checked(null, List.of(new BpmnProblem(null,
					"The file is not BPMN XML: " + NestedExceptionUtils.getMostSpecificCause(ex).getMessage())));
		}
		List<BpmnProblem> problems = new ArrayList<>();
		List<Process> executable = model.getModelElementsByType(Process.class)
			.stream()
			.filter(Process::isExecutable)
			.toList();
		if (executable.size() != 1) {
			problems.add(new BpmnProblem(null,
					executable.isEmpty() ? "The diagram has no executable process: mark the process as executable."
							: "The diagram has " + executable.size()
									+ " executable processes; an automation runs exactly one."));
		}
		ValidationResults results = model.validate(ZeebeDesignTimeValidators.VALIDATORS);
		results.getResults()
			.forEach((element, found) -> found.stream()
				.filter((result) -> result.getType() == ValidationResultType.ERROR)
				.forEach((result) -> problems.add(new BpmnProblem(idOf(element), result.getMessage()))));
		for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
			checkConnectorStep(tenant, task, problems);
		}
		// What the engine Brain runs on cannot carry, found before anything is deployed.
		this.engine.check(tenant, bpmnXml)
			.forEach((problem) -> problems.add(new BpmnProblem(problem.elementId(), problem.message())));
		return new Checked(model, List.copyOf(problems));
	}

	private void checkConnectorStep(TenantId tenant, ServiceTask task, List<BpmnProblem> problems) {
		ZeebeTaskDefinition definition = task.getSingleExtensionElement(ZeebeTaskDefinition.class);
		String jobType = (definition != null) ? definition.getType() : null;
		if (jobType == null || !jobType.startsWith(BRAIN_JOB_TYPE)) {
			return;
		}
		Optional<ConnectorType> type = this.types.all()
			.stream()
			.filter((candidate) -> candidate.actions().stream().anyMatch((action) -> action.jobType().equals(jobType)))
			.findFirst();
		if (type.isEmpty()) {
			problems.add(new BpmnProblem(task.getId(), "Brain has no connector with the job type '" + jobType + "'."));
			return;
		}
		Map<String, String> headers = headers(task);
		Map<String, String> inputs = inputs(task);
		String operation = headers.get("operation");
		JsonNode template = this.templates.forJobType(jobType).orElse(null);
		if (template != null) {
			for (JsonNode property : template.path("properties")) {
				String condition = property.path("condition").path("allMatch").path(0).path("equals").asText(null);
				boolean applies = condition == null || condition.equals(operation);
				String input = property.path("binding").path("name").asText(null);
				if (applies && property.path("binding").path("type").asText().equals("zeebe:input")
						&& property.path("constraints").path("notEmpty").asBoolean(false)
						&& isBlank(inputs.get(input))) {
					problems.add(new BpmnProblem(task.getId(), type.get().name() + ": "
							+ property.path("label").asText(input) + " is required (input '" + input + "')."));
				}
			}
		}
		String connection = literal(inputs.get("connection"));
		if (connection != null) {
			Optional<String> found = this.connections.typeOfNamed(tenant, connection);
			if (found.isEmpty() || !found.get().equals(type.get().type())) {
				problems.add(new BpmnProblem(task.getId(), "This tenant has no " + type.get().name()
						+ " connection named '" + connection + "'. Create it on the Connectors page."));
			}
		}
	}

	/**
	 * The text of an input that does not depend on the run: a static value or a FEEL
	 * string literal; {@code null} for any other expression.
	 */
	static String literal(String source) {
		if (source == null) {
			return null;
		}
		if (!source.startsWith("=")) {
			return source;
		}
		String expression = source.substring(1).strip();
		if (expression.length() >= 2 && expression.startsWith("\"") && expression.endsWith("\"")
				&& expression.indexOf('"', 1) == expression.length() - 1) {
			return expression.substring(1, expression.length() - 1);
		}
		return null;
	}

	private static Map<String, String> headers(ServiceTask task) {
		Map<String, String> headers = new HashMap<>();
		ZeebeTaskHeaders all = task.getSingleExtensionElement(ZeebeTaskHeaders.class);
		if (all != null) {
			for (ZeebeHeader header : all.getHeaders()) {
				headers.put(header.getKey(), header.getValue());
			}
		}
		return headers;
	}

	private static Map<String, String> inputs(ServiceTask task) {
		Map<String, String> inputs = new HashMap<>();
		ZeebeIoMapping mapping = task.getSingleExtensionElement(ZeebeIoMapping.class);
		if (mapping != null) {
			for (ZeebeInput input : mapping.getInputs()) {
				inputs.put(input.getTarget(), input.getSource());
			}
		}
		return inputs;
	}

	private static boolean isBlank(String source) {
		return source == null || source.isBlank() || source.strip().equals("=");
	}

	private static String idOf(ModelElementInstance element) {
		return element.getAttributeValue("id");
	}

	/**
	 * A diagram as parsed, with its problems.
	 *
	 * @param model the model; {@code null} when the file is not BPMN
	 * @param problems what is wrong, by element
	 */
	record Checked(BpmnModelInstance model, List<BpmnProblem> problems) {

		boolean ok() {
			return this.problems.isEmpty();
		}

	}

}
