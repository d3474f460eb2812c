package io.brain.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Brain Gateway: the REST API, and the web app it serves.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BrainApiApplication {

	public static void main(String[] args) {
		SpringApplication.run(BrainApiApplication.class, args);
	}

}
