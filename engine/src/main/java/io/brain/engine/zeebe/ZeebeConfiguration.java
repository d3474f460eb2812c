package io.brain.engine.zeebe;

import io.brain.core.deployment.DeploymentRegistry;
import io.brain.engine.EngineStatus;
import io.brain.engine.RunHistory;
import io.camunda.client.CamundaClient;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The Camunda 8 engine in a Spring application when {@code brain.engine.type=zeebe}: the
 * cluster the application's {@link CamundaClient} reaches (the Camunda Spring Boot
 * starter makes it from {@code camunda.client.*}), with Brain's deployment registry and
 * the exporter's tables on the application's database. Its health reads as {@code zeebe}.
 */
@AutoConfiguration
@ConditionalOnProperty(name = "brain.engine.type", havingValue = "zeebe")
public class ZeebeConfiguration {

	@Bean
	ZeebeEngine zeebeEngine(CamundaClient client, DeploymentRegistry registry, JdbcClient jdbc) {
		return new ZeebeEngine(client, registry, jdbc);
	}

	@Bean
	RunHistory runHistory(ZeebeEngine engine) {
		return engine.history();
	}

	@Bean
	EngineStatus engineStatus(CamundaClient client, JdbcClient jdbc) {
		return new ZeebeStatus(client, jdbc);
	}

	@Bean
	ZeebeHealthIndicator zeebeHealthIndicator(CamundaClient client) {
		return new ZeebeHealthIndicator(client);
	}

}
