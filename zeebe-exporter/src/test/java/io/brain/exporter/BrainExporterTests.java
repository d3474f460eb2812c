package io.brain.exporter;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The exporter fed with the records of a real (in-process) Zeebe 8.8 engine, writing to
 * PostgreSQL with Brain's migrations, connected as the application's role.
 */
class BrainExporterTests {

	static final TestEngine zeebe = new TestEngine("exporter_tests");

	static final RunDatabase database = zeebe.database;

	static final ZeebeTestEngine engine = zeebe.engine;

	static final ZeebeClient client = zeebe.client;

	static final ExporterHarness exporter = new ExporterHarness(
			ExporterHarness.arguments(database.url, RunDatabase.APP_ROLE));

	@AfterAll
	static void stop() {
		exporter.close();
		zeebe.close();
	}

	@Test
	void exportWhenRunCompletesThenInstanceTimelineAndVariablesAreWritten() throws Exception {
		String processId = "welcome";
		long definition = zeebe.deploy("acme", processId,
				Bpmn.createExecutableProcess("acme__" + processId)
					.name("Welcome")
					.startEvent("signed-up")
					.name("Signed up")
					.serviceTask("send-mail", TestEngine.task("welcome-mail", "3"))
					.endEvent("done")
					.name("Done")
					.done());
		long instance = client.newCreateInstanceCommand()
			.processDefinitionKey(definition)
			.variables(Map.of("email", "ada@example.com"))
			.send()
			.join()
			.getProcessInstanceKey();
		ActivatedJob job = zeebe.activate("welcome-mail");
		client.newCompleteCommand(job).variables(Map.of("sent", true)).send().join();
		zeebe.idle();

		assertThat(exporter.exportAndFlush(engine)).isTrue();

		Map<String, Object> run = zeebe.one("acme",
				"select * from run_instance where process_instance_key = " + instance);
		assertThat(run).containsEntry("state", "COMPLETED")
			.containsEntry("bpmn_process_id", "acme__welcome")
			.containsEntry("process_definition_key", definition)
			.containsEntry("start_event_id", "signed-up")
			.containsEntry("start_event_type", "NONE");
		assertThat(run.get("started_at")).isNotNull();
		assertThat(run.get("ended_at")).isNotNull();
		assertThat(database.rowsOfTenant("acme",
				"select element_id, element_type, state from run_step where process_instance_key = " + instance
						+ " order by position"))
			.containsExactly(Map.of("element_id", "signed-up", "element_type", "START_EVENT", "state", "COMPLETED"),
					Map.of("element_id", "send-mail", "element_type", "SERVICE_TASK", "state", "COMPLETED"),
					Map.of("element_id", "done", "element_type", "END_EVENT", "state", "COMPLETED"));
		assertThat(
				database.rowsOfTenant("acme",
						"select count(*) as unfinished from run_step where process_instance_key = " + instance
								+ " and (ended_at is null or started_at is null)"))
			.containsExactly(Map.of("unfinished", 0L));
		assertThat(
				zeebe.one("acme", "select type, state, retries from run_job where process_instance_key = " + instance))
			.isEqualTo(Map.of("type", "welcome-mail", "state", "COMPLETED", "retries", 3));
		assertThat(database.rowsOfTenant("acme",
				"select name, value::text as value from run_variable where process_instance_key = " + instance
						+ " order by name"))
			.containsExactly(Map.of("name", "email", "value", "\"ada@example.com\""),
					Map.of("name", "sent", "value", "true"));
		assertThat(zeebe
			.one("acme",
					"select element_names::text as names from run_definition where process_definition_key = "
							+ definition)
			.get("names"))
			.isEqualTo("{\"done\": \"Done\", \"send-mail\": \"Send the welcome-mail\", "
					+ "\"signed-up\": \"Signed up\", \"acme__welcome\": \"Welcome\"}");
		assertThat(exporter.acknowledgedPosition()).isEqualTo(exporter.handedPosition());
	}

