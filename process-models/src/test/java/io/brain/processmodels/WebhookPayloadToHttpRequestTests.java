package io.brain.processmodels;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.assertions.BpmnAssert;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the shipped "webhook payload to HTTP request" model on the in-process engine, with
 * this test standing in for the HTTP worker.
 */
@ZeebeProcessTest
class WebhookPayloadToHttpRequestTests {

	static final String RESOURCE = "process-models/webhook-payload-to-http-request.bpmn";

	static final String HTTP_JOB = "io.brain:http-request:1";

	ZeebeTestEngine engine;

	ZeebeClient client;

	@BeforeEach
	void deploy() {
		this.client.newDeployResourceCommand().addResourceFromClasspath(RESOURCE).send().join();
	}

	@Test
	void runWhenPayloadArrivesThenPostsItToTargetAndStoresResponse() throws Exception {
		ProcessInstanceEvent instance = start(
				Map.of("payload", Map.of("order", 7), "targetUrl", "https://example.com/in"));

		ActivatedJob job = activateHttpJob();
		assertThat(job.getCustomHeaders()).containsEntry("operation", "send");
		assertThat(job.getVariablesAsMap()).containsEntry("method", "POST")
			.containsEntry("url", "https://example.com/in")
			.containsEntry("body", Map.of("order", 7));
		this.client.newCompleteCommand(job).variables(Map.of("response", Map.of("status", 200))).send().join();

		this.engine.waitForIdleState(Duration.ofSeconds(5));
		BpmnAssert.assertThat(instance)
			.isCompleted()
			.hasPassedElementsInOrder("payload-received", "forward-payload", "payload-forwarded");
		BpmnAssert.assertThat(instance).hasVariableWithValue("response", Map.of("status", 200));
	}

	@Test
	void runWhenMethodGivenThenUsesIt() throws Exception {
		start(Map.of("payload", "plain text", "targetUrl", "https://example.com/in", "targetMethod", "PUT"));

		ActivatedJob job = activateHttpJob();
		assertThat(job.getVariablesAsMap()).containsEntry("method", "PUT").containsEntry("body", "plain text");
	}

	@Test
	void runWhenForwardingFailsThenRetriesBeforeIncident() throws Exception {
		ProcessInstanceEvent instance = start(Map.of("payload", Map.of(), "targetUrl", "https://example.com/in"));

		ActivatedJob job = activateHttpJob();
		assertThat(job.getRetries()).isEqualTo(3);
		this.client.newFailCommand(job).retries(0).errorMessage("example.com answered 503 on every try").send().join();

		this.engine.waitForIdleState(Duration.ofSeconds(5));
		BpmnAssert.assertThat(instance).isActive().hasAnyIncidents();
	}

	private ProcessInstanceEvent start(Map<String, Object> variables) throws Exception {
		ProcessInstanceEvent instance = this.client.newCreateInstanceCommand()
			.bpmnProcessId("webhook-payload-to-http-request")
			.latestVersion()
			.variables(variables)
			.send()
			.join();
		this.engine.waitForIdleState(Duration.ofSeconds(5));
		return instance;
	}

	private ActivatedJob activateHttpJob() {
		List<ActivatedJob> jobs = this.client.newActivateJobsCommand()
			.jobType(HTTP_JOB)
			.maxJobsToActivate(1)
			.send()
			.join()
			.getJobs();
		assertThat(jobs).hasSize(1);
		return jobs.get(0);
	}

}
