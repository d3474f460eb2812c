package io.brain.engine.operaton;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import io.brain.engine.ModelProblem;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Translates a model as Brain's users author it (Camunda 8 BPMN with {@code zeebe:}
 * extensions and FEEL) into one Operaton runs: job types become external task topics,
 * FEEL mappings, conditions, correlation keys and timer expressions become FEEL scripts
 * the engine evaluates, and everything Operaton would read as code of its own (Java
 * classes, JUEL expressions, listeners, anything in its {@code camunda:} namespace) is
 * refused rather than passed on. Every element or extension it cannot carry is a problem
 * on that element; nothing is dropped silently. The coverage table is in
 * {@code docs/decisions/0018-open-engine-operaton.md}.
 */
final class ZeebeToOperaton {

	static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";

	static final String ZEEBE = "http://camunda.org/schema/zeebe/1.0";

	static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

	private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

	/** Namespaces of layout and editor metadata, carried as they are. */
	private static final Set<String> METADATA = Set.of("http://www.omg.org/spec/BPMN/20100524/DI",
			"http://www.omg.org/spec/DD/20100524/DC", "http://www.omg.org/spec/DD/20100524/DI",
			"http://camunda.org/schema/modeler/1.0", "http://bpmn.io/schema/bpmn");

	/** BPMN elements Operaton runs as Zeebe does, with what the translation adds. */
	private static final Set<String> CARRIED = Set.of("definitions", "process", "collaboration", "participant",
			"messageFlow", "laneSet", "lane", "flowNodeRef", "childLaneSet", "documentation", "extensionElements",
			"startEvent", "endEvent", "intermediateCatchEvent", "intermediateThrowEvent", "boundaryEvent",
			"sequenceFlow", "conditionExpression", "exclusiveGateway", "parallelGateway", "inclusiveGateway",
			"eventBasedGateway", "serviceTask", "sendTask", "scriptTask", "receiveTask", "callActivity", "subProcess",
			"task", "manualTask", "messageEventDefinition", "timerEventDefinition", "timeDate", "timeDuration",
			"timeCycle", "signalEventDefinition", "errorEventDefinition", "escalationEventDefinition",
			"terminateEventDefinition", "linkEventDefinition", "message", "signal", "error", "escalation",
			"multiInstanceLoopCharacteristics", "completionCondition", "incoming", "outgoing", "textAnnotation",
			"association", "text", "group", "category", "categoryValue", "dataObject", "dataObjectReference",
			"dataStoreReference", "dataInputAssociation", "dataOutputAssociation", "sourceRef", "targetRef");

	/** Zeebe extensions the translation carries; any other is refused. */
	private static final Set<String> ZEEBE_CARRIED = Set.of("taskDefinition", "ioMapping", "input", "output",
			"taskHeaders", "header", "subscription", "calledElement", "loopCharacteristics", "script", "properties",
			"property", "versionTag");

	/** Parses the model's expressions; evaluating them is {@link FeelScripts}' work. */
	private static final FeelEngineApi FEEL = FeelEngineBuilder.forJava().withEnabledExternalFunctions(false).build();

	/** Attributes of the Zeebe namespace the modeler writes as metadata of a template. */
	private static final Set<String> ZEEBE_METADATA = Set.of("modelerTemplate", "modelerTemplateVersion",
			"modelerTemplateIcon");

	/** Variables the translation computes for the engine; a model may not set them. */
	static final String VARIABLE_PREFIX = "brain_";

	static final String CORRELATION_KEY = VARIABLE_PREFIX + "key_";

	/** The prefix of the variables holding the values of timers computed by FEEL. */
	static final String COMPUTED_TIMER = VARIABLE_PREFIX + "timer_";

	static final String RETRIES_PROPERTY = "brain.retries";

	static final String HEADER_PROPERTY = "header:";

	static final String LOCAL_OUTPUTS_PROPERTY = "brain.outputs-local";

	private final Document document;

	private final List<ModelProblem> problems = new ArrayList<>();

