package io.brain.core;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.brain.core.agent.AgentBudgets;
import io.brain.core.audit.AuditLog;
import io.brain.core.deployment.DeploymentRegistry;
import io.brain.core.secret.DatabaseSecretStore;
import io.brain.core.secret.MasterKeyProvider;
import io.brain.core.secret.SecretStore;
import io.brain.core.secret.VaultSecretStores;
import io.brain.core.secret.VaultSettings;
import io.brain.core.tenant.TenantScopedDataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.jdbc.JdbcClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Registers what the api and the workers share.
 */
@AutoConfiguration(after = JdbcClientAutoConfiguration.class)
@EnableConfigurationProperties(AgentBudgets.class)
public class BrainCoreAutoConfiguration {

	@Bean
	DeploymentRegistry deploymentRegistry(JdbcClient jdbc) {
		return new DeploymentRegistry(jdbc);
	}

	@Bean
	AuditLog auditLog(JdbcClient jdbc, ObjectMapper json) {
		return new AuditLog(jdbc, json);
	}

	/**
	 * Where secrets live: HashiCorp Vault (KV v2) when {@code VAULT_ADDR} is set, else
	 * the embedded envelope-encrypted store in PostgreSQL under the master key.
	 */
	@Bean
	@ConditionalOnMissingBean
	SecretStore secretStore(JdbcClient jdbc, Environment environment) {
		String vault = environment.getProperty("VAULT_ADDR");
		if (vault != null && !vault.isBlank()) {
			return VaultSecretStores.create(new VaultSettings(vault, environment.getProperty("VAULT_TOKEN"),
					environment.getProperty("VAULT_ROLE_ID"), environment.getProperty("VAULT_SECRET_ID"),
					environment.getProperty("VAULT_KV_MOUNT", "secret")));
		}
		Map<String, String> settings = new HashMap<>();
		for (String name : List.of("BRAIN_MASTER_KEY", "BRAIN_MASTER_KEY_FILE")) {
			String value = environment.getProperty(name);
			if (value != null && !value.isBlank()) {
				settings.put(name, value);
			}
		}
		return new DatabaseSecretStore(jdbc, MasterKeyProvider.fromEnvironment(settings).load());
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
