package io.brain.workers.task;

import java.util.Map;

import io.brain.workers.WorkersApplication;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The workers on the open engine have no Camunda client: unless set otherwise,
 * {@code camunda.client.enabled} is {@code false} when {@code brain.engine.type} is
 * {@code operaton} or unset, so the Camunda starter creates no client and nothing tries
 * to reach a broker. It touches the workers application only: other applications may have
 * the workers on their test class path.
 */
public class OpenEngineEnvironment implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (application.getAllSources().contains(WorkersApplication.class)
				&& "operaton".equalsIgnoreCase(environment.getProperty("brain.engine.type", "operaton"))) {
			environment.getPropertySources()
				.addLast(new MapPropertySource("brainOpenEngine", Map.of("camunda.client.enabled", "false")));
		}
	}

}
