package io.brain.workers.task;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariDataSource;
import io.brain.core.tenant.TenantContext;
import io.brain.core.tenant.TenantId;
import io.brain.core.tenant.TenantScopedDataSource;
import io.brain.core.testing.MigratedDatabase;
import io.brain.core.testing.RecordingHttpServer;
import io.brain.core.testing.RecordingHttpServer.Recorded;
import io.brain.engine.Engine;
import io.brain.engine.EngineTask;
import io.brain.engine.RunHistory;
import io.brain.engine.operaton.OperatonEngine;
import io.brain.engine.operaton.OperatonSettings;
import io.brain.workers.WorkersApplication;
import io.brain.workers.connector.http.HttpRequestConnector;
import io.brain.workers.connector.http.HttpRequestConnectorTests;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The real workers application on the open engine, its default: against a database the
 * api has migrated, with no Camunda client, it works the connector steps of runs started
 * on an engine of the test's own, many calls at once, and stops fetching when it shuts
 * down.
 */
class OpenEngineWorkersTests {

	static final TenantId GLOBEX = new TenantId("globex");

	static final RecordingHttpServer provider = RecordingHttpServer.start();

	static String database;

	static HikariDataSource pool;

	static OperatonEngine openEngine;

	ConfigurableApplicationContext workers;

	/** The schema as the api migrates it, and an engine as the api runs it. */
	@BeforeAll
	static void startEngine() {
		database = MigratedDatabase.migrated("workers_open_engine");
		pool = MigratedDatabase.applicationPool(database);
		openEngine = OperatonEngine.start(new TenantScopedDataSource(pool),
				// Stands in for the api's engine, which works the jobs (a run's start
				// continues on one).
				new OperatonSettings("brain", "P30D", true));
	}

	@AfterAll
	static void stopEngine() {
		openEngine.close();
		pool.close();
		provider.close();
	}

	@BeforeEach
	void startWorkers() {
		provider.reset();
		this.workers = new SpringApplicationBuilder(WorkersApplication.class).run("--spring.datasource.url=" + database,
				"--spring.datasource.username=brain_app", "--spring.flyway.enabled=false",
				"--BRAIN_MASTER_KEY=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=", "--server.port=0",
				"--brain.outbound.allowed-networks=127.0.0.1/32");
	}

	@AfterEach
	void stopWorkers() {
		this.workers.close();
	}

