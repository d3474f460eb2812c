package io.brain.api.schedule;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Looks for due schedules every {@code brain.schedules.poll-interval}. A failing look
 * (the database away) is logged by the scheduler, and the next one runs as planned.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ScheduleConfiguration implements SchedulingConfigurer {

	private final ScheduleFiring firing;

	private final ScheduleProperties properties;

	ScheduleConfiguration(ScheduleFiring firing, ScheduleProperties properties) {
		this.firing = firing;
		this.properties = properties;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this.firing::fireDue, this.properties.pollInterval());
	}

}
