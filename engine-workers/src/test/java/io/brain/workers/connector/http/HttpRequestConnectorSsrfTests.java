package io.brain.workers.connector.http;

import java.time.Duration;
import java.util.Map;

import io.brain.core.tenant.TenantId;
import io.brain.core.testing.RecordingHttpServer;
import io.brain.workers.ZeebeProcesses;
import io.brain.workers.connector.ConnectorTestContext;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The HTTP action with the default settings: no internal network is allowed.
 */
// Declared again without the loopback network the other connector tests allow.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class HttpRequestConnectorSsrfTests extends ConnectorTestContext {

	static final RecordingHttpServer server = RecordingHttpServer.start();

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
			.untilAsserted(() -> assertThat(ZeebeProcesses.incidents(this.engine, instance)).singleElement()
				.satisfies((incident) -> assertThat(incident.getErrorMessage())
					.contains("Brain did not call http://127.0.0.1:")
					.contains("127.0.0.1 is the server's own address (loopback)")
					.contains("BRAIN_OUTBOUND_ALLOWED_NETWORKS")));
		assertThat(server.received()).isZero();
	}

}
