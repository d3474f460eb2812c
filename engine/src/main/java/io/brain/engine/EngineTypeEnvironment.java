package io.brain.engine;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * One switch for the engine: {@code brain.engine.type} ({@code operaton} unless set). The
 * Camunda client, which connects to a Camunda 8 cluster, is enabled only when the type is
 * {@code zeebe}, unless {@code camunda.client.enabled} is set explicitly.
 */
public class EngineTypeEnvironment implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		boolean zeebe = "zeebe".equals(environment.getProperty("brain.engine.type", "operaton"));
		environment.getPropertySources()
			.addLast(new MapPropertySource("brainEngineType", Map.of("camunda.client.enabled", zeebe)));
	}

}
