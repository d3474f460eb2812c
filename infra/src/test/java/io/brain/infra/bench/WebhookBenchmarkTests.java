package io.brain.infra.bench;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.ServiceTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeInput;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeIoMapping;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark's own pieces, without a platform: the process it deploys and its
 * arithmetic. The benchmark itself runs from {@code infra/bench/webhooks.sh}.
 */
class WebhookBenchmarkTests {

	@Test
	void bpmnWhenParsedThenOneHttpRequestStepPostsThePayloadToTheTarget() {
		BpmnModelInstance model = Bpmn.readModelFromStream(
				new ByteArrayInputStream(WebhookBenchmark.bpmn("bench-webhooks-x", "http://127.0.0.1:4567/calls")
					.getBytes(StandardCharsets.UTF_8)));
		Bpmn.validateModel(model);

		assertThat(model.getModelElementsByType(ServiceTask.class)).singleElement().satisfies((task) -> {
			assertThat(task.getSingleExtensionElement(ZeebeTaskDefinition.class).getType())
				.isEqualTo("io.brain:http-request:1");
			Map<String, String> inputs = task.getSingleExtensionElement(ZeebeIoMapping.class)
				.getInputs()
				.stream()
				.collect(Collectors.toMap(ZeebeInput::getTarget, ZeebeInput::getSource));
			assertThat(inputs).containsEntry("method", "=\"POST\"")
				.containsEntry("url", "=\"http://127.0.0.1:4567/calls\"")
				.containsEntry("body", "=webhook.payload");
		});
	}

	@Test
	void medianWhenSomeRoundsHaveNoRateThenTakesTheOthers() {
		assertThat(WebhookBenchmark.median(new double[] { 3, 1, 2 })).isEqualTo(2);
		assertThat(WebhookBenchmark.median(new double[] { 4, 1, Double.NaN, 2 })).isEqualTo(2);
		assertThat(WebhookBenchmark.median(new double[] { 4, 1, 3, 2 })).isEqualTo(2.5);
		assertThat(WebhookBenchmark.median(new double[] { Double.NaN })).isNaN();
	}

}
