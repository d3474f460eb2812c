package io.brain.api.schedule;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Looks for due schedules every {@code brain.schedules.poll-interval}.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ScheduleConfiguration implements SchedulingConfigurer {

	private static final Logger logger = LoggerFactory.getLogger(ScheduleConfiguration.class);

	private final ScheduleFiring firing;

	private final ScheduleProperties properties;

	ScheduleConfiguration(ScheduleFiring firing, ScheduleProperties properties) {
		this.firing = firing;
		this.properties = properties;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this::fireDue, this.properties.pollInterval());
	}

	private void fireDue() {
		try {
			this.firing.fireDue();
		}
		catch (RuntimeException ex) {
			// The next look tries again; a failing database must not stop the schedules.
			logger.error("Looking for due schedules failed", ex);
		}
	}

}
