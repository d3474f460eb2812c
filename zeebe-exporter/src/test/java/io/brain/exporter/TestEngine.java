package io.brain.exporter;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.builder.ServiceTaskBuilder;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An in-process Zeebe engine with its client and the database its definitions are
 * registered in. Every such engine hands out the same keys, so each uses a database of
 * its own.
 */
final class TestEngine implements AutoCloseable {

	final ZeebeTestEngine engine;

	final ZeebeClient client;

	final RunDatabase database;

	TestEngine(String database) {
		this.database = new RunDatabase(database);
		this.engine = EngineFactory.create();
		this.engine.start();
		this.client = this.engine.createClient();
	}

	/** Deploys a model and registers it for a tenant, as the api does. */
	long deploy(String tenant, String processId, BpmnModelInstance model) {
		long definition = deployOnly(model, processId + ".bpmn");
		this.database.register(definition, tenant, processId, tenant + "__" + processId, 1);
		return definition;
	}

	/** Deploys a model without registering it: a definition Brain did not deploy. */
	long deployOnly(BpmnModelInstance model, String resourceName) {
		return this.client.newDeployResourceCommand()
			.addProcessModel(model, resourceName)
			.send()
			.join()
			.getProcesses()
			.get(0)
			.getProcessDefinitionKey();
	}

	long start(long definition, Map<String, Object> variables) {
		long instance = this.client.newCreateInstanceCommand()
			.processDefinitionKey(definition)
			.variables(variables)
			.send()
			.join()
			.getProcessInstanceKey();
		idle();
		return instance;
	}

	ActivatedJob activate(String jobType) {
		List<ActivatedJob> jobs = List.of();
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (jobs.isEmpty() && System.nanoTime() < deadline) {
			idle();
			jobs = this.client.newActivateJobsCommand()
				.jobType(jobType)
				.maxJobsToActivate(1)
				.timeout(Duration.ofMinutes(5))
				.requestTimeout(Duration.ofSeconds(1))
				.send()
				.join()
				.getJobs();
		}
		assertThat(jobs).as("a job of type %s", jobType).hasSize(1);
		return jobs.get(0);
	}

	void idle() {
		try {
			this.engine.waitForIdleState(Duration.ofSeconds(5));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A service task of a job type, named after it. */
	static Consumer<ServiceTaskBuilder> task(String jobType, String retries) {
		return (task) -> task.name("Send the " + jobType).zeebeJobType(jobType).zeebeJobRetries(retries);
	}

	/** The only row a tenant's query answers. */
	Map<String, Object> one(String tenant, String sql) {
		List<Map<String, Object>> rows = this.database.rowsOfTenant(tenant, sql);
		assertThat(rows).as(sql).hasSize(1);
		return rows.get(0);
	}

	@Override
	public void close() {
		this.client.close();
		this.engine.stop();
	}

}
