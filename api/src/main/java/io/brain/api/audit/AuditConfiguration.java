package io.brain.api.audit;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

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
	FilterRegistrationBean<AuditFilter> auditFilter(RequestAudit audit, ObjectMapper json) {
		FilterRegistrationBean<AuditFilter> registration = new FilterRegistrationBean<>(new AuditFilter(audit, json));
		registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 10);
		return registration;
	}

}
