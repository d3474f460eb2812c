package io.brain.workers;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import io.brain.core.connection.ConnectionSecrets;
import io.brain.core.deployment.DeploymentRegistry;
import io.brain.core.deployment.ProcessDeployment;
import io.brain.core.secret.SecretStore;
import io.brain.core.tenant.TenantContext;
import io.brain.core.tenant.TenantId;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.response.Process;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import io.camunda.zeebe.process.test.filters.RecordStream;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Test support: an in-process Zeebe engine, deployments registered as the api registers
 * them, connections stored as the api stores them, and runs and their incidents.
 */
public final class ZeebeProcesses {

	private ZeebeProcesses() {
	}

	public static ZeebeTestEngine startEngine() {
		ZeebeTestEngine engine = EngineFactory.create();
		engine.start();
		return engine;
	}

	/** Deploys a model and records it for a tenant, as the api does. */
	public static Process deployFor(TenantId tenant, BpmnModelInstance model, CamundaClient client,
			DeploymentRegistry registry) {
		DeploymentEvent deployment = client.newDeployResourceCommand()
			.addProcessModel(model, "test.bpmn")
			.send()
			.join();
		Process process = deployment.getProcesses().get(0);
		TenantContext.run(tenant.value(),
				() -> registry.record(new ProcessDeployment(String.valueOf(process.getProcessDefinitionKey()), tenant,
						process.getBpmnProcessId(), process.getBpmnProcessId(), process.getVersion(),
						String.valueOf(deployment.getKey()), "test.bpmn", "test", Instant.now())));
		return process;
	}

	/**
	 * Stores a connection of a tenant as the api does: fields in the table, secrets in
	 * the secret store.
	 * @return the connection's id
	 */
	public static UUID createConnection(JdbcClient jdbc, SecretStore secrets, String tenant, String type, String name,
			String configJson, Map<String, String> secretValues) {
		UUID id = UUID.randomUUID();
		TenantContext.run(tenant, () -> {
			jdbc.sql("""
					insert into connector_connection (id, tenant_id, type, name, config, created_by)
					values (:id, :tenant, :type, :name, cast(:config as jsonb), 'test')
					""")
				.param("id", id)
				.param("tenant", tenant)
				.param("type", type)
				.param("name", name)
				.param("config", configJson)
				.update();
			secretValues
				.forEach((field, value) -> secrets.put(ConnectionSecrets.ref(new TenantId(tenant), id, field), value));
		});
		return id;
	}

	/**
	 * A one-step process that runs a connector operation, as a generated element template
	 * sets it up: job type, {@code operation} and {@code resultVariable} headers (the
	 * result lands in the variable {@code result}), one retry, and inputs as FEEL
	 * expressions by input name (e.g. {@code "connection" -> "\"shop\""}).
	 */
	public static BpmnModelInstance step(String processId, String jobType, String operation,
			Map<String, String> inputs) {
		return Bpmn.createExecutableProcess(processId).startEvent().serviceTask("step", (task) -> {
			task.zeebeJobType(jobType)
				.zeebeJobRetries("1")
				.zeebeTaskHeader("operation", operation)
				.zeebeTaskHeader("resultVariable", "result");
			inputs.forEach((target, expression) -> task.zeebeInputExpression(expression, target));
		}).endEvent().done();
	}

	/** Runs a process to its end and answers its variables. */
	public static Map<String, Object> run(CamundaClient client, String processId, Map<String, Object> variables) {
		return client.newCreateInstanceCommand()
			.bpmnProcessId(processId)
			.latestVersion()
			.variables(variables)
			.withResult()
			.requestTimeout(Duration.ofSeconds(30))
			.send()
			.join()
			.getVariablesAsMap();
	}

	/** Starts a process without waiting for it, e.g. to watch it raise an incident. */
	public static long start(CamundaClient client, String processId) {
		return client.newCreateInstanceCommand()
			.bpmnProcessId(processId)
			.latestVersion()
			.send()
			.join()
			.getProcessInstanceKey();
	}

	/**
	 * Waits (up to 30 s) until a process instance has an incident whose message contains
	 * a text.
	 */
	public static void awaitIncident(ZeebeTestEngine engine, long processInstanceKey, String text) {
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(incidentMessages(engine, processInstanceKey))
				.anySatisfy((message) -> assertThat(message).contains(text)));
	}

	/**
	 * The status of a tenant's connection: UNTESTED, OK, NEEDS_ATTENTION or
	 * NEEDS_RECONNECT.
	 */
	public static String connectionStatus(JdbcClient jdbc, String tenant, UUID connection) {
		return TenantContext.call(tenant,
				() -> jdbc.sql("select status from connector_connection where id = :id")
					.param("id", connection)
					.query(String.class)
					.single());
	}

	/** The error messages of a process instance's incidents. */
	public static List<String> incidentMessages(ZeebeTestEngine engine, long processInstanceKey) {
		return incidents(engine, processInstanceKey).stream().map(IncidentRecordValue::getErrorMessage).toList();
	}

	public static List<IncidentRecordValue> incidents(ZeebeTestEngine engine, long processInstanceKey) {
		return StreamSupport
			.stream(RecordStream.of(engine.getRecordStreamSource()).incidentRecords().spliterator(), false)
			.map(Record::getValue)
			.filter((incident) -> incident.getProcessInstanceKey() == processInstanceKey)
			.toList();
	}

}
