package io.brain.api.rule;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.brain.api.automation.ElementTemplates;
import io.brain.api.rule.internal.Feel;
import io.brain.api.rule.internal.TemplateBindings;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.builder.AbstractFlowNodeBuilder;
import io.camunda.zeebe.model.bpmn.builder.ServiceTaskBuilder;
import io.camunda.zeebe.model.bpmn.impl.BpmnModelConstants;
import io.camunda.zeebe.model.bpmn.instance.ExclusiveGateway;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;

import org.springframework.stereotype.Component;

/**
 * Generates an automation's executable BPMN from a rule, laid out by Zeebe's model
 * builder: the start event named after the trigger; for conditions, an exclusive gateway
 * whose condition is FEEL built from quoted values and checked paths, with a default flow
 * to the end event "Condition not met"; then one service task per action with its element
 * template applied (so the modeler shows the template's form when the diagram is opened),
 * and the end event "Done".
 */
@Component
class RuleDiagram {

	static final String START = "Trigger";

	static final String GATEWAY = "Condition";

	static final String NOT_MET = "ConditionNotMet";

	static final String DONE = "Done";

	private static final String NOT_MET_FLOW = "ConditionNotMetFlow";

	private static final int MAX_LABEL = 120;

	private final ElementTemplates templates;

	RuleDiagram(ElementTemplates templates) {
		this.templates = templates;
	}

	/** The id of the task of the action at an index, from 0. */
	static String actionId(int index) {
		return "Action_" + (index + 1);
	}

	/** The index of the action a task id names, or -1. */
	static int actionIndex(String elementId) {
		if (elementId != null && elementId.matches("Action_[1-9][0-9]{0,2}")) {
			return Integer.parseInt(elementId.substring("Action_".length())) - 1;
		}
		return -1;
	}

	/**
	 * Generates the diagram of a rule.
	 * @param processId the process id
	 * @param processName the process name
	 * @param rule the rule
	 * @param triggerName what starts it, in words, for the start event
	 * @param connections the names of the actions' connections, by action index
	 * @return the diagram, and the problems of the rule, with fields relative to the rule
	 */
	Generated generate(String processId, String processName, AutomationRule rule, String triggerName,
			Map<Integer, String> connections) {
		List<RuleProblem> problems = new ArrayList<>();
		String condition = condition(rule.conditions(), problems);
		AbstractFlowNodeBuilder<?, ?> flow = Bpmn.createExecutableProcess(processId)
			.name(processName)
			.startEvent(START)
			.name(triggerName);
		// Declared before any task uses it, so the modeler attributes are written as
		// zeebe:.
		flow.done().getDefinitions().getDomElement().registerNamespace("zeebe", BpmnModelConstants.ZEEBE_NS);
		if (condition != null) {
			flow = flow.exclusiveGateway(GATEWAY)
				.name(gatewayLabel(rule.conditions()))
				.sequenceFlowId("ConditionMet")
				.condition("Yes", condition);
		}
		List<RuleAction> actions = (rule.then() != null) ? rule.then() : List.of();
		for (int i = 0; i < actions.size(); i++) {
			flow = action(flow, i, actions.get(i), connections.get(i), problems);
		}
		flow = flow.endEvent(DONE).name("Done");
		BpmnModelInstance model;
		if (condition != null) {
			model = flow.moveToNode(GATEWAY)
				.sequenceFlowId(NOT_MET_FLOW)
				.endEvent(NOT_MET)
				.name("Condition not met")
				.done();
			SequenceFlow otherwise = model.getModelElementById(NOT_MET_FLOW);
			otherwise.setName("No");
			ExclusiveGateway gateway = model.getModelElementById(GATEWAY);
			gateway.setDefault(otherwise);
		}
		else {
			model = flow.done();
		}
		return new Generated(model, Bpmn.convertToString(model), List.copyOf(problems));
	}

	private AbstractFlowNodeBuilder<?, ?> action(AbstractFlowNodeBuilder<?, ?> flow, int index, RuleAction action,
			String connection, List<RuleProblem> problems) {
		String field = "then[" + index + "]";
		String id = actionId(index);
		JsonNode template = (action.templateId() != null) ? this.templates.byId(action.templateId()).orElse(null)
				: null;
		if (template == null) {
			problems.add(new RuleProblem(field + ".templateId", id,
					(action.templateId() == null || action.templateId().isBlank()) ? "Choose what the action does."
							: "Brain has no connector template '" + action.templateId() + "'."));
			ServiceTaskBuilder unknown = flow.serviceTask(id);
			unknown.name(label(action.name(), "Unknown action"));
			return unknown;
		}
		TemplateBindings bindings = TemplateBindings.of(template, action.inputs(), connection);
		String name = label(action.name(), bindings.label());
		for (TemplateBindings.Issue issue : bindings.issues()) {
			String at = TemplateBindings.CONNECTION_INPUT.equals(issue.property()) ? field + ".connectionId"
					: field + ".inputs." + issue.property();
			problems.add(new RuleProblem(at, id, name + ": " + issue.message()));
		}
		ServiceTaskBuilder task = flow.serviceTask(id);
		task.name(name);
		if (bindings.jobType() != null) {
			task.zeebeJobType(bindings.jobType());
		}
		if (bindings.retries() != null) {
			task.zeebeJobRetries(bindings.retries());
		}
		bindings.inputs().forEach((target, source) -> task.zeebeInput(source, target));
		bindings.headers().forEach(task::zeebeTaskHeader);
		task.getElement()
			.setAttributeValueNs(BpmnModelConstants.ZEEBE_NS, "modelerTemplate", template.path("id").asText());
		task.getElement()
			.setAttributeValueNs(BpmnModelConstants.ZEEBE_NS, "modelerTemplateVersion",
					template.path("version").asText("1"));
		String icon = template.path("icon").path("contents").asText(null);
		if (icon != null) {
			task.getElement().setAttributeValueNs(BpmnModelConstants.ZEEBE_NS, "modelerTemplateIcon", icon);
		}
		return task;
	}

