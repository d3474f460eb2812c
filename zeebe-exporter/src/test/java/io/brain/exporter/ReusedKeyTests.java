package io.brain.exporter;

import java.util.Map;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A broker whose data was reset hands out its keys again. Two in-process engines do the
 * same, which stands in for the reset here: the second engine's instance takes the key of
 * the first engine's, and replaces it rather than mixing with it.
 */
class ReusedKeyTests {

	static final BpmnModelInstance MODEL = Bpmn.createExecutableProcess("acme__reset")
		.startEvent("start")
		.serviceTask("step", TestEngine.task("reset-step", "1"))
		.endEvent()
		.done();

	@Test
	void exportWhenInstanceStartsUnderAUsedKeyThenItReplacesTheEarlierInstance() {
		long instance;
		try (TestEngine before = new TestEngine("exporter_reset");
				ExporterHarness exporter = new ExporterHarness(
						ExporterHarness.arguments(before.database.url, RunDatabase.APP_ROLE))) {
			long definition = before.deploy("acme", "reset", MODEL);
			instance = before.start(definition, Map.of("attempt", 1));
			before.client.newCompleteCommand(before.activate("reset-step")).send().join();
			before.idle();
			assertThat(exporter.exportAndFlush(before.engine)).isTrue();
			assertThat(before.one("acme", "select state from run_instance where process_instance_key = " + instance))
				.containsEntry("state", "COMPLETED");
		}

		try (TestEngine after = new TestEngine("exporter_reset");
				ExporterHarness exporter = new ExporterHarness(
						ExporterHarness.arguments(after.database.url, RunDatabase.APP_ROLE))) {
			long definition = after.deploy("acme", "reset", MODEL);
			assertThat(after.start(definition, Map.of("attempt", 2))).isEqualTo(instance);

			assertThat(exporter.exportAndFlush(after.engine)).isTrue();

			assertThat(after.one("acme",
					"select state, ended_at from run_instance where process_instance_key = " + instance))
				.containsEntry("state", "ACTIVE")
				.containsEntry("ended_at", null);
			assertThat(after.database.rowsOfTenant("acme",
					"select element_id, state from run_step where process_instance_key = " + instance
							+ " order by position"))
				.containsExactly(Map.of("element_id", "start", "state", "COMPLETED"),
						Map.of("element_id", "step", "state", "ACTIVE"));
			assertThat(after.one("acme",
					"select value::text as value from run_variable where process_instance_key = " + instance))
				.containsEntry("value", "2");
			assertThat(after.one("acme", "select state from run_job where process_instance_key = " + instance))
				.containsEntry("state", "CREATED");
		}
	}

}
