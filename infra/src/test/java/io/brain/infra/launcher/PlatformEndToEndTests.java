package io.brain.infra.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.brain.core.testing.BpmnFixtures;
import io.brain.core.testing.RecordingHttpServer;
import io.brain.core.testing.RecordingHttpServer.Recorded;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole platform as {@code ./brain up} starts it (embedded PostgreSQL, Keycloak with
 * the realm imported, the api with the open engine, the workers from their built jars),
 * on free ports beside any running dev platform, driven through HTTP with real Keycloak
 * tokens and through a real browser.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlatformEndToEndTests {

	static final String TEMPLATE = "webhook-payload-to-http-request";

	final HttpClient http = HttpClient.newHttpClient();

	final ObjectMapper json = new ObjectMapper();

	final RecordingHttpServer target = RecordingHttpServer.start();

	Platform platform;

	String api;

	@BeforeAll
	void startPlatform() {
		this.platform = SharedPlatform.get();
		this.api = SharedPlatform.apiUrl();
	}

	@AfterAll
	void stopTarget() {
		this.target.close();
	}

	@Test
	void healthWhenPlatformIsUpThenDatabaseEngineAndKeycloakAreUp() throws Exception {
		String management = "http://127.0.0.1:" + this.platform.settings().ports().apiManagement();
		JsonNode health = this.json
			.readTree(send(HttpRequest.newBuilder(URI.create(management + "/actuator/health")), 200));
		assertThat(health.at("/status").asText()).isEqualTo("UP");
		assertThat(health.at("/components/db/status").asText()).isEqualTo("UP");
		assertThat(health.at("/components/engine/status").asText()).isEqualTo("UP");
		assertThat(health.at("/components").has("zeebe")).isFalse();
		assertThat(health.at("/components/keycloak/status").asText()).isEqualTo("UP");
	}

	@Test
	void priorityWhenPlatformIsUpThenTheWorkersYieldTheCpuToTheApi() throws Exception {
		Map<String, Long> pids = this.platform.pids();
		assertThat(pids).doesNotContainKey("zeebe");
		assertThat(niceness(pids.get("api"))).isZero();
		assertThat(niceness(pids.get("keycloak"))).isZero();
		assertThat(niceness(pids.get("workers"))).isEqualTo(Platform.BACKGROUND_NICENESS);
	}

	/**
	 * A process's niceness: field 19 of {@code /proc/<pid>/stat}, counted after its name.
	 */
	private static int niceness(long pid) {
		try {
			String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return Integer.parseInt(fields[16]);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Test
	void flowWhenEditorDeploysAndStartsRunThenHttpActionReachesServerAndRunCompletes() throws Exception {
		String token = token("acme-editor");

		JsonNode deployment = this.json
			.readTree(send(authorized(token, "/api/process-templates/" + TEMPLATE + "/deployments")
				.POST(HttpRequest.BodyPublishers.noBody()), 201));
		assertThat(deployment.at("/processes/0/processId").asText()).isEqualTo(TEMPLATE);
		assertThat(deployment.at("/processes/0/deployedBy").asText()).isEqualTo("acme-editor");

		String start = this.json.writeValueAsString(Map.of("processId", TEMPLATE, "variables", Map.of("payload",
				Map.of("event", "order.paid", "orderId", 1001), "targetUrl", this.target.url("/hook"))));
		JsonNode run = this.json.readTree(send(authorized(token, "/api/runs").header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(start)), 201));

		Recorded received = this.target.take(Duration.ofSeconds(60));
		assertThat(received.method()).isEqualTo("POST");
		assertThat(received.uri().getPath()).isEqualTo("/hook");
		assertThat(received.header("Content-Type")).isEqualTo("application/json");
		assertThat(this.json.readTree(received.body()))
			.isEqualTo(this.json.readTree("{\"event\":\"order.paid\",\"orderId\":1001}"));

		String runUrl = "/api/runs/" + run.get("id").asText();
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			JsonNode current = this.json.readTree(send(authorized(token, runUrl).GET(), 200));
			assertThat(current.get("state").asText()).isEqualTo("COMPLETED");
			assertThat(current.at("/variables/response/status").asInt()).isEqualTo(200);
			assertThat(current.get("steps")).isNotEmpty()
				.allSatisfy((step) -> assertThat(step.get("outcome").asText()).isEqualTo("COMPLETED"));
		});
		JsonNode runs = this.json.readTree(send(authorized(token, "/api/runs?state=COMPLETED").GET(), 200));
		assertThat(runs.get("items")).extracting((item) -> item.get("id").asText()).contains(run.get("id").asText());
		send(authorized(token("globex-editor"), runUrl).GET(), 404);
	}

	@Test
	void deployWhenBpmnInvalidThenProblemNamesTheEngineComplaint() throws Exception {
		String broken = BpmnFixtures.missingTaskType();
		String body = this.json.writeValueAsString(Map.of("resourceName", "broken.bpmn", "bpmnXml", broken));
		HttpResponse<String> response = this.http
			.send(authorized(token("acme-editor"), "/api/deployments").header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		JsonNode problem = this.json.readTree(response.body());
		assertThat(problem.get("field").asText()).isEqualTo("bpmnXml");
		assertThat(problem.get("detail").asText()).contains("no job type");
		assertThat(problem.at("/problems/0/elementId").asText()).isNotBlank();
	}

	@Test
	void requestWithoutTokenThenUnauthorizedProblem() throws Exception {
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(URI.create(this.api + "/api/runs")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((value) -> value.startsWith("Bearer"));
	}

	@Test
	void signInWhenUserLogsInThroughKeycloakThenDashboardShowsNameAndTenant() throws Exception {
		// A run of the tenant for the Runs page to list; its HTTP step fails (nothing
		// listens
		// on port 9), which leaves it with an incident, and it calls nothing this class
		// checks.
		String token = token("acme-editor");
		send(authorized(token, "/api/process-templates/" + TEMPLATE + "/deployments")
			.POST(HttpRequest.BodyPublishers.noBody()), 201);
		String start = this.json.writeValueAsString(Map.of("processId", TEMPLATE, "variables",
				Map.of("payload", Map.of("event", "sign-in"), "targetUrl", "http://127.0.0.1:9/nowhere")));
		String runId = this.json
			.readTree(send(authorized(token, "/api/runs").header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(start)), 201))
			.get("id")
			.asText();

		try (SignedInBrowser browser = SignedInBrowser.open("/", "acme-editor")) {
			Page page = browser.page();

			assertThat(page.getByTestId("user-name")).hasText("Erin Editor");
			assertThat(page.getByTestId("user-tenant")).hasText("acme");
			assertThat(page.getByTestId("user-menu")).containsText("Erin Editor");
			page.getByText("Runs").first().click();
			assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Runs").setExact(true)))
				.isVisible();
			assertThat(page.locator("[data-testid=run-row][data-id='" + runId + "']")).isVisible();
			assertThat(page.locator("[data-testid=run-row][data-id='" + runId + "'] [data-testid=run-state]"))
				.isVisible();
		}
	}

	private String token(String username) {
		return SharedPlatform.token(username);
	}

	private HttpRequest.Builder authorized(String token, String path) {
		return HttpRequest.newBuilder(URI.create(this.api + path)).header("Authorization", "Bearer " + token);
	}

	private String send(HttpRequest.Builder request, int expectedStatus) throws Exception {
		HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as("%s answered %s", response.uri(), response.body())
			.isEqualTo(expectedStatus);
		return response.body();
	}

}
