package io.brain.api.input;

import io.brain.api.problem.ProblemWriter;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

@Configuration(proxyBeanMethods = false)
class InputConfiguration {

	/**
	 * After the webhook ingress limit (a shed webhook costs nothing) and ahead of the
	 * audit filter and Spring Security: a refused request is neither audited nor
	 * authenticated, and stores nothing.
	 */
	@Bean
	FilterRegistrationBean<InputTextFilter> inputTextFilter(
			@Value("${brain.security.max-request-size:2MB}") DataSize maxRequestSize, ProblemWriter problems) {
		FilterRegistrationBean<InputTextFilter> registration = new FilterRegistrationBean<>(
				new InputTextFilter(maxRequestSize.toBytes(), problems));
		registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 15);
		return registration;
	}

}
