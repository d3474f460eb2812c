package io.brain.exporter;

import java.util.Map;

import io.camunda.zeebe.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Records of definitions the api has not registered (yet): they wait a while for the
 * registration, which the api writes right after Zeebe confirms a deployment, and are
 * skipped after. Each test has an engine and a database of its own, so no other test's
 * waiting rows hold the acknowledged position back.
 */
class UnregisteredDefinitionTests {

	@Test
	void exportWhenDefinitionIsRegisteredLateThenRowsWaitForIt() {
		try (TestEngine zeebe = new TestEngine("exporter_late");
				ExporterHarness exporter = new ExporterHarness(
						ExporterHarness.arguments(zeebe.database.url, RunDatabase.APP_ROLE))) {
			long definition = zeebe
				.deployOnly(Bpmn.createExecutableProcess("acme__late").startEvent().endEvent().done(), "late.bpmn");
			long instance = zeebe.start(definition, Map.of());

			assertThat(exporter.exportAndFlush(zeebe.engine)).isTrue();
			assertThat(zeebe.database.rows("select * from run_instance")).isEmpty();
			assertThat(exporter.acknowledgedPosition()).isLessThan(exporter.handedPosition());

			zeebe.database.register(definition, "acme", "late", "acme__late", 1);
			assertThat(exporter.flush()).isTrue();

			assertThat(zeebe.one("acme", "select state from run_instance where process_instance_key = " + instance))
				.containsEntry("state", "COMPLETED");
			assertThat(exporter.acknowledgedPosition()).isEqualTo(exporter.handedPosition());
		}
	}

	@Test
	void exportWhenDefinitionIsNotBrainsThenItsRowsAreSkipped() {
		try (TestEngine zeebe = new TestEngine("exporter_foreign");
				ExporterHarness exporter = new ExporterHarness(Map.of("jdbcUrl", zeebe.database.url, "username",
						RunDatabase.APP_ROLE, "unknownDefinitionWaitMs", "0"))) {
			long definition = zeebe.deployOnly(Bpmn.createExecutableProcess("foreign").startEvent().endEvent().done(),
					"foreign.bpmn");
			zeebe.start(definition, Map.of());

			assertThat(exporter.exportAndFlush(zeebe.engine)).isTrue();

			assertThat(zeebe.database.rows("select * from run_instance")).isEmpty();
			assertThat(zeebe.database.rows("select * from run_definition")).isEmpty();
			assertThat(exporter.acknowledgedPosition()).isEqualTo(exporter.handedPosition());
		}
	}

}
