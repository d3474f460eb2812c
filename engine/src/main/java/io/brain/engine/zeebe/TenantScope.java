package io.brain.engine.zeebe;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

import io.brain.core.tenant.TenantId;
import io.brain.core.tenant.TenantNamespace;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.Message;
import io.camunda.zeebe.model.bpmn.instance.MessageEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.ReceiveTask;
import io.camunda.zeebe.model.bpmn.instance.Signal;
import io.camunda.zeebe.model.bpmn.instance.SignalEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledDecision;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * Confines a tenant's BPMN to the tenant: every name with which a model reaches beyond
 * its own run (the processes it calls, the messages it waits for, the signals it throws
 * and catches, the decisions it evaluates) is given the deploying tenant's namespace,
 * written literally or as a FEEL expression.
 * <p>
 * An expression's value is only known during the run, so it is wrapped as
 * {@code ="<tenant>__" + (<expression>)}: whatever it computes, the engine looks the name
 * up inside the tenant. That holds only when the expression cannot close the parenthesis
 * around it, so an expression is accepted only when its brackets balance outside string
 * literals and it holds no comment; anything else is refused with a problem on the
 * element. Message names stay plain text (a message is published by name from outside a
 * run). Errors and escalations need nothing: they travel only up a run's own chain of
 * called processes, which the called process ids keep inside the tenant.
 */
final class TenantScope {

	private TenantScope() {
	}

	/**
	 * What keeps a model from being confined, by the element at fault.
	 * @return element id to problem, in document order; empty when the model can be
	 * deployed
	 */
	static Map<String, String> problems(BpmnModelInstance model) {
		Map<String, String> problems = new LinkedHashMap<>();
		for (Message message : model.getModelElementsByType(Message.class)) {
			if (isExpression(message.getName())) {
				String problem = "The message '" + message.getId() + "' is named by the expression '"
						+ message.getName() + "': name it in plain text, such as order-paid. Brain keeps each "
						+ "tenant's messages apart by name, which a name computed during the run would escape; "
						+ "the correlation key may be an expression.";
				usersOf(model, message).forEach((element) -> problems.putIfAbsent(element, problem));
			}
		}
		for (Signal signal : model.getModelElementsByType(Signal.class)) {
			if (isExpression(signal.getName()) && !enclosable(signal.getName())) {
				String problem = unenclosable("signal name", signal.getName());
				usersOf(model, signal).forEach((element) -> problems.putIfAbsent(element, problem));
			}
		}
		for (ZeebeCalledElement called : model.getModelElementsByType(ZeebeCalledElement.class)) {
			if (isExpression(called.getProcessId()) && !enclosable(called.getProcessId())) {
				problems.putIfAbsent(ownerOf(called), unenclosable("called process id", called.getProcessId()));
			}
		}
		for (ZeebeCalledDecision called : model.getModelElementsByType(ZeebeCalledDecision.class)) {
			if (isExpression(called.getDecisionId()) && !enclosable(called.getDecisionId())) {
				problems.putIfAbsent(ownerOf(called), unenclosable("decision id", called.getDecisionId()));
			}
		}
		return problems;
	}

	/**
	 * Gives every executable process id, message name, signal name, called process id and
	 * decision id of a model the tenant's namespace, in place.
	 * @throws IllegalArgumentException when {@link #problems} finds any
	 */
	static void confine(TenantId tenant, BpmnModelInstance model) {
		Map<String, String> problems = problems(model);
		if (!problems.isEmpty()) {
			throw new IllegalArgumentException("The model has names that cannot be confined: " + problems);
		}
		model.getModelElementsByType(Process.class)
			.stream()
			.filter(Process::isExecutable)
			.forEach((process) -> process.setId(TenantNamespace.engineId(tenant, process.getId())));
		rename(tenant, model.getModelElementsByType(Message.class), Message::getName, Message::setName);
		rename(tenant, model.getModelElementsByType(Signal.class), Signal::getName, Signal::setName);
		rename(tenant, model.getModelElementsByType(ZeebeCalledElement.class), ZeebeCalledElement::getProcessId,
				ZeebeCalledElement::setProcessId);
		rename(tenant, model.getModelElementsByType(ZeebeCalledDecision.class), ZeebeCalledDecision::getDecisionId,
				ZeebeCalledDecision::setDecisionId);
	}