	/**
	 * The FEEL condition of a rule's conditions, or null when it has none; each
	 * comparison is true or false, never null, so a missing variable fails the condition
	 * instead of raising an incident.
	 */
	static String condition(RuleConditions conditions, List<RuleProblem> problems) {
		if (conditions == null || conditions.conditions() == null || conditions.conditions().isEmpty()) {
			return null;
		}
		List<String> parts = new ArrayList<>();
		for (int i = 0; i < conditions.conditions().size(); i++) {
			String field = "if.conditions[" + i + "]";
			RuleCondition condition = conditions.conditions().get(i);
			if (condition == null) {
				problems.add(new RuleProblem(field, GATEWAY, "A condition is empty."));
				continue;
			}
			try {
				parts.add("(" + comparison(condition, field, problems) + ")");
			}
			catch (IllegalArgumentException ex) {
				// Named in problems already.
			}
		}
		if (parts.isEmpty()) {
			return "=false";
		}
		String joiner = (conditions.match() == RuleConditions.Match.ANY) ? " or " : " and ";
		return "=" + String.join(joiner, parts);
	}

	private static String comparison(RuleCondition condition, String field, List<RuleProblem> problems) {
		String path = condition.field();
		if (path == null || path.isBlank()) {
			throw problem(problems, field + ".field", "Name the field to check, such as webhook.payload.amount.");
		}
		if (!Feel.isPath(path)) {
			throw problem(problems, field + ".field", "'" + abbreviate(path)
					+ "' is not a field path: use names of letters, digits and _ joined by dots, such as "
					+ "webhook.payload.amount (not starting with a digit, nor a word FEEL keeps such as 'and').");
		}
		if (condition.operator() == null) {
			throw problem(problems, field + ".operator", "Choose how to compare the field.");
		}
		Object value = condition.value();
		switch (condition.operator()) {
			case IS_SET, IS_NOT_SET -> {
				if (value != null && !(value instanceof String text && text.isEmpty())) {
					throw problem(problems, field + ".value", "'is set' and 'is not set' take no value.");
				}
				return path + ((condition.operator() == RuleCondition.Operator.IS_SET) ? " != null" : " = null");
			}
			case GREATER_THAN, LESS_THAN -> {
				BigDecimal number = Feel.decimal(value);
				if (number == null) {
					throw problem(problems, field + ".value", "'greater than' and 'less than' compare with a number.");
				}
				String operator = (condition.operator() == RuleCondition.Operator.GREATER_THAN) ? " > " : " < ";
				return "(" + numeric(path) + operator + Feel.number(number) + ") = true";
			}
			default -> {
				String literal = literal(value, field, problems);
				return switch (condition.operator()) {
					case EQUALS -> "(" + compared(path, value) + " = " + literal + ") = true";
					case NOT_EQUALS -> "(" + compared(path, value) + " = " + literal + ") != true";
					default -> "(if " + path + " instance of string then contains(" + path + ", "
							+ literal(text(value), field, problems) + ") else list contains(" + path + ", " + literal
							+ ")) = true";
				};
			}
		}
	}

	/** A field compared with a number is read as a number when it holds one as text. */
	private static String compared(String path, Object value) {
		return (Feel.decimal(value) != null) ? numeric(path) : path;
	}

	private static String numeric(String path) {
		return "(if " + path + " instance of string then number(" + path + ") else " + path + ")";
	}

	private static String literal(Object value, String field, List<RuleProblem> problems) {
		if (value == null) {
			throw problem(problems, field + ".value", "Give the value to compare with.");
		}
		try {
			return Feel.literal(value);
		}
		catch (IllegalArgumentException ex) {
			throw problem(problems, field + ".value", "The value " + ex.getMessage() + ".");
		}
	}

	private static String text(Object value) {
		return (value instanceof BigDecimal || value instanceof Number) ? Feel.number(Feel.decimal(value))
				: String.valueOf(value);
	}

	private static IllegalArgumentException problem(List<RuleProblem> problems, String field, String message) {
		problems.add(new RuleProblem(field, GATEWAY, message));
		return new IllegalArgumentException(message);
	}

	/**
	 * The gateway's name: the conditions in words, such as "amount greater than 100?".
	 */
	static String gatewayLabel(RuleConditions conditions) {
		List<String> parts = new ArrayList<>();
		for (RuleCondition condition : conditions.conditions()) {
			if (condition == null || condition.operator() == null) {
				continue;
			}
			String words = condition.operator().name().toLowerCase(Locale.ROOT).replace('_', ' ');
			String last = (condition.field() != null) ? condition.field().replaceAll(".*\\.", "") : "?";
			parts.add(last + " " + words + ((condition.value() != null) ? " " + condition.value() : ""));
		}
		String joined = String.join((conditions.match() == RuleConditions.Match.ANY) ? " or " : " and ", parts) + "?";
		return abbreviate(joined);
	}

	private static String label(String given, String fallback) {
		return (given != null && !given.isBlank()) ? abbreviate(given.strip()) : fallback;
	}

	private static String abbreviate(String text) {
		return (text.length() > MAX_LABEL) ? text.substring(0, MAX_LABEL - 1) + "…" : text;
	}

	/**
	 * A generated diagram.
	 *
	 * @param model the model
	 * @param bpmnXml the model as XML, with its diagram layout
	 * @param problems the rule's problems, fields relative to the rule
	 */
	record Generated(BpmnModelInstance model, String bpmnXml, List<RuleProblem> problems) {

	}

}
