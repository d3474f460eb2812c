package io.brain.workers.connector;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.brain.core.database.EmbeddedDatabase;
import io.brain.core.deployment.DeploymentRegistry;
import io.brain.core.secret.SecretStore;
import io.brain.core.testing.RecordingHttpServer;
import io.brain.workers.ZeebeProcesses;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactories;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestPropertySource;
import org.springframework.util.ReflectionUtils;

/**
 * What every connector test on Zeebe shares: the workers' Spring context, allowed to call
 * loopback where local servers stand in for providers, with an in-process Zeebe engine
 * and a database of the test class's own. Each static {@link RecordingHttpServer} field
 * of a test class stands in for a provider: it forgets its requests and queued answers
 * before each test and stops after the class.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = "brain.outbound.allowed-networks=127.0.0.1/32")
// Kept by subclasses that declare @SpringBootTest again.
@TestPropertySource(properties = "brain.engine.type=zeebe")
@ActiveProfiles("test")
@ContextCustomizerFactories(ConnectorTestContext.InProcessEngine.class)
@DirtiesContext
@ExtendWith(ConnectorTestContext.ProviderServers.class)
public abstract class ConnectorTestContext {

	@Autowired
	protected ZeebeTestEngine engine;

	@Autowired
	protected CamundaClient client;

	@Autowired
	protected DeploymentRegistry registry;

	@Autowired
	protected JdbcClient jdbc;

	@Autowired
	protected SecretStore secrets;

	@Autowired
	private Environment environment;

	/**
	 * Runs a statement as the database's owner, past the application's grants and
	 * row-level security: to take a right away from the application for a moment, or to
	 * undo what only a crash at the right time would leave.
	 */
	protected void asDatabaseOwner(String sql) {
		try (Connection connection = DriverManager
			.getConnection(this.environment.getRequiredProperty("spring.datasource.url"), EmbeddedDatabase.USER, "");
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Gives each test class's context an engine of its own and a database named after the
	 * class: every in-process engine hands out the same keys, which one deployment
	 * registry must not mix up. The engine stops with the context, after the workers;
	 * {@link DirtiesContext} closes the context after its class, so no workers keep
	 * polling an engine that is gone.
	 */
	static final class InProcessEngine implements ContextCustomizerFactory {

		@Override
		public ContextCustomizer createContextCustomizer(Class<?> testClass,
				List<ContextConfigurationAttributes> configAttributes) {
			return new Customizer(testClass);
		}

		private record Customizer(Class<?> testClass) implements ContextCustomizer {

			@Override
			public void customizeContext(ConfigurableApplicationContext context,
					MergedContextConfiguration mergedConfig) {
				ZeebeTestEngine engine = ZeebeProcesses.startEngine();
				ConfigurableListableBeanFactory beans = context.getBeanFactory();
				beans.registerSingleton("zeebeTestEngine", engine);
				// Registered before any other bean, so destroyed after all of them.
				((DefaultSingletonBeanRegistry) beans).registerDisposableBean("zeebeTestEngine", engine::stop);
				String database = "workers_" + this.testClass.getSimpleName().toLowerCase(Locale.ROOT);
				TestPropertyValues
					.of("camunda.client.grpc-address=http://" + engine.getGatewayAddress(),
							"spring.datasource.url=" + EmbeddedDatabase.forTests().ensureDatabase(database))
					.applyTo(context);
			}

		}

	}

	/**
	 * Resets a test class's provider servers before each test and stops them after it.
	 */
	static final class ProviderServers implements BeforeEachCallback, AfterAllCallback {

		@Override
		public void beforeEach(ExtensionContext context) {
			of(context.getRequiredTestClass()).forEach(RecordingHttpServer::reset);
		}

		@Override
		public void afterAll(ExtensionContext context) {
			of(context.getRequiredTestClass()).forEach(RecordingHttpServer::close);
		}

		private static List<RecordingHttpServer> of(Class<?> testClass) {
			List<RecordingHttpServer> servers = new ArrayList<>();
			ReflectionUtils.doWithFields(testClass, (field) -> {
				ReflectionUtils.makeAccessible(field);
				servers.add((RecordingHttpServer) ReflectionUtils.getField(field, null));
			}, ProviderServers::isServer);
			return servers;
		}

		private static boolean isServer(Field field) {
			return Modifier.isStatic(field.getModifiers()) && field.getType() == RecordingHttpServer.class;
		}

	}

}
