package io.brain.workers.outbound;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OutboundConfiguration {

	@Bean
	OutboundHttpClient outboundHttpClient(OutboundHttpProperties properties) {
		return new OutboundHttpClient(properties);
	}

	/** The same SSRF rules for connectors that speak other protocols than HTTP (SMTP). */
	@Bean
	OutboundAddressPolicy outboundAddressPolicy(OutboundHttpProperties properties) {
		return new OutboundAddressPolicy(properties.allowedNetworks());
	}

}
