package io.brain.api.rule;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.brain.api.automation.ElementTemplates;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.ExclusiveGateway;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.ServiceTask;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnEdge;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnShape;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeHeader;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeInput;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeIoMapping;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskHeaders;
import io.camunda.zeebe.model.bpmn.impl.BpmnModelConstants;
import io.camunda.zeebe.model.bpmn.validation.zeebe.ZeebeDesignTimeValidators;
import org.camunda.bpm.model.xml.validation.ValidationResultType;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The BPMN a rule generates: its conditions as FEEL that quotes what users typed and
 * evaluates to true or false, never null; each action's element template bound as the
 * modeler binds it; a layout for every element; and a model Zeebe accepts.
 */
class RuleDiagramTests {

	static final ElementTemplates TEMPLATES = new ElementTemplates(new ObjectMapper());

	static final RuleDiagram DIAGRAM = new RuleDiagram(TEMPLATES);

	static final FeelEngineApi FEEL = FeelEngineBuilder.forJava().build();

	static final RuleTrigger MANUAL = new RuleTrigger(RuleTrigger.Type.MANUAL, null, null);

	@Test
	void conditionWhenValueHoldsQuotesBackslashesAndNewlinesThenItIsOneStringLiteral() {
		String tricky = "Ada \"the\" \\ Lovelace\n\t\") or true or (\"";
		String feel = condition(RuleConditions.Match.ALL,
				new RuleCondition("webhook.payload.name", RuleCondition.Operator.EQUALS, tricky));

		assertThat(feel).isEqualTo("=((webhook.payload.name = \"Ada \\\"the\\\" \\\\ Lovelace\\n\\t\\\") or true or "
				+ "(\\\"\") = true)");
		assertThat(evaluate(feel, payload("name", tricky))).isTrue();
		assertThat(evaluate(feel, payload("name", "Ada"))).isFalse();
		assertThat(evaluate(feel, payload("name", "anything"))).isFalse();
	}

	@Test
	void conditionWhenEveryOperatorThenTrueOrFalseAndNeverNull() {
		Map<String, Object> order = payload("amount", 150);
		order = withPayload(order, "total", "19.99");
		order = withPayload(order, "tags", List.of("vip", "new"));
		order = withPayload(order, "email", "ada@example.com");

		assertThat(holds(RuleCondition.Operator.EQUALS, "webhook.payload.email", "ada@example.com", order)).isTrue();
		assertThat(holds(RuleCondition.Operator.EQUALS, "webhook.payload.amount", 150, order)).isTrue();
		assertThat(holds(RuleCondition.Operator.EQUALS, "webhook.payload.total", 19.99, order)).isTrue();
		assertThat(holds(RuleCondition.Operator.EQUALS, "webhook.payload.amount", "150", order)).isFalse();
		assertThat(holds(RuleCondition.Operator.EQUALS, "webhook.payload.missing", "x", order)).isFalse();
		assertThat(holds(RuleCondition.Operator.NOT_EQUALS, "webhook.payload.email", "bob@example.com", order))
			.isTrue();
		assertThat(holds(RuleCondition.Operator.NOT_EQUALS, "webhook.payload.amount", 150, order)).isFalse();
		assertThat(holds(RuleCondition.Operator.NOT_EQUALS, "webhook.payload.missing", 5, order)).isTrue();
		assertThat(holds(RuleCondition.Operator.CONTAINS, "webhook.payload.email", "@example", order)).isTrue();
		assertThat(holds(RuleCondition.Operator.CONTAINS, "webhook.payload.tags", "vip", order)).isTrue();
		assertThat(holds(RuleCondition.Operator.CONTAINS, "webhook.payload.tags", "gold", order)).isFalse();
		assertThat(holds(RuleCondition.Operator.CONTAINS, "webhook.payload.amount", "1", order)).isFalse();
		assertThat(holds(RuleCondition.Operator.CONTAINS, "webhook.payload.missing", "x", order)).isFalse();
		assertThat(holds(RuleCondition.Operator.GREATER_THAN, "webhook.payload.amount", 100, order)).isTrue();
		assertThat(holds(RuleCondition.Operator.GREATER_THAN, "webhook.payload.amount", 150, order)).isFalse();
		assertThat(holds(RuleCondition.Operator.GREATER_THAN, "webhook.payload.total", 10, order)).isTrue();
		assertThat(holds(RuleCondition.Operator.GREATER_THAN, "webhook.payload.email", 10, order)).isFalse();
		assertThat(holds(RuleCondition.Operator.GREATER_THAN, "webhook.payload.missing", 10, order)).isFalse();
		assertThat(holds(RuleCondition.Operator.LESS_THAN, "webhook.payload.amount", 150.5, order)).isTrue();
		assertThat(holds(RuleCondition.Operator.LESS_THAN, "webhook.payload.amount", -3, order)).isFalse();
		assertThat(holds(RuleCondition.Operator.IS_SET, "webhook.payload.email", null, order)).isTrue();
		assertThat(holds(RuleCondition.Operator.IS_SET, "webhook.payload.missing", null, order)).isFalse();
		assertThat(holds(RuleCondition.Operator.IS_SET, "nothing.at.all", null, order)).isFalse();
		assertThat(holds(RuleCondition.Operator.IS_NOT_SET, "webhook.payload.missing", null, order)).isTrue();
		assertThat(holds(RuleCondition.Operator.IS_NOT_SET, "webhook.payload.amount", null, order)).isFalse();
	}

