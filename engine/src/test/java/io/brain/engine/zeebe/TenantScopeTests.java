package io.brain.engine.zeebe;

import io.brain.core.tenant.TenantId;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.Signal;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledDecision;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledElement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which expressions Brain can keep inside a tenant, and what a confined model names.
 */
class TenantScopeTests {

	@ParameterizedTest
	@ValueSource(strings = { "=childId", "= \"child-\" + kind", "=if x then \"a)\" else \"b(\"",
			"=string join([\"a\", \"b\"], \"-\")", "={a: \"}\"}.a", "=`odd name`", "=\"quote \\\" inside ) \"" })
	void enclosableWhenBracketsAndQuotesCloseThenTrue(String expression) {
		assertThat(TenantScope.enclosable(expression)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "=\"a\") + (\"b\"", "=x)", "=(x", "=[x)", "=\"open", "=`open", "=x // c", "=x /* c */",
			"='single'", "=", "=   " })
	void enclosableWhenAnythingCouldCloseTheParenthesisThenFalse(String expression) {
		assertThat(TenantScope.enclosable(expression)).isFalse();
	}

	@Test
	void confineWhenNamesAreLiteralOrExpressionsThenEachGetsTheTenantsNamespace() {
		BpmnModelInstance model = Bpmn.createExecutableProcess("flow")
			.startEvent()
			.callActivity("literal", (call) -> call.zeebeProcessId("child"))
			.callActivity("computed", (call) -> call.zeebeProcessIdExpression("childId"))
			.businessRuleTask("decide", (task) -> task.zeebeCalledDecisionId("discount").zeebeResultVariable("d"))
			.endEvent("shout", (event) -> event.signal("=signalName"))
			.done();

		TenantScope.confine(new TenantId("acme"), model);

		assertThat(model.getModelElementsByType(io.camunda.zeebe.model.bpmn.instance.Process.class))
			.extracting(io.camunda.zeebe.model.bpmn.instance.Process::getId)
			.containsExactly("acme__flow");
		assertThat(model.getModelElementsByType(ZeebeCalledElement.class)).extracting(ZeebeCalledElement::getProcessId)
			.containsExactly("acme__child", "=\"acme__\" + (childId)");
		assertThat(model.getModelElementsByType(ZeebeCalledDecision.class))
			.extracting(ZeebeCalledDecision::getDecisionId)
			.containsExactly("acme__discount");
		assertThat(model.getModelElementsByType(Signal.class)).extracting(Signal::getName)
			.containsExactly("=\"acme__\" + (signalName)");
	}

}
