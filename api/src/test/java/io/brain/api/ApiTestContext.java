package io.brain.api;

import io.brain.core.database.EmbeddedDatabase;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * One api context for the security, audit and API-key tests: real PostgreSQL (connected
 * as the application's role, row-level security in force) and the open engine embedded in
 * the api, as it runs by default, so the Runs API reads the engine's own history.
 * Keycloak is not running, so user management answers 503.
 */
@SpringBootTest(properties = { "camunda.connector.polling.enabled=false", "camunda.connector.webhook.enabled=false",
		"brain.keycloak.url=http://127.0.0.1:9", "brain.security.failed-authentications-per-window=5",
		"BRAIN_MASTER_KEY=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=" })
@AutoConfigureMockMvc
public abstract class ApiTestContext {

	@Autowired
	protected MockMvc mvc;

	@Autowired
	protected JdbcClient jdbc;

	@DynamicPropertySource
	static void platform(DynamicPropertyRegistry properties) {
		properties.add("spring.datasource.url", ApiTestContext::databaseUrl);
		properties.add("spring.datasource.username", () -> "brain_app");
	}

	protected static String databaseUrl() {
		return EmbeddedDatabase.forTests().ensureDatabase("api_tests");
	}

}