	private final String historyTimeToLive;

	private int computedTimers;

	private ZeebeToOperaton(Document document, String historyTimeToLive) {
		this.document = document;
		this.historyTimeToLive = historyTimeToLive;
	}

	/**
	 * A translated model, or the problems that keep it from running.
	 *
	 * @param bpmnXml the model Operaton deploys; {@code null} when there are problems
	 * @param problems what cannot be carried, by element
	 */
	record Translation(String bpmnXml, List<ModelProblem> problems) {
	}

	static Translation translate(String authored, String historyTimeToLive) {
		Document document;
		try {
			document = parser().parse(new ByteArrayInputStream(authored.getBytes(StandardCharsets.UTF_8)));
		}
		catch (Exception ex) {
			return new Translation(null,
					List.of(new ModelProblem(null, "The file is not BPMN XML: " + ex.getMessage())));
		}
		ZeebeToOperaton translation = new ZeebeToOperaton(document, historyTimeToLive);
		translation.run();
		if (!translation.problems.isEmpty()) {
			return new Translation(null, List.copyOf(translation.problems));
		}
		return new Translation(translation.write(), List.of());
	}

	private void run() {
		Element root = this.document.getDocumentElement();
		if (!BPMN.equals(root.getNamespaceURI()) || !"definitions".equals(root.getLocalName())) {
			this.problems.add(new ModelProblem(null, "The file is not BPMN: its root is not bpmn:definitions."));
			return;
		}
		root.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:camunda", CAMUNDA);
		for (Element element : all(root)) {
			checkNamespaces(element);
		}
		if (!this.problems.isEmpty()) {
			return;
		}
		for (Element element : all(root)) {
			if (BPMN.equals(element.getNamespaceURI())) {
				translate(element);
			}
		}
		for (Element extension : all(root)) {
			if (ZEEBE.equals(extension.getNamespaceURI())) {
				extension.getParentNode().removeChild(extension);
			}
		}
		for (Element extensions : elements(root, BPMN, "extensionElements")) {
			if (children(extensions).isEmpty()) {
				extensions.getParentNode().removeChild(extensions);
			}
		}
	}

