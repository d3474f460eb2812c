package io.brain.core.logging;

import java.net.URL;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Pushes the application's log lines to Loki as well as to the console when
 * {@code BRAIN_LOKI_URL} names Loki's push API (for example
 * {@code http://loki:3100/loki/api/v1/push}): the appender of
 * {@code brain-logback-loki.xml} joins the logging that {@code brain-logback.xml} set up.
 * Nothing changes without it.
 */
public class LokiLogPush implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

	/** The setting naming Loki's push API. */
	public static final String URL_SETTING = "BRAIN_LOKI_URL";

	static final String CONFIGURATION = "brain-logback-loki.xml";

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		Environment environment = event.getEnvironment();
		String url = environment.getProperty(URL_SETTING);
		ILoggerFactory factory = LoggerFactory.getILoggerFactory();
		if (url == null || url.isBlank() || !(factory instanceof LoggerContext context)) {
			return;
		}
		push(context, url, environment.getProperty("spring.application.name", "brain"));
	}

	/**
	 * Adds the Loki appender to a logging context.
	 * @param context the logging context, configured already
	 * @param url Loki's push API
	 * @param app the {@code app} label of the lines
	 */
	static void push(LoggerContext context, String url, String app) {
		if (context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("LOKI") != null) {
			return;
		}
		context.putProperty(URL_SETTING, url);
		context.putProperty("BRAIN_LOKI_APP", app);
		URL configuration = LokiLogPush.class.getClassLoader().getResource(CONFIGURATION);
		JoranConfigurator joran = new JoranConfigurator();
		joran.setContext(context);
		try {
			joran.doConfigure(configuration);
		}
		catch (JoranException ex) {
			throw new IllegalStateException("Could not set up the log push to Loki", ex);
		}
	}

	@Override
	public int getOrder() {
		// Right after Spring Boot has set up the logging from brain-logback.xml.
		return LoggingApplicationListener.DEFAULT_ORDER + 1;
	}

}
