package io.brain.engine.operaton;

import java.time.Duration;

import javax.sql.DataSource;

import io.brain.engine.EngineStatus;
import io.brain.engine.RunHistory;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The open engine in a Spring application, unless {@code brain.engine.type} names
 * another: one engine per process on the application's database, its commands joining the
 * application's transaction where one is under way. The api's engine works timers and
 * other engine jobs; the workers' does not ({@code brain.engine.job-executor}), it only
 * fetches and completes their tasks.
 */
@AutoConfiguration(after = { DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class })
@ConditionalOnProperty(name = "brain.engine.type", havingValue = "operaton", matchIfMissing = true)
public class OperatonConfiguration {

	/**
	 * The engine; it starts after the schema is migrated, where this process migrates it.
	 */
	@Bean(destroyMethod = "close")
	OperatonEngine operatonEngine(DataSource dataSource, PlatformTransactionManager transactions,
			Environment environment, ObjectProvider<FlywayMigrationInitializer> migrations,
			ObjectProvider<MeterRegistry> meters) {
		// Where this process migrates the schema, it does so before the engine reads it.
		migrations.getIfAvailable();
		MeterRegistry registry = meters.getIfAvailable();
		return OperatonEngine.start(dataSource, transactions,
				new OperatonSettings(environment.getProperty("brain.engine.history", BrainHistoryLevel.NAME),
						environment.getProperty("brain.engine.history-time-to-live", "P30D"),
						environment.getProperty("brain.engine.job-executor", Boolean.class, true),
						environment.getProperty("brain.engine.job-lock", Duration.class,
								OperatonSettings.DEFAULT_JOB_LOCK)),
				(registry != null) ? new EngineMeters(registry) : null);
	}

	@Bean
	RunHistory runHistory(OperatonEngine engine) {
		return engine.history();
	}

	@Bean
	EngineStatus engineStatus(OperatonEngine engine) {
		return engine.status();
	}

	/**
	 * The engine's part of the application's health: {@code engine}, up while it can read
	 * its tables.
	 */
	@Bean
	HealthIndicator engineHealthIndicator(OperatonEngine engine) {
		return () -> {
			engine.check();
			return Health.up()
				.withDetail("engine", "Operaton")
				.withDetail("jobExecutor", engine.settings().jobExecutor())
				.build();
		};
	}

}