	@Test
	void runWhenItReachesAConnectorStepThenTheWorkersCallTheProviderForTheDeployingTenant() {
		provider.answer(201, Map.of("Content-Type", "application/json"), "{\"id\":42}");
		openEngine.deploy(GLOBEX, "http.bpmn", httpStep("open-http"), "editor");

		Engine.RunStarted run = openEngine.start(GLOBEX, "open-http",
				Map.of("targetUrl", provider.url("/orders"), "payload", Map.of("order", 7), "tenant_id", "acme"), null);

		RunHistory.Run done = await().atMost(Duration.ofSeconds(30))
			.until(() -> openEngine.history().run(GLOBEX, run.runId()).orElseThrow(),
					(seen) -> seen.summary().state() == RunHistory.State.COMPLETED);
		Recorded request = provider.take(Duration.ofSeconds(5));
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.uri().toString()).isEqualTo("/orders");
		assertThat(request.body()).isEqualTo("{\"order\":7}");
		assertThat(done.variables()).containsEntry("status", 201).containsEntry("responseBody", Map.of("id", 42));
		assertThat(auditRows("globex", run.runId())).hasSize(1);
		assertThat(auditRows("acme", run.runId())).isEmpty();
	}

	@Test
	void startWhenOnTheOpenEngineThenNoCamundaClientExistsAndTheWorkersAreHealthy() throws Exception {
		assertThat(this.workers.getBeanProvider(CamundaClient.class).getIfAvailable()).isNull();
		URI health = URI.create("http://127.0.0.1:" + this.workers.getEnvironment().getProperty("local.server.port")
				+ "/actuator/health");
		try (HttpClient http = HttpClient.newHttpClient()) {
			HttpResponse<String> answer = http.send(HttpRequest.newBuilder(health).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(answer.statusCode()).isEqualTo(200);
			assertThat(answer.body()).contains("\"status\":\"UP\"");
		}
	}

	@Test
	void runsWhenTheProviderAnswersSlowlyThenTheirCallsOverlap() {
		try (SlowProvider slow = SlowProvider.answeringAfter(Duration.ofMillis(300))) {
			openEngine.deploy(GLOBEX, "http.bpmn", httpStep("open-http-slow"), "editor");

			List<Engine.RunStarted> runs = IntStream.range(0, 6)
				.mapToObj((i) -> openEngine.start(GLOBEX, "open-http-slow",
						Map.of("targetUrl", slow.url(), "payload", Map.of("order", i)), null))
				.toList();

			await().atMost(Duration.ofSeconds(30))
				.until(() -> runs.stream().allMatch(OpenEngineWorkersTests::completed));
			assertThat(slow.requests()).isEqualTo(6);
			assertThat(slow.mostAtOnce()).isGreaterThan(1);
		}
	}

	@Test
	void shutdownWhenACallIsInFlightThenItFinishesAndNoTaskIsFetchedAfterwards() {
		try (SlowProvider slow = SlowProvider.answeringAfter(Duration.ofSeconds(1))) {
			openEngine.deploy(GLOBEX, "http.bpmn", httpStep("open-http-shutdown"), "editor");
			Engine.RunStarted inFlight = openEngine.start(GLOBEX, "open-http-shutdown",
					Map.of("targetUrl", slow.url(), "payload", Map.of()), null);
			await().atMost(Duration.ofSeconds(30)).until(() -> slow.requests() == 1);

			this.workers.close();

			assertThat(completed(inFlight)).as("the call in flight finished before the workers stopped").isTrue();
			Engine.RunStarted later = openEngine.start(GLOBEX, "open-http-shutdown",
					Map.of("targetUrl", slow.url(), "payload", Map.of()), null);
			await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> slow.requests() == 1);
			List<EngineTask> left = openEngine.fetch("tests", List.of(HttpRequestConnector.TYPE), 10,
					Duration.ofSeconds(30));
			assertThat(left).singleElement().satisfies((task) -> assertThat(task.runId()).isEqualTo(later.runId()));
			openEngine.complete(left.get(0), Map.of());
		}
	}

	private static String httpStep(String processId) {
		return Bpmn.convertToString(HttpRequestConnectorTests.httpStep(processId));
	}

	private static boolean completed(Engine.RunStarted run) {
		return openEngine.history()
			.run(GLOBEX, run.runId())
			.map((seen) -> seen.summary().state() == RunHistory.State.COMPLETED)
			.orElse(false);
	}

	private List<Map<String, Object>> auditRows(String tenant, String runId) {
		JdbcClient jdbc = this.workers.getBean(JdbcClient.class);
		return TenantContext.call(tenant,
				() -> jdbc.sql("select * from audit_log where metadata->>'processInstanceKey' = :run")
					.param("run", runId)
					.query()
					.listOfRows());
	}

	/**
	 * A provider on 127.0.0.1 that answers every request after a pause, each on a thread
	 * of its own, and counts how many it had at once.
	 */
	private static final class SlowProvider implements AutoCloseable {

		private final HttpServer server;

		private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

		private final AtomicInteger requests = new AtomicInteger();

		private final AtomicInteger atOnce = new AtomicInteger();

		private final AtomicInteger mostAtOnce = new AtomicInteger();

		private SlowProvider(HttpServer server) {
			this.server = server;
		}

		static SlowProvider answeringAfter(Duration pause) {
			try {
				SlowProvider provider = new SlowProvider(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
				provider.server.setExecutor(provider.threads);
				provider.server.createContext("/", (exchange) -> {
					provider.requests.incrementAndGet();
					provider.mostAtOnce.accumulateAndGet(provider.atOnce.incrementAndGet(), Math::max);
					try {
						exchange.getRequestBody().readAllBytes();
						Thread.sleep(pause);
						byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
						exchange.getResponseHeaders().add("Content-Type", "application/json");
						exchange.sendResponseHeaders(200, body.length);
						exchange.getResponseBody().write(body);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
					finally {
						provider.atOnce.decrementAndGet();
						exchange.close();
					}
				});
				provider.server.start();
				return provider;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		String url() {
			return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/slow";
		}

		int requests() {
			return this.requests.get();
		}

		int mostAtOnce() {
			return this.mostAtOnce.get();
		}

		@Override
		public void close() {
			this.server.stop(0);
			this.threads.close();
		}

	}

}