	@Test
	void exportWhenJobFailsThreeTimesThenIncidentWithMessageAndRetryCompletes() throws Exception {
		long definition = zeebe.deploy("acme", "crm-sync",
				Bpmn.createExecutableProcess("acme__crm-sync")
					.startEvent()
					.serviceTask("upsert-contact", TestEngine.task("crm-upsert", "3"))
					.endEvent()
					.done());
		long instance = client.newCreateInstanceCommand()
			.processDefinitionKey(definition)
			.send()
			.join()
			.getProcessInstanceKey();
		ActivatedJob job = null;
		for (int attempt = 0; attempt < 3; attempt++) {
			job = zeebe.activate("crm-upsert");
			client.newFailCommand(job)
				.retries(job.getRetries() - 1)
				.errorMessage("HubSpot rejected the access token (401)")
				.send()
				.join();
			zeebe.idle();
		}

		assertThat(exporter.exportAndFlush(engine)).isTrue();

		Map<String, Object> incident = zeebe.one("acme",
				"select incident_key, element_id, job_key, error_type, error_message, state from run_incident "
						+ "where process_instance_key = " + instance);
		assertThat(incident).containsEntry("element_id", "upsert-contact")
			.containsEntry("job_key", job.getKey())
			.containsEntry("error_type", "JOB_NO_RETRIES")
			.containsEntry("error_message", "HubSpot rejected the access token (401)")
			.containsEntry("state", "OPEN");
		assertThat(
				zeebe.one("acme", "select state, retries, error_message from run_job where job_key = " + job.getKey()))
			.isEqualTo(Map.of("state", "FAILED", "retries", 0, "error_message",
					"HubSpot rejected the access token (401)"));
		assertThat(zeebe.one("acme", "select state from run_instance where process_instance_key = " + instance))
			.containsEntry("state", "ACTIVE");

		client.newUpdateRetriesCommand(job.getKey()).retries(1).send().join();
		client.newResolveIncidentCommand((Long) incident.get("incident_key")).send().join();
		zeebe.idle();
		client.newCompleteCommand(zeebe.activate("crm-upsert")).send().join();
		zeebe.idle();
		assertThat(exporter.exportAndFlush(engine)).isTrue();

		assertThat(
				zeebe.one("acme",
						"select state, resolved_at is not null as resolved from run_incident "
								+ "where process_instance_key = " + instance))
			.isEqualTo(Map.of("state", "RESOLVED", "resolved", true));
		assertThat(zeebe.one("acme", "select state from run_instance where process_instance_key = " + instance))
			.containsEntry("state", "COMPLETED");
		assertThat(zeebe.one("acme", "select state, retries from run_job where job_key = " + job.getKey()))
			.isEqualTo(Map.of("state", "COMPLETED", "retries", 1));
	}

	@Test
	void exportWhenRunIsCancelledThenInstanceCancelledAndStepTerminated() throws Exception {
		long definition = zeebe.deploy("globex", "slow",
				Bpmn.createExecutableProcess("globex__slow")
					.startEvent()
					.serviceTask("wait", TestEngine.task("slow-step", "1"))
					.endEvent()
					.done());
		long instance = client.newCreateInstanceCommand()
			.processDefinitionKey(definition)
			.send()
			.join()
			.getProcessInstanceKey();
		zeebe.idle();
		client.newCancelInstanceCommand(instance).send().join();
		zeebe.idle();

		assertThat(exporter.exportAndFlush(engine)).isTrue();

		assertThat(
				zeebe.one("globex",
						"select state, ended_at is not null as ended from run_instance "
								+ "where process_instance_key = " + instance))
			.isEqualTo(Map.of("state", "CANCELLED", "ended", true));
		assertThat(zeebe.one("globex",
				"select state from run_step where element_id = 'wait' and process_instance_key = " + instance))
			.containsEntry("state", "TERMINATED");
		assertThat(zeebe.one("globex", "select state from run_job where process_instance_key = " + instance))
			.containsEntry("state", "CANCELED");
		assertThat(database.rowsOfTenant("acme", "select * from run_instance where process_instance_key = " + instance))
			.isEmpty();
		assertThat(database.rowsOfTenant(null, "select * from run_instance")).isEmpty();
	}

