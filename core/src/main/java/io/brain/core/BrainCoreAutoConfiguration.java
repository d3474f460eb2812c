package io.brain.core;

import io.brain.core.deployment.DeploymentRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Registers what the api and the workers share.
 */
@AutoConfiguration(after = JdbcClientAutoConfiguration.class)
public class BrainCoreAutoConfiguration {

	@Bean
	DeploymentRegistry deploymentRegistry(JdbcClient jdbc) {
		return new DeploymentRegistry(jdbc);
	}

}