	@Test
	void conditionWhenAllOrAnyThenJoinedWithAndOrOr() {
		RuleCondition big = new RuleCondition("amount", RuleCondition.Operator.GREATER_THAN, 100);
		RuleCondition vip = new RuleCondition("tier", RuleCondition.Operator.EQUALS, "vip");

		String all = condition(RuleConditions.Match.ALL, big, vip);
		String any = condition(RuleConditions.Match.ANY, big, vip);

		assertThat(all).contains(") and (");
		assertThat(any).contains(") or (");
		assertThat(evaluate(all, Map.of("amount", 150, "tier", "basic"))).isFalse();
		assertThat(evaluate(any, Map.of("amount", 150, "tier", "basic"))).isTrue();
		assertThat(evaluate(any, Map.of("amount", 50, "tier", "basic"))).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "webhook.payload.amount) or (true", "a..b", "1st", "webhook.and", "webhook.payload[0]",
			"x = 1", "webhook.payload.\"a\"", "" })
	void conditionWhenFieldIsNoPlainPathThenProblemNamesTheFieldAndNothingIsPasted(String path) {
		List<RuleProblem> problems = new ArrayList<>();
		String feel = RuleDiagram.condition(new RuleConditions(RuleConditions.Match.ALL,
				List.of(new RuleCondition(path, RuleCondition.Operator.EQUALS, "x"))), problems);

		assertThat(problems).extracting(RuleProblem::field).containsExactly("if.conditions[0].field");
		assertThat(feel).isEqualTo("=false");
	}

	@Test
	void conditionWhenValueDoesNotFitTheOperatorThenProblemNamesTheValue() {
		List<RuleProblem> problems = new ArrayList<>();
		RuleDiagram.condition(new RuleConditions(RuleConditions.Match.ANY,
				List.of(new RuleCondition("amount", RuleCondition.Operator.GREATER_THAN, "a lot"),
						new RuleCondition("name", RuleCondition.Operator.EQUALS, null),
						new RuleCondition("name", RuleCondition.Operator.IS_SET, "x"),
						new RuleCondition("name", RuleCondition.Operator.EQUALS, "bell\u0007"),
						new RuleCondition("name", RuleCondition.Operator.EQUALS, Map.of("a", 1)),
						new RuleCondition("name", null, "x"))),
				problems);

		assertThat(problems).extracting(RuleProblem::field)
			.containsExactly("if.conditions[0].value", "if.conditions[1].value", "if.conditions[2].value",
					"if.conditions[3].value", "if.conditions[4].value", "if.conditions[5].operator");
		assertThat(problems).allSatisfy((problem) -> assertThat(problem.elementId()).isEqualTo("Condition"));
	}

	@Test
	void generateWhenHttpActionThenTheTemplatesBindingsDefaultsAndModelerAttributesAreApplied() {
		Map<String, String> inputs = new LinkedHashMap<>();
		inputs.put("send:method", "POST");
		inputs.put("send:url", "https://hooks.example.com/orders");
		inputs.put("send:body", "=webhook.payload");
		inputs.put("send:headers", "{\"X-Source\": \"brain\"}");
		inputs.put("send:timeoutSeconds", "30");
		inputs.put("resultVariable", "response");
		RuleDiagram.Generated generated = generate(MANUAL, null, new RuleAction("io.brain.http", null, null, inputs));

		assertThat(generated.problems()).isEmpty();
		ServiceTask task = generated.model().getModelElementById("Action_1");
		assertThat(task.getName()).isEqualTo("HTTP request");
		assertThat(task.getSingleExtensionElement(ZeebeTaskDefinition.class).getType())
			.isEqualTo("io.brain:http-request:1");
		assertThat(task.getSingleExtensionElement(ZeebeTaskDefinition.class).getRetries()).isEqualTo("3");
		assertThat(inputs(task)).containsEntry("method", "POST")
			.containsEntry("url", "https://hooks.example.com/orders")
			.containsEntry("body", "=webhook.payload")
			.containsEntry("headers", "={\"X-Source\": \"brain\"}")
			.containsEntry("timeoutSeconds", "30")
			.doesNotContainKey("connection");
		assertThat(headers(task)).containsEntry("operation", "send")
			.containsEntry("elementTemplateId", "io.brain.http")
			.containsEntry("elementTemplateVersion", "1")
			.containsEntry("resultVariable", "response")
			.containsEntry("retryBackoff", "PT10S")
			.containsKey("errorExpression");
		assertThat(task.getAttributeValueNs(BpmnModelConstants.ZEEBE_NS, "modelerTemplate")).isEqualTo("io.brain.http");
		assertThat(task.getAttributeValueNs(BpmnModelConstants.ZEEBE_NS, "modelerTemplateVersion")).isEqualTo("1");
		assertThat(task.getAttributeValueNs(BpmnModelConstants.ZEEBE_NS, "modelerTemplateIcon"))
			.startsWith("data:image/svg+xml");
		assertThat(generated.bpmnXml()).contains("zeebe:modelerTemplate=\"io.brain.http\"");
	}

	@Test
	void generateWhenSlackActionThenOperationChoosesTheFieldsAndTheConnectionIsBound() {
		RuleDiagram.Generated generated = generate(MANUAL, null,
				new RuleAction("io.brain.slack", "Tell the team", null, Map.of("post-message:channel", "#orders",
						"post-message:text", "=\"New order \" + orderId", "post-message:threadTs", "=thread")),
				Map.of(0, "team-slack"));

		assertThat(generated.problems()).isEmpty();
		ServiceTask task = generated.model().getModelElementById("Action_1");
		assertThat(task.getName()).isEqualTo("Tell the team");
		assertThat(inputs(task)).containsEntry("connection", "team-slack")
			.containsEntry("channel", "#orders")
			.containsEntry("text", "=\"New order \" + orderId")
			.doesNotContainKeys("resource", "full");
		assertThat(headers(task)).containsEntry("operation", "post-message");
	}

	@Test
	void generateWhenInputsAreMissingUnknownOrWrongThenEachIsAProblemOfItsActionAndField() {
		RuleDiagram.Generated generated = generate(MANUAL, null,
				new RuleAction("io.brain.http", null, null, Map.of("send:url", "https://example.com")),
				new RuleAction("io.brain.slack", null, null,
						Map.of("post-message:text", "Hi", "colour", "red", "sync:full", "true", "operation",
								"post-message", "id", "io.brain.other")),
				new RuleAction("io.brain.http", null, null,
						Map.of("send:method", "BREW", "send:timeoutSeconds", "soon", "send:url", "ftp://x")),
				new RuleAction("io.brain.fax", null, null, Map.of()));

		assertThat(generated.problems()).extracting(RuleProblem::field)
			.containsExactlyInAnyOrder("then[1].inputs.colour", "then[1].inputs.sync:full", "then[1].inputs.id",
					"then[1].connectionId", "then[1].inputs.post-message:channel", "then[2].inputs.send:method",
					"then[2].inputs.send:timeoutSeconds", "then[3].templateId");
		assertThat(generated.problems()).filteredOn((problem) -> problem.field().startsWith("then[1]"))
			.allSatisfy((problem) -> assertThat(problem.elementId()).isEqualTo("Action_2"));
		assertThat(generated.problems())
			.filteredOn((problem) -> problem.field().equals("then[1].inputs.post-message:channel"))
			.extracting(RuleProblem::message)
			.containsExactly("Slack: Post message: Channel is required.");
		assertThat(generated.problems()).filteredOn((problem) -> problem.field().equals("then[1].connectionId"))
			.extracting(RuleProblem::message)
			.containsExactly("Slack: Post message: Connection is required.");
	}

	@Test
	void generateWhenStaticTextStartsWithEqualsThenItStaysText() {
		RuleDiagram.Generated generated = generate(MANUAL, null, new RuleAction("io.brain.slack", null, null,
				Map.of("post-message:channel", "=\"#x\"", "resultVariable", "=oops")), Map.of(0, "team-slack"));

		ServiceTask task = generated.model().getModelElementById("Action_1");
		assertThat(inputs(task)).containsEntry("channel", "=\"#x\"");
		// A header is static text only: the value is quoted so Zeebe reads it as text.
		assertThat(headers(task)).containsEntry("resultVariable", "=\"=oops\"");
	}

	@Test
	void generateWhenConditionsThenGatewayWithConditionAndDefaultFlowToConditionNotMet() {
		RuleTrigger webhook = new RuleTrigger(RuleTrigger.Type.WEBHOOK, java.util.UUID.randomUUID(), null);
		RuleDiagram.Generated generated = generate(webhook,
				new RuleConditions(RuleConditions.Match.ALL,
						List.of(new RuleCondition("webhook.payload.amount", RuleCondition.Operator.GREATER_THAN, 100))),
				new RuleAction("io.brain.http", null, null, Map.of("send:url", "https://example.com")));

		BpmnModelInstance model = generated.model();
		assertThat(((FlowNode) model.getModelElementById("Trigger")).getName()).isEqualTo("Webhook “Orders” arrives");
		ExclusiveGateway gateway = model.getModelElementById("Condition");
		assertThat(gateway.getName()).isEqualTo("amount greater than 100?");
		assertThat(gateway.getDefault().getTarget().getId()).isEqualTo("ConditionNotMet");
		assertThat(gateway.getDefault().getTarget().getName()).isEqualTo("Condition not met");
		SequenceFlow met = model.getModelElementById("ConditionMet");
		assertThat(met.getConditionExpression().getTextContent())
			.isEqualTo("=(((if webhook.payload.amount instance of string then number(webhook.payload.amount) else "
					+ "webhook.payload.amount) > 100) = true)");
		assertThat(met.getTarget().getId()).isEqualTo("Action_1");
		assertThat(((FlowNode) model.getModelElementById("Action_1")).getOutgoing()).extracting(SequenceFlow::getTarget)
			.extracting(BaseElement::getId)
			.containsExactly("Done");
	}

	@Test
	void generateWhenValidThenEveryElementHasItsShapeOrEdgeAndZeebeFindsNoError() {
		RuleDiagram.Generated generated = generate(MANUAL,
				new RuleConditions(RuleConditions.Match.ANY,
						List.of(new RuleCondition("tier", RuleCondition.Operator.EQUALS, "vip"))),
				new RuleAction("io.brain.http", null, null, Map.of("send:url", "https://example.com")),
				new RuleAction("io.brain.http", "Second call", null, Map.of("send:url", "https://example.org")));

		BpmnModelInstance model = Bpmn.readModelFromStream(new java.io.ByteArrayInputStream(
				generated.bpmnXml().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		List<String> shapes = model.getModelElementsByType(BpmnShape.class)
			.stream()
			.map((shape) -> shape.getBpmnElement().getId())
			.toList();
		List<String> edges = model.getModelElementsByType(BpmnEdge.class)
			.stream()
			.map((edge) -> edge.getBpmnElement().getId())
			.toList();
		assertThat(shapes).containsExactlyInAnyOrder("Trigger", "Condition", "Action_1", "Action_2", "Done",
				"ConditionNotMet");
		assertThat(edges).hasSize(model.getModelElementsByType(SequenceFlow.class).size()).hasSize(5);
		assertThat(model.validate(ZeebeDesignTimeValidators.VALIDATORS)
			.getResults()
			.values()
			.stream()
			.flatMap(List::stream)
			.filter((result) -> result.getType() == ValidationResultType.ERROR)
			.toList()).isEmpty();
		Bpmn.validateModel(model);
	}

	@Test
	void generateWhenNoConditionsThenStartLeadsStraightToTheActions() {
		RuleDiagram.Generated generated = generate(MANUAL, null,
				new RuleAction("io.brain.http", null, null, Map.of("send:url", "https://example.com")));

		assertThat(generated.model().getModelElementsByType(ExclusiveGateway.class)).isEmpty();
		assertThat(((FlowNode) generated.model().getModelElementById("Trigger")).getOutgoing())
			.extracting(SequenceFlow::getTarget)
			.extracting(BaseElement::getId)
			.containsExactly("Action_1");
		assertThat(RuleDiagram.actionIndex("Action_12")).isEqualTo(11);
		assertThat(RuleDiagram.actionIndex("Condition")).isEqualTo(-1);
	}

	private static RuleDiagram.Generated generate(RuleTrigger when, RuleConditions conditions, RuleAction... actions) {
		return generate(when, conditions, List.of(actions), Map.of());
	}

	private static RuleDiagram.Generated generate(RuleTrigger when, RuleConditions conditions, RuleAction action,
			Map<Integer, String> connections) {
		return generate(when, conditions, List.of(action), connections);
	}

	private static RuleDiagram.Generated generate(RuleTrigger when, RuleConditions conditions, List<RuleAction> actions,
			Map<Integer, String> connections) {
		String trigger = (when.type() == RuleTrigger.Type.WEBHOOK) ? "Webhook “Orders” arrives" : "Started by hand";
		return DIAGRAM.generate("rule-test", "Rule test", new AutomationRule(when, conditions, actions), trigger,
				connections);
	}

	private static String condition(RuleConditions.Match match, RuleCondition... conditions) {
		List<RuleProblem> problems = new ArrayList<>();
		String feel = RuleDiagram.condition(new RuleConditions(match, List.of(conditions)), problems);
		assertThat(problems).isEmpty();
		return feel;
	}

	private static boolean holds(RuleCondition.Operator operator, String field, Object value,
			Map<String, Object> variables) {
		return evaluate(condition(RuleConditions.Match.ALL, new RuleCondition(field, operator, value)), variables);
	}

	/** Evaluates a condition as Zeebe does: it must answer a boolean. */
	private static boolean evaluate(String condition, Map<String, Object> variables) {
		EvaluationResult result = FEEL.evaluateExpression(condition.substring(1), variables);
		assertThat(result.isSuccess()).as("%s: %s", condition, result).isTrue();
		assertThat(result.result()).as(condition).isInstanceOf(Boolean.class);
		return (Boolean) result.result();
	}

	private static Map<String, Object> payload(String key, Object value) {
		return withPayload(new HashMap<>(), key, value);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> withPayload(Map<String, Object> variables, String key, Object value) {
		Map<String, Object> webhook = (Map<String, Object>) variables.computeIfAbsent("webhook",
				(name) -> new HashMap<String, Object>());
		Map<String, Object> payload = (Map<String, Object>) webhook.computeIfAbsent("payload",
				(name) -> new HashMap<String, Object>());
		payload.put(key, value);
		return variables;
	}

	private static Map<String, String> inputs(ServiceTask task) {
		Map<String, String> inputs = new LinkedHashMap<>();
		for (ZeebeInput input : task.getSingleExtensionElement(ZeebeIoMapping.class).getInputs()) {
			inputs.put(input.getTarget(), input.getSource());
		}
		return inputs;
	}

	private static Map<String, String> headers(ServiceTask task) {
		Map<String, String> headers = new LinkedHashMap<>();
		for (ZeebeHeader header : task.getSingleExtensionElement(ZeebeTaskHeaders.class).getHeaders()) {
			headers.put(header.getKey(), header.getValue());
		}
		return headers;
	}

}