	@Test
	void exportWhenVariableIsLargerThanTheLimitThenItsValueIsLeftOut() throws Exception {
		long definition = zeebe.deploy("acme", "big",
				Bpmn.createExecutableProcess("acme__big")
					.startEvent()
					.serviceTask("hold", TestEngine.task("big-hold", "1"))
					.endEvent()
					.done());
		long instance = client.newCreateInstanceCommand()
			.processDefinitionKey(definition)
			.variables(Map.of("page", "x".repeat(9000), "title", "Hello\u0000"))
			.send()
			.join()
			.getProcessInstanceKey();
		zeebe.idle();

		assertThat(exporter.exportAndFlush(engine)).isTrue();

		assertThat(database.rowsOfTenant("acme",
				"select name, value::text as value, size, truncated from run_variable where process_instance_key = "
						+ instance + " order by name"))
			.containsExactly(mapOf("name", "page", "value", null, "size", 9002, "truncated", true),
					mapOf("name", "title", "value", "\"Hello\ufffd\"", "size", 13, "truncated", false));
	}

	@Test
	void exportWhenDatabaseIsDownThenNothingIsAcknowledgedUntilItIsBack() throws Exception {
		try (ExporterHarness small = new ExporterHarness(Map.of("jdbcUrl", database.url, "username",
				RunDatabase.APP_ROLE, "batchSize", "5", "flushIntervalMs", "50"))) {
			assertThat(small.exportAndFlush(engine)).isTrue();
			long before = small.acknowledgedPosition();
			long definition = zeebe.deploy("acme", "outage",
					Bpmn.createExecutableProcess("acme__outage")
						.startEvent()
						.serviceTask("step", TestEngine.task("outage-step", "1"))
						.endEvent()
						.done());
			database.owner.sql("alter table run_step rename to run_step_offline").update();
			long instance;
			try {
				instance = client.newCreateInstanceCommand()
					.processDefinitionKey(definition)
					.send()
					.join()
					.getProcessInstanceKey();
				zeebe.idle();

				assertThat(small.export(engine.getRecordStreamSource().getRecords())).as("export throws when full")
					.isFalse();
				assertThat(small.flush()).isFalse();
				assertThat(small.acknowledgedPosition()).isEqualTo(before);
				assertThat(small.describe()).as("what a failing test reports")
					.contains("acknowledged " + before)
					.containsPattern("failures=[1-9]")
					.contains("run_step");
			}
			finally {
				database.owner.sql("alter table run_step_offline rename to run_step").update();
			}

			await().atMost(Duration.ofSeconds(10)).until(() -> small.exportAndFlush(engine));
			assertThat(small.acknowledgedPosition()).isEqualTo(small.handedPosition()).isGreaterThan(before);
			assertThat(database.rowsOfTenant("acme",
					"select element_id from run_step where process_instance_key = " + instance + " order by position"))
				.extracting((row) -> row.get("element_id"))
				.hasSize(2)
				.contains("step");
		}
	}

	@Test
	void exportWhenRecordsAreExportedAgainThenRowsAreTheSame() throws Exception {
		assertThat(exporter.exportAndFlush(engine)).isTrue();
		String snapshot = """
				select (select count(*) from run_instance) || '/' || (select count(*) from run_step) || '/'
				    || (select count(*) from run_job) || '/' || (select count(*) from run_incident) || '/'
				    || (select count(*) from run_variable) || '/'
				    || (select string_agg(process_instance_key || state || coalesce(ended_at::text, ''), ','
				        order by process_instance_key) from run_instance) || '/'
				    || (select string_agg(element_instance_key || state, ',' order by element_instance_key)
				        from run_step) as tables
				""";
		Object before = database.rows(snapshot).get(0).get("tables");

		try (ExporterHarness replay = new ExporterHarness(
				ExporterHarness.arguments(database.url, RunDatabase.APP_ROLE))) {
			assertThat(replay.exportAndFlush(engine)).isTrue();
		}

		assertThat(database.rows(snapshot).get(0).get("tables")).isEqualTo(before);
	}

	static Map<String, Object> mapOf(Object... entries) {
		Map<String, Object> map = new HashMap<>();
		for (int i = 0; i < entries.length; i += 2) {
			map.put((String) entries[i], entries[i + 1]);
		}
		return map;
	}

}
