package io.brain.api.json;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * The api's one JSON mapper: Spring Boot's, so problem+json, dates and the
 * {@code spring.jackson.*} settings apply even when a library on the classpath brings a
 * mapper of its own.
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

	@Bean
	@Primary
	ObjectMapper objectMapper(Jackson2ObjectMapperBuilder builder) {
		return builder.build();
	}

}
