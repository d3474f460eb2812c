package io.brain.api.security;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.brain.api.ApiTestContext;
import io.brain.api.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The api's actuator (metrics above all) is platform-wide: it answers on its own port,
 * bound to 127.0.0.1, where Prometheus scrapes it, and never to a tenant's user or API
 * key through the api.
 */
@AutoConfigureObservability
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "camunda.connector.polling.enabled=false", "camunda.connector.webhook.enabled=false",
				"brain.keycloak.url=http://127.0.0.1:9", "brain.security.failed-authentications-per-window=5",
				"BRAIN_MASTER_KEY=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=" })
class ManagementEndpointsTests extends ApiTestContext {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int apiPort;

	@LocalManagementPort
	int managementPort;

	@Autowired
	ObjectMapper json;

	@Test
	void prometheusWhenScrapedOnTheManagementPortThenAnswersWithoutCredentials() throws Exception {
		assertThat(this.managementPort).isNotEqualTo(this.apiPort);
		HttpResponse<String> scrape = send("http://127.0.0.1:" + this.managementPort + "/actuator/prometheus");
		assertThat(scrape.statusCode()).isEqualTo(200);
		assertThat(scrape.body()).contains("jvm_memory_used_bytes")
			.contains("hikaricp_connections")
			.contains("brain_engine_jobs_due")
			.contains("brain_engine_jobs_executed_total{outcome=\"successful\"}");
		assertThat(send("http://127.0.0.1:" + this.managementPort + "/actuator/health/readiness").statusCode())
			.isEqualTo(200);
	}

	@Test
	void prometheusWhenAskedOfTheApiByTenantUsersOrApiKeysThenNotServed() throws Exception {
		String key = this.json.readTree(this.mvc
			.perform(post("/api/api-keys").with(TestTokens.user("acme", "tenant-admin"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"scraper\",\"permissions\":[\"runs:read\"]}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString()).get("key").asText();

		for (String endpoint : new String[] { "/actuator/prometheus", "/actuator/metrics", "/actuator/info" }) {
			this.mvc.perform(get(endpoint).with(TestTokens.user("acme", "tenant-admin")))
				.andExpect(status().is4xxClientError());
			this.mvc.perform(get(endpoint).header("X-API-Key", key)).andExpect(status().is4xxClientError());
			this.mvc.perform(get(endpoint).with(TestTokens.user(null, "platform-admin")))
				.andExpect(status().is4xxClientError());
			assertThat(send("http://127.0.0.1:" + this.apiPort + endpoint).statusCode()).as(endpoint)
				.isBetween(400, 499);
		}
		// Load balancers still find the api's liveness and readiness on its own port.
		HttpResponse<String> ready = send("http://127.0.0.1:" + this.apiPort + "/readyz");
		assertThat(ready.statusCode()).isEqualTo(200);
		assertThat(ready.body()).contains("UP");
	}

	@Test
	void managementPortWhenReachedFromAnotherAddressThanLoopbackThenRefused() throws Exception {
		Optional<InetAddress> outside = NetworkInterface.networkInterfaces()
			.filter((network) -> !isLoopback(network))
			.flatMap(NetworkInterface::inetAddresses)
			.filter(Inet4Address.class::isInstance)
			.findFirst();
		org.junit.jupiter.api.Assumptions.assumeTrue(outside.isPresent(), "this host has no other address");
		try (Socket api = new Socket()) {
			// The api itself listens where it is configured to; this proves the address
			// works.
			api.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.managementPort), 2000);
		}
		assertThatThrownBy(() -> {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress(outside.get(), this.managementPort), 2000);
			}
		}).isInstanceOf(IOException.class);
	}

	private static boolean isLoopback(NetworkInterface network) {
		try {
			return network.isLoopback() || !network.isUp();
		}
		catch (IOException ex) {
			return true;
		}
	}

	private HttpResponse<String> send(String url) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
