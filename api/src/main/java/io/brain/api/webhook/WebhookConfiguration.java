package io.brain.api.webhook;

import io.brain.api.problem.ProblemWriter;

import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WebhookConfiguration {

	/**
	 * Ahead of the audit filter and Spring Security: a shed delivery costs next to
	 * nothing.
	 */
	@Bean
	FilterRegistrationBean<IngressLimit> webhookIngressLimit(WebhookProperties properties, ProblemWriter problems) {
		FilterRegistrationBean<IngressLimit> registration = new FilterRegistrationBean<>(
				new IngressLimit(properties.maxConcurrentRequests(), problems));
		registration.addUrlPatterns("/hooks/*");
		registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 20);
		return registration;
	}

}