	private void checkNamespaces(Element element) {
		String namespace = element.getNamespaceURI();
		if (BPMN.equals(namespace)) {
			if (!CARRIED.contains(element.getLocalName())) {
				problem(element, refusedElement(element.getLocalName()));
			}
		}
		else if (ZEEBE.equals(namespace)) {
			if (!ZEEBE_CARRIED.contains(element.getLocalName())) {
				problem(element, "The extension zeebe:" + element.getLocalName()
						+ " is not supported by Brain's open engine; remove it or run this automation on a Camunda 8 cluster.");
			}
		}
		else if (!METADATA.contains(namespace)) {
			problem(element, "The element " + element.getTagName()
					+ " is not part of Camunda 8 BPMN as Brain's editor writes it; remove it.");
		}
		for (int i = 0; i < element.getAttributes().getLength(); i++) {
			Attr attribute = (Attr) element.getAttributes().item(i);
			String attributeNamespace = attribute.getNamespaceURI();
			if (attributeNamespace == null || XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attributeNamespace)
					|| XSI.equals(attributeNamespace) || METADATA.contains(attributeNamespace)
					|| (ZEEBE.equals(attributeNamespace) && ZEEBE_METADATA.contains(attribute.getLocalName()))) {
				continue;
			}
			problem(element, "The attribute " + attribute.getName()
					+ " is not part of Camunda 8 BPMN as Brain's editor writes it; remove it.");
		}
	}

	private static String refusedElement(String name) {
		return switch (name) {
			case "userTask" -> "User tasks are not supported yet: Brain has no task list. Use a message or a webhook "
					+ "to wait for a person's answer.";
			case "businessRuleTask" -> "Business rule tasks are not supported yet: Brain does not deploy decisions.";
			default -> "The BPMN element " + name + " is not supported by Brain's open engine.";
		};
	}

	private void translate(Element element) {
		switch (element.getLocalName()) {
			case "process" -> {
				if ("true".equals(element.getAttribute("isExecutable"))) {
					element.setAttributeNS(CAMUNDA, "camunda:historyTimeToLive", this.historyTimeToLive);
				}
			}
			case "startEvent" -> {
				// As on Zeebe, a run exists once started: what follows its start runs
				// after the
				// start has committed, so a step that fails raises an incident on the run
				// instead of undoing the start.
				if (element.getParentNode() instanceof Element parent && "process".equals(parent.getLocalName())) {
					element.setAttributeNS(CAMUNDA, "camunda:asyncAfter", "true");
				}
			}
			case "serviceTask", "sendTask" -> externalTask(element);
			case "intermediateThrowEvent", "endEvent" -> {
				if (zeebe(element, "taskDefinition") != null) {
					externalTask(element);
				}
			}
			case "scriptTask" -> scriptTask(element);
			case "callActivity" -> callActivity(element);
			case "conditionExpression" -> condition(element);
			case "timerEventDefinition" -> timer(element);
			case "messageEventDefinition" -> messageCatch(element, attributeRef(element, "messageRef"));
			case "receiveTask" -> messageCatch(element, attributeRef(element, "messageRef"));
			case "message" -> plainName(element, "name", "message name");
			case "signal" -> plainName(element, "name", "signal name");
			case "error" -> plainName(element, "errorCode", "error code");
			case "escalation" -> plainName(element, "escalationCode", "escalation code");
			case "multiInstanceLoopCharacteristics" -> multiInstance(element);
			default -> {
			}
		}
		Element mapping = zeebe(element, "ioMapping");
		if (mapping != null) {
			ioMapping(element, mapping);
		}
		Element properties = zeebe(element, "properties");
		if (properties != null) {
			for (Element property : elements(properties, ZEEBE, "property")) {
				camundaProperty(element, property.getAttribute("name"), property.getAttribute("value"));
			}
		}
	}

	private void externalTask(Element task) {
		Element definition = zeebe(task, "taskDefinition");
		if (definition == null) {
			problem(task, "The step has no job type: choose a connector for it, or set its task definition type.");
			return;
		}
		String type = definition.getAttribute("type");
		if (type.isBlank() || isExpression(type)) {
			problem(task, "The job type of the step must be written in plain text, such as io.brain:http.");
			return;
		}
		task.setAttributeNS(CAMUNDA, "camunda:type", "external");
		task.setAttributeNS(CAMUNDA, "camunda:topic", type);
		String retries = definition.getAttribute("retries");
		camundaProperty(task, RETRIES_PROPERTY, retries.isBlank() ? "3" : retries);
		if (!retries.isBlank() && !retries.matches("\\d{1,4}")) {
			problem(task, "The retries of the step must be a number, such as 3.");
		}
		Element headers = zeebe(task, "taskHeaders");
		if (headers != null) {
			for (Element header : elements(headers, ZEEBE, "header")) {
				camundaProperty(task, HEADER_PROPERTY + header.getAttribute("key"), header.getAttribute("value"));
			}
		}
		Element mapping = zeebe(task, "ioMapping");
		if (mapping != null && !elements(mapping, ZEEBE, "output").isEmpty()) {
			camundaProperty(task, LOCAL_OUTPUTS_PROPERTY, "true");
		}
	}

	private void scriptTask(Element task) {
		Element script = zeebe(task, "script");
		if (script == null || !isExpression(script.getAttribute("expression"))) {
			problem(task, "The script task needs a FEEL expression (starting with =) and a result variable.");
			return;
		}
		task.setAttribute("scriptFormat", "feel");
		task.setAttributeNS(CAMUNDA, "camunda:resultVariable", script.getAttribute("resultVariable"));
		Element body = this.document.createElementNS(BPMN, prefixed(task, "script"));
		body.setTextContent(feel(task, script.getAttribute("expression")));
		task.appendChild(body);
	}

	private void callActivity(Element call) {
		Element called = zeebe(call, "calledElement");
		if (called == null || called.getAttribute("processId").isBlank()) {
			problem(call, "The call activity names no process to call.");
			return;
		}
		String processId = called.getAttribute("processId");
		if (isExpression(processId)) {
			String variable = VARIABLE_PREFIX + "called";
			input(call, variable, feel(call, processId));
			call.setAttribute("calledElement", "${" + variable + "}");
		}
		else {
			call.setAttribute("calledElement", processId);
		}
		call.setAttributeNS(CAMUNDA, "camunda:calledElementBinding", "latest");
		Element extensions = extensionElements(call);
		if (!"false".equals(called.getAttribute("propagateAllParentVariables"))) {
			Element in = this.document.createElementNS(CAMUNDA, "camunda:in");
			in.setAttribute("variables", "all");
			extensions.appendChild(in);
		}
		// Output mappings read the called run's variables whether or not all of them
		// propagate, as on Zeebe: they are handed to the call activity only, and the
		// mappings carry on what they name.
		Element mapping = zeebe(call, "ioMapping");
		boolean outputs = mapping != null && !elements(mapping, ZEEBE, "output").isEmpty();
		if (outputs || !"false".equals(called.getAttribute("propagateAllChildVariables"))) {
			Element out = this.document.createElementNS(CAMUNDA, "camunda:out");
			out.setAttribute("variables", "all");
			if (outputs) {
				out.setAttribute("local", "true");
			}
			extensions.appendChild(out);
		}
	}

	private void condition(Element condition) {
		String text = condition.getTextContent().strip();
		if (!isExpression(text)) {
			problem((Element) condition.getParentNode(),
					"The condition must be a FEEL expression starting with =, such as =amount > 100.");
			return;
		}
		condition.setAttributeNS(XSI, "xsi:type", prefixed(condition, "tFormalExpression"));
		condition.setAttribute("language", "feel");
		condition.setTextContent(feel((Element) condition.getParentNode(), text));
	}

	private void timer(Element definition) {
		Element event = (Element) definition.getParentNode();
		for (Element value : children(definition)) {
			String text = value.getTextContent().strip();
			if (isExpression(text)) {
				Element scope = scopeOfEvent(event);
				if (scope == null) {
					problem(event, "A timer of a start event must be written in plain text (a date, a duration or "
							+ "a cycle), since no run exists yet to compute it.");
					return;
				}
				String variable = COMPUTED_TIMER + (++this.computedTimers);
				compute(scope, variable, feel(event, text));
				value.setTextContent("${" + variable + "}");
			}
			else if ("timeCycle".equals(value.getLocalName()) && !text.startsWith("R")) {
				String cron = Cron.toQuartz(text);
				if (cron == null) {
					problem(event, "The timer cycle '" + text + "' is neither a repetition such as R/PT1H nor a cron "
							+ "expression such as 0 0 9 * * MON.");
					return;
				}
				value.setTextContent(cron);
			}
		}
	}

	private void messageCatch(Element element, Element message) {
		if (message == null) {
			return;
		}
		Element event = "messageEventDefinition".equals(element.getLocalName()) ? (Element) element.getParentNode()
				: element;
		String kind = event.getLocalName();
		if (kind.equals("intermediateThrowEvent") || kind.equals("endEvent")) {
			return;
		}
		Element subscription = zeebe(message, "subscription");
		String key = (subscription != null) ? subscription.getAttribute("correlationKey") : "";
		if (kind.equals("startEvent")) {
			Element scope = (Element) event.getParentNode();
			if ("subProcess".equals(scope.getLocalName()) && !key.isBlank()) {
				problem(event, "A message start event of an event subprocess with a correlation key is not supported "
						+ "by Brain's open engine yet.");
			}
			return;
		}
		if (key.isBlank()) {
			problem(event,
					"The message '" + message.getAttribute("name") + "' needs a correlation key to be waited for.");
			return;
		}
		Element scope = "boundaryEvent".equals(kind) ? attachedTo(event) : waitingScope(event);
		String correlation = isExpression(key) ? feel(event, key) : literal(key);
		compute(scope, CORRELATION_KEY + message.getAttribute("name"), "string(" + correlation + ")");
	}

	/**
	 * Refuses a name computed by an expression, on each event that uses the definition
	 * (where the user sees it), or on the definition when none does.
	 */
	private void plainName(Element definition, String attribute, String what) {
		if (!isExpression(definition.getAttribute(attribute))) {
			return;
		}
		String message = "The " + what + " must be written in plain text: an expression cannot name it here.";
		String reference = definition.getLocalName() + "Ref";
		String id = definition.getAttribute("id");
		List<Element> users = all(definition.getOwnerDocument().getDocumentElement()).stream()
			.filter((element) -> !id.isBlank() && id.equals(element.getAttribute(reference)))
			.map((element) -> element.getLocalName().endsWith("EventDefinition") ? (Element) element.getParentNode()
					: element)
			.toList();
		if (users.isEmpty()) {
			problem(definition, message);
		}
		users.forEach((user) -> problem(user, message));
	}

	private void multiInstance(Element loop) {
		Element owner = (Element) loop.getParentNode();
		Element characteristics = zeebe(loop, "loopCharacteristics");
		if (characteristics == null) {
			problem(owner, "The multi-instance step needs an input collection.");
			return;
		}
		String collection = characteristics.getAttribute("inputCollection");
		if (!collection.matches("=\\s*[A-Za-z_][A-Za-z0-9_]*\\s*")) {
			problem(owner, "On Brain's open engine the input collection of a multi-instance step must name a "
					+ "variable, such as =items.");
			return;
		}
		loop.setAttributeNS(CAMUNDA, "camunda:collection", feel(owner, collection).strip());
		if (!characteristics.getAttribute("inputElement").isBlank()) {
			loop.setAttributeNS(CAMUNDA, "camunda:elementVariable", characteristics.getAttribute("inputElement"));
		}
		if (!characteristics.getAttribute("outputCollection").isBlank()) {
			problem(owner,
					"An output collection of a multi-instance step is not supported by Brain's open engine yet.");
		}
		if (!elements(loop, BPMN, "completionCondition").isEmpty()) {
			problem(owner,
					"A completion condition of a multi-instance step is not supported by Brain's open engine yet.");
		}
	}

	private void ioMapping(Element element, Element mapping) {
		Map<String, String> earlier = new LinkedHashMap<>();
		for (Element input : elements(mapping, ZEEBE, "input")) {
			String target = target(element, input);
			if (target != null) {
				String feel = source(element, input.getAttribute("source"));
				input(element, target, readingEarlierInputs(feel, earlier));
				earlier.put(target, feel);
			}
		}
		for (Element output : elements(mapping, ZEEBE, "output")) {
			String target = target(element, output);
			if (target != null) {
				parameter(element, "camunda:outputParameter", target, source(element, output.getAttribute("source")));
			}
		}
	}

	/**
	 * An input's FEEL as Zeebe evaluates it, seeing the inputs mapped before it: Operaton
	 * evaluates each input in the scope around the step, where the earlier ones do not
	 * exist, so an input that names one reads them from a context of them.
	 */
	private static String readingEarlierInputs(String feel, Map<String, String> earlier) {
		if (earlier.keySet()
			.stream()
			.noneMatch((target) -> Pattern.compile("\\b" + target + "\\b").matcher(feel).find())) {
			return feel;
		}
		String result = VARIABLE_PREFIX + "input";
		StringBuilder context = new StringBuilder("{");
		earlier.forEach((target, source) -> context.append(literal(target)).append(": ").append(source).append(", "));
		return context.append(literal(result)).append(": ").append(feel).append("}.").append(result).toString();
	}

	private String target(Element element, Element mapping) {
		String target = mapping.getAttribute("target");
		if (!target.matches("[A-Za-z_][A-Za-z0-9_]*")) {
			problem(element, "The mapping target '" + target + "' must be a variable name (letters, digits and _).");
			return null;
		}
		if (target.startsWith(VARIABLE_PREFIX)) {
			problem(element, "Variable names starting with " + VARIABLE_PREFIX + " are Brain's own.");
			return null;
		}
		return target;
	}

	private String source(Element element, String source) {
		return isExpression(source) ? feel(element, source) : literal(source);
	}

	/**
	 * Computes a variable with FEEL when the element's execution starts: by an input
	 * mapping, or on an event-based gateway (which Operaton gives none) by
	 * {@link ComputedVariables}.
	 */
	private void compute(Element element, String name, String feel) {
		if ("eventBasedGateway".equals(element.getLocalName())) {
			camundaProperty(element, ComputedVariables.PROPERTY_PREFIX + name, feel);
		}
		else {
			input(element, name, feel);
		}
	}

	private void input(Element element, String name, String feel) {
		parameter(element, "camunda:inputParameter", name, feel);
	}

	private void parameter(Element element, String kind, String name, String feel) {
		Element inputOutput = camundaChild(extensionElements(element), "inputOutput");
		Element parameter = this.document.createElementNS(CAMUNDA, kind);
		parameter.setAttribute("name", name);
		Element script = this.document.createElementNS(CAMUNDA, "camunda:script");
		script.setAttribute("scriptFormat", "feel");
		script.setTextContent(feel);
		parameter.appendChild(script);
		if (kind.equals("camunda:inputParameter")) {
			Node firstOutput = elements(inputOutput, CAMUNDA, "outputParameter").stream().findFirst().orElse(null);
			inputOutput.insertBefore(parameter, firstOutput);
		}
		else {
			inputOutput.appendChild(parameter);
		}
	}

	private void camundaProperty(Element element, String name, String value) {
		Element properties = camundaChild(extensionElements(element), "properties");
		Element property = this.document.createElementNS(CAMUNDA, "camunda:property");
		property.setAttribute("name", name);
		property.setAttribute("value", value);
		properties.appendChild(property);
	}

	/**
	 * The element whose execution holds a timer's computed value, or null for a start
	 * event.
	 */
	private Element scopeOfEvent(Element event) {
		return switch (event.getLocalName()) {
			case "boundaryEvent" -> attachedTo(event);
			case "intermediateCatchEvent" -> waitingScope(event);
			default -> null;
		};
	}

	/**
	 * The element whose execution waits for a catch event: the event itself, or the
	 * event-based gateway before it, whose execution holds the subscriptions of all the
	 * events it races.
	 */
	private Element waitingScope(Element event) {
		for (Element flow : all(this.document.getDocumentElement())) {
			if (BPMN.equals(flow.getNamespaceURI()) && "sequenceFlow".equals(flow.getLocalName())
					&& event.getAttribute("id").equals(flow.getAttribute("targetRef"))) {
				Element source = byId(flow.getAttribute("sourceRef"));
				if (source != null && "eventBasedGateway".equals(source.getLocalName())) {
					return source;
				}
			}
		}
		return event;
	}

	private Element attachedTo(Element boundary) {
		return byId(boundary.getAttribute("attachedToRef"));
	}

	private Element attributeRef(Element element, String attribute) {
		String id = element.getAttribute(attribute);
		return id.isBlank() ? null : byId(id);
	}

	private Element byId(String id) {
		for (Element candidate : all(this.document.getDocumentElement())) {
			if (id.equals(candidate.getAttribute("id")) && BPMN.equals(candidate.getNamespaceURI())) {
				return candidate;
			}
		}
		return null;
	}

	private Element extensionElements(Element element) {
		for (Element child : children(element)) {
			if (BPMN.equals(child.getNamespaceURI()) && "extensionElements".equals(child.getLocalName())) {
				return child;
			}
		}
		Element extensions = this.document.createElementNS(BPMN, prefixed(element, "extensionElements"));
		// BPMN wants extension elements before everything but documentation.
		Node first = element.getFirstChild();
		while (first != null
				&& (first.getNodeType() != Node.ELEMENT_NODE || "documentation".equals(first.getLocalName()))) {
			first = first.getNextSibling();
		}
		element.insertBefore(extensions, first);
		return extensions;
	}

	private Element camundaChild(Element parent, String name) {
		for (Element child : children(parent)) {
			if (CAMUNDA.equals(child.getNamespaceURI()) && name.equals(child.getLocalName())) {
				return child;
			}
		}
		Element created = this.document.createElementNS(CAMUNDA, "camunda:" + name);
		parent.appendChild(created);
		return created;
	}

	private static Element zeebe(Element element, String name) {
		for (Element child : children(element)) {
			if (BPMN.equals(child.getNamespaceURI()) && "extensionElements".equals(child.getLocalName())) {
				Element found = zeebeChild(child, name);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	private static Element zeebeChild(Element parent, String name) {
		for (Element child : children(parent)) {
			if (ZEEBE.equals(child.getNamespaceURI()) && name.equals(child.getLocalName())) {
				return child;
			}
		}
		return null;
	}

	private static String prefixed(Element sibling, String localName) {
		String prefix = sibling.getPrefix();
		return (prefix == null || prefix.isBlank()) ? localName : prefix + ":" + localName;
	}

	static boolean isExpression(String value) {
		return value != null && value.strip().startsWith("=");
	}

	/**
	 * The FEEL of an expression written with its leading =, refused on its element when
	 * it does not parse (as Zeebe refuses it when it is deployed).
	 */
	private String feel(Element owner, String expression) {
		String feel = expression.strip().substring(1);
		ParseResult parsed = FEEL.parseExpression(feel);
		if (!parsed.isSuccess()) {
			problem(owner,
					"The expression '" + expression.strip() + "' is not valid FEEL: " + parsed.failure().message());
		}
		return feel;
	}

	/** A plain value as the FEEL string literal that yields it. */
	static String literal(String value) {
		return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

	private void problem(Element element, String message) {
		String id = element.getAttribute("id");
		Node owner = element;
		while (id.isBlank() && owner.getParentNode() instanceof Element parent) {
			owner = parent;
			id = parent.getAttribute("id");
		}
		this.problems.add(new ModelProblem(id.isBlank() ? null : id, message));
	}

	private static List<Element> all(Element root) {
		List<Element> found = new ArrayList<>();
		NodeList nodes = root.getElementsByTagNameNS("*", "*");
		found.add(root);
		for (int i = 0; i < nodes.getLength(); i++) {
			found.add((Element) nodes.item(i));
		}
		return found;
	}

	private static List<Element> elements(Element parent, String namespace, String localName) {
		return children(parent).stream()
			.filter((child) -> namespace.equals(child.getNamespaceURI()) && localName.equals(child.getLocalName()))
			.toList();
	}

	private static List<Element> children(Element parent) {
		List<Element> found = new ArrayList<>();
		for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
			if (child instanceof Element element) {
				found.add(element);
			}
		}
		return found;
	}

	private String write() {
		try {
			var transformer = TransformerFactory.newInstance().newTransformer();
			transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
			StringWriter out = new StringWriter();
			transformer.transform(new DOMSource(this.document), new StreamResult(out));
			return out.toString();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not write the translated model", ex);
		}
	}

	private static DocumentBuilder parser() throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
		factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
		factory.setXIncludeAware(false);
		factory.setExpandEntityReferences(false);
		return factory.newDocumentBuilder();
	}

	/** Properties of a translated step the adapter reads back. */
	static Map<String, String> headers(Map<String, String> properties) {
		Map<String, String> headers = new LinkedHashMap<>();
		properties.forEach((name, value) -> {
			if (name.startsWith(HEADER_PROPERTY)) {
				headers.put(name.substring(HEADER_PROPERTY.length()), value);
			}
		});
		return headers;
	}

}
