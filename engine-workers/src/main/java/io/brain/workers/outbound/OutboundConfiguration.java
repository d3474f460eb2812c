package io.brain.workers.outbound;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OutboundConfiguration {

	@Bean
	OutboundHttpClient outboundHttpClient(OutboundHttpProperties properties) {
		return new OutboundHttpClient(properties);
	}

}
