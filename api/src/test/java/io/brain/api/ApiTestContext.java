package io.brain.api;

import io.brain.core.database.EmbeddedDatabase;
import io.brain.exporter.ExporterHarness;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * One api context for the security, audit and API-key tests: real PostgreSQL (connected
 * as the application's role, row-level security in force) and the in-process Zeebe
 * engine, whose records Brain's broker exporter writes as a broker would, so the Runs API
 * reads real rows. Keycloak is not running, so user management answers 503.
 */
@SpringBootTest(properties = { "camunda.connector.polling.enabled=false", "camunda.connector.webhook.enabled=false",
		"brain.keycloak.url=http://127.0.0.1:9", "brain.security.failed-authentications-per-window=5",
		"BRAIN_MASTER_KEY=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=" })
@AutoConfigureMockMvc
public abstract class ApiTestContext {

	protected static final ZeebeTestEngine engine = startEngine();

	private static ExporterHarness exporter;

	@Autowired
	protected MockMvc mvc;

	@Autowired
	protected JdbcClient jdbc;

	@DynamicPropertySource
	static void platform(DynamicPropertyRegistry properties) {
		properties.add("camunda.client.grpc-address", () -> "http://" + engine.getGatewayAddress());
		properties.add("spring.datasource.url", ApiTestContext::databaseUrl);
		properties.add("spring.datasource.username", () -> "brain_app");
	}

	/**
	 * Once the first context has migrated the database: the exporter follows the engine
	 * from then on, for every test of this JVM.
	 */
	@BeforeEach
	void followEngine() {
		synchronized (ApiTestContext.class) {
			if (exporter == null) {
				exporter = new ExporterHarness(ExporterHarness.arguments(databaseUrl(), "brain_app")).follow(engine);
				Runtime.getRuntime().addShutdownHook(new Thread(exporter::close));
			}
		}
	}

	protected static String databaseUrl() {
		return EmbeddedDatabase.forTests().ensureDatabase("api_tests");
	}

	private static ZeebeTestEngine startEngine() {
		ZeebeTestEngine started = EngineFactory.create();
		started.start();
		Runtime.getRuntime().addShutdownHook(new Thread(started::stop));
		return started;
	}

}
