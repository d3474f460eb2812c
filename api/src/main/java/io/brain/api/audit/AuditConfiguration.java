package io.brain.api.audit;

import io.brain.api.problem.ProblemWriter;

import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.transaction.PlatformTransactionManager;

@Configuration(proxyBeanMethods = false)
class AuditConfiguration implements SchedulingConfigurer {

	private final AuditSealing sealing;

	private final AuditProperties properties;

	AuditConfiguration(AuditSealing sealing, AuditProperties properties) {
		this.sealing = sealing;
		this.properties = properties;
	}

	/**
	 * Seals the audit log every {@code brain.audit.seal-interval}. A failing round is
	 * logged by the scheduler, and the next one tries again.
	 */
	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(() -> this.sealing.sealAll(false), this.properties.sealInterval());
	}

	/**
	 * Ahead of Spring Security, so refused and unauthenticated requests are audited too.
	 */
	@Bean
	FilterRegistrationBean<AuditFilter> auditFilter(RequestAudit audit) {
		FilterRegistrationBean<AuditFilter> registration = new FilterRegistrationBean<>(new AuditFilter(audit));
		registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 10);
		return registration;
	}

	/**
	 * After Spring Security, once the caller and its tenant are known: a mutation and its
	 * audit row in one transaction.
	 */
	@Bean
	FilterRegistrationBean<AuditedChangeFilter> auditedChangeFilter(PlatformTransactionManager transactions,
			RequestAudit audit, ProblemWriter problems) {
		FilterRegistrationBean<AuditedChangeFilter> registration = new FilterRegistrationBean<>(
				new AuditedChangeFilter(transactions, audit, problems));
		registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 10);
		return registration;
	}

}
