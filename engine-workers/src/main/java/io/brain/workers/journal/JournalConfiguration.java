package io.brain.workers.journal;

import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.camunda.connector.runtime.core.outbound.OutboundConnectorFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * Puts the {@link ConnectorCallJournal} in front of every connector, on either engine,
 * and purges what it no longer needs.
 */
@Configuration(proxyBeanMethods = false)
class JournalConfiguration {

	/** Wraps the connector runtime's connector factory, whichever engine runs. */
	@Bean
	static BeanPostProcessor journaledConnectors(ObjectProvider<ConnectorCallJournal> journal) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof OutboundConnectorFactory connectors && !(bean instanceof JournaledConnectors)) {
					return new JournaledConnectors(connectors, journal::getObject);
				}
				return bean;
			}
		};
	}

	@Bean(destroyMethod = "close")
	JournalPurge journalPurge(ConnectorCallJournal journal, ConnectorCallJournalProperties properties) {
		return new JournalPurge(journal, properties);
	}

	/**
	 * Deletes the rows older than the retention every {@code purgeEvery}, from the
	 * application's readiness to its shutdown: an indexed delete of a bounded batch at a
	 * time, which workers running it at once do not wait for one another in.
	 */
	static final class JournalPurge implements AutoCloseable {

		private static final Logger logger = LoggerFactory.getLogger(JournalPurge.class);

		static final int BATCH = 10_000;

		private final ConnectorCallJournal journal;

		private final ConnectorCallJournalProperties properties;

		private final ScheduledExecutorService timer = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("brain-journal-purge").daemon().factory());

		JournalPurge(ConnectorCallJournal journal, ConnectorCallJournalProperties properties) {
			this.journal = journal;
			this.properties = properties;
		}

		@EventListener(ApplicationReadyEvent.class)
		void start() {
			long every = Math.max(1, this.properties.purgeEvery().toMillis());
			this.timer.scheduleWithFixedDelay(this::purgeLogged, every, every, TimeUnit.MILLISECONDS);
		}

		/** Deletes every row older than the retention, a batch at a time. */
		int purge() {
			Instant before = Instant.now().minus(this.properties.retention());
			int deleted = 0;
			int batch;
			do {
				batch = this.journal.purge(before, BATCH);
				deleted += batch;
			}
			while (batch == BATCH);
			return deleted;
		}

		private void purgeLogged() {
			try {
				int deleted = purge();
				if (deleted > 0) {
					logger.debug("Purged {} recorded connector responses older than {}", deleted,
							this.properties.retention());
				}
			}
			catch (RuntimeException ex) {
				// The database may be away for a moment: the next round catches up.
				logger.warn("Purging recorded connector responses failed: {}", ex.getMessage());
			}
		}

		@Override
		public void close() {
			this.timer.shutdownNow();
		}

	}

}
