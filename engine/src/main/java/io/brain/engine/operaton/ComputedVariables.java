package io.brain.engine.operaton;

import java.util.LinkedHashMap;
import java.util.Map;

import javax.script.Bindings;
import javax.script.ScriptEngine;
import javax.script.ScriptException;

import org.operaton.bpm.engine.ProcessEngineException;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.ExecutionListener;
import org.operaton.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.operaton.bpm.engine.impl.context.Context;
import org.operaton.bpm.engine.impl.pvm.process.ActivityImpl;
import org.operaton.bpm.engine.impl.pvm.process.ScopeImpl;
import org.operaton.bpm.engine.impl.pvm.process.TransitionImpl;
import org.operaton.bpm.engine.impl.scripting.engine.ScriptingEngines;
import org.operaton.bpm.engine.impl.util.xml.Element;

/**
 * Values the translation computes with FEEL where Operaton allows no input mapping: on an
 * event-based gateway, whose execution holds the subscriptions of the events it races,
 * the correlation keys of those events are computed as the gateway is entered (as Zeebe
 * computes them when it opens the subscriptions) and kept as local variables; their timer
 * values are computed as the flow into the gateway is taken, since the engine creates the
 * timers before the gateway's start listeners run, and are dropped once the timers exist.
 * The gateway carries them as extension properties named
 * {@code brain.compute:<variable>}.
 */
final class ComputedVariables implements BpmnParseListener {

	static final String PROPERTY_PREFIX = "brain.compute:";

	/** The gateway's timer values, computed as the flow into it is taken. */
	private static final String TIMERS = "brain.computedTimers";

	@Override
	public void parseEventBasedGateway(Element gateway, ScopeImpl scope, ActivityImpl activity) {
		Map<String, String> keys = new LinkedHashMap<>();
		Map<String, String> timers = new LinkedHashMap<>();
		computedBy(gateway)
			.forEach((variable, expression) -> (variable.startsWith(ZeebeToOperaton.COMPUTED_TIMER) ? timers : keys)
				.put(variable, expression));
		if (!timers.isEmpty()) {
			activity.setProperty(TIMERS, timers);
		}
		if (!keys.isEmpty() || !timers.isEmpty()) {
			activity.addListener(ExecutionListener.EVENTNAME_START, (ExecutionListener) (execution) -> {
				compute(execution, keys);
				// The timers exist now: their values are not the run's.
				timers.keySet().forEach(execution::removeVariable);
			});
		}
	}

	/**
	 * Computes the timer values of an event-based gateway as a flow into it is taken: the
	 * engine creates the gateway's timers with its execution, before the gateway's start
	 * listeners run, and reads their values from the execution's scopes.
	 */
	@Override
	@SuppressWarnings("unchecked")
	public void parseSequenceFlow(Element sequenceFlow, ScopeImpl scope, TransitionImpl transition) {
		Object timers = transition.getDestination().getProperty(TIMERS);
		if (timers != null) {
			transition.addListener(ExecutionListener.EVENTNAME_TAKE,
					(ExecutionListener) (execution) -> compute(execution, (Map<String, String>) timers));
		}
	}

	private static void compute(DelegateExecution execution, Map<String, String> computed) {
		ScriptingEngines engines = Context.getProcessEngineConfiguration().getScriptingEngines();
		ScriptEngine feel = engines.getScriptEngineForLanguage("feel");
		Bindings variables = engines.createBindings(feel, execution);
		computed.forEach((variable, expression) -> {
			try {
				execution.setVariableLocal(variable, feel.eval(expression, variables));
			}
			catch (ScriptException ex) {
				throw new ProcessEngineException(
						"Could not compute " + variable + " with '" + expression + "': " + ex.getMessage(), ex);
			}
		});
	}

	private static Map<String, String> computedBy(Element gateway) {
		Map<String, String> computed = new LinkedHashMap<>();
		for (Element extensions : gateway.elements()) {
			if (!"extensionElements".equals(extensions.getTagName())) {
				continue;
			}
			for (Element properties : extensions.elements()) {
				if (!ZeebeToOperaton.CAMUNDA.equals(properties.getUri())
						|| !"properties".equals(properties.getTagName())) {
					continue;
				}
				for (Element property : properties.elements()) {
					String name = property.attribute("name");
					if (name != null && name.startsWith(PROPERTY_PREFIX)) {
						computed.put(name.substring(PROPERTY_PREFIX.length()), property.attribute("value"));
					}
				}
			}
		}
		return computed;
	}

}
