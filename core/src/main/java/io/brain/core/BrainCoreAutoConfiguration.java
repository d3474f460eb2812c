package io.brain.core;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.brain.core.audit.AuditLog;
import io.brain.core.deployment.DeploymentRegistry;
import io.brain.core.tenant.TenantScopedDataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
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

	@Bean
	AuditLog auditLog(JdbcClient jdbc, ObjectMapper json) {
		return new AuditLog(jdbc, json);
	}

	/** Wraps the application's DataSource so every connection states its tenant. */
	@Bean
	static BeanPostProcessor tenantScopedDataSource() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof DataSource dataSource && !(bean instanceof TenantScopedDataSource)) {
					return new TenantScopedDataSource(dataSource);
				}
				return bean;
			}
		};
	}

}
