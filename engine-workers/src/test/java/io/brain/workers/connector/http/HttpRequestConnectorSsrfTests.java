package io.brain.workers.connector.http;

import java.time.Duration;
import java.util.Map;

import io.brain.core.deployment.DeploymentRegistry;
import io.brain.core.tenant.TenantId;
import io.brain.core.testing.RecordingHttpServer;
import io.brain.workers.ZeebeProcesses;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The HTTP action with the default settings: no internal network is allowed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ActiveProfiles("test")
class HttpRequestConnectorSsrfTests {

	static final ZeebeTestEngine engine = ZeebeProcesses.startEngine();

	static final RecordingHttpServer server = RecordingHttpServer.start();

	@Autowired
	CamundaClient client;

	@Autowired
	DeploymentRegistry registry;

	@DynamicPropertySource
	static void engine(DynamicPropertyRegistry properties) {
		ZeebeProcesses.register(properties, engine, "workers_ssrf");
	}

	@AfterAll
	static void stop() {
		server.close();
		engine.stop();
	}

	@Test
	void sendWhenTargetIsLoopbackThenRefusesWithClearIncident() {
		ZeebeProcesses.deployFor(new TenantId("acme"), HttpRequestConnectorTests.httpStep("http-loopback"), this.client,
				this.registry);
		long instance = this.client.newCreateInstanceCommand()
			.bpmnProcessId("http-loopback")
			.latestVersion()
			.variables(Map.of("targetUrl", "http://127.0.0.1:" + server.url("/").split(":")[2], "payload", Map.of()))
			.send()
			.join()
			.getProcessInstanceKey();

		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(ZeebeProcesses.incidents(engine, instance)).singleElement()
				.satisfies((incident) -> assertThat(incident.getErrorMessage())
					.contains("Refused to call http://127.0.0.1:")
					.contains("127.0.0.1 is a loopback address")));
		assertThat(server.received()).isZero();
	}

}