	private static <T> void rename(TenantId tenant, Collection<T> elements, Function<T, String> name,
			BiConsumer<T, String> rename) {
		for (T element : elements) {
			String current = name.apply(element);
			if (current == null || current.isBlank()) {
				continue;
			}
			rename.accept(element, isExpression(current)
					? "=\"" + TenantNamespace.engineId(tenant, "") + "\" + (" + current.strip().substring(1) + ")"
					: TenantNamespace.engineId(tenant, current));
		}
	}

	static boolean isExpression(String name) {
		return name != null && name.strip().startsWith("=");
	}

	/**
	 * Whether a FEEL expression, put between parentheses, stays between them: its round,
	 * square and curly brackets balance outside string literals and backquoted names,
	 * every literal is closed, and it has no comment or other quote character that FEEL
	 * might read differently. Conservative: it may refuse an expression the engine would
	 * take, never the other way round.
	 */
	static boolean enclosable(String expression) {
		String text = expression.strip().substring(1);
		if (text.isBlank()) {
			return false;
		}
		StringBuilder open = new StringBuilder();
		int i = 0;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (c == '"') {
				i = endOfString(text, i);
				if (i < 0) {
					return false;
				}
			}
			else if (c == '`') {
				i = text.indexOf('`', i + 1);
				if (i < 0) {
					return false;
				}
			}
			else if (c == '\'' || (c == '/' && i + 1 < text.length()
					&& (text.charAt(i + 1) == '/' || text.charAt(i + 1) == '*'))) {
				return false;
			}
			else if (c == '(' || c == '[' || c == '{') {
				open.append(c);
			}
			else if (c == ')' || c == ']' || c == '}') {
				char expected = (c == ')') ? '(' : (c == ']') ? '[' : '{';
				if (open.isEmpty() || open.charAt(open.length() - 1) != expected) {
					return false;
				}
				open.setLength(open.length() - 1);
			}
			i++;
		}
		return open.isEmpty();
	}

	/**
	 * The index of the quote closing the string literal opened at {@code start}, or -1.
	 */
	private static int endOfString(String text, int start) {
		for (int i = start + 1; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\\') {
				i++;
			}
			else if (c == '"') {
				return i;
			}
		}
		return -1;
	}

	private static String unenclosable(String what, String expression) {
		return "The " + what + " '" + expression + "' is an expression Brain cannot keep inside this tenant: "
				+ "write it in plain text, or as an expression whose brackets and quotes are closed and that "
				+ "has no comment. Brain looks every name a run computes up among this tenant's own.";
	}

	private static List<String> usersOf(BpmnModelInstance model, BaseElement definition) {
		List<String> users = new ArrayList<>();
		if (definition instanceof Message message) {
			model.getModelElementsByType(MessageEventDefinition.class)
				.stream()
				.filter((event) -> event.getMessage() == message)
				.forEach((event) -> users.add(ownerOf(event)));
			model.getModelElementsByType(ReceiveTask.class)
				.stream()
				.filter((task) -> task.getMessage() == message)
				.forEach((task) -> users.add(task.getId()));
		}
		else if (definition instanceof Signal signal) {
			model.getModelElementsByType(SignalEventDefinition.class)
				.stream()
				.filter((event) -> event.getSignal() == signal)
				.forEach((event) -> users.add(ownerOf(event)));
		}
		if (users.isEmpty()) {
			users.add(definition.getId());
		}
		return users;
	}

	/** The id of the flow element an event definition or extension element belongs to. */
	private static String ownerOf(ModelElementInstance element) {
		ModelElementInstance owner = element.getParentElement();
		while (owner != null && !(owner instanceof BaseElement base && base.getId() != null)) {
			owner = owner.getParentElement();
		}
		return (owner instanceof BaseElement base) ? base.getId() : null;
	}

}
