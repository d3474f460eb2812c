package io.brain.workers;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The engine workers: connectors working the steps of the open engine's task source, or
 * the jobs Zeebe hands them with {@code brain.engine.type=zeebe}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class WorkersApplication {

	public static void main(String[] args) {
		SpringApplication.run(WorkersApplication.class, args);
	}

}
