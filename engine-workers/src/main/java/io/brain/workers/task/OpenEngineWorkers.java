package io.brain.workers.task;

import java.io.InputStream;
import java.time.Duration;
import java.util.function.Supplier;

import io.brain.engine.TaskRunner;
import io.brain.engine.TaskSource;
import io.brain.workers.heartbeat.WorkerProcess;
import io.camunda.connector.api.document.DocumentCreationRequest;
import io.micrometer.core.instrument.MeterRegistry;
import io.camunda.connector.api.document.DocumentLinkParameters;
import io.camunda.connector.api.document.DocumentReference.CamundaDocumentReference;
import io.camunda.connector.runtime.core.document.store.CamundaDocumentStore;

import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * The connectors at work on the open engine ({@code brain.engine.type} {@code operaton},
 * the default): once the application is ready, a {@link TaskRunner} takes the tasks of
 * every connector job type from the engine's task source and hands them to
 * {@link ConnectorTasks}; on shutdown it stops fetching and lets the calls in flight
 * finish (a call still running after one lock has its task come back to a worker).
 * <p>
 * The connector runtime runs without Zeebe here: no Camunda client
 * ({@code io.brain.engine.EngineTypeEnvironment}), so none of its beans that need one.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "brain.engine.type", havingValue = "operaton", matchIfMissing = true)
class OpenEngineWorkers {

	/** The longest pause between fetches while there is nothing to do. */
	private static final Duration IDLE_WAIT = Duration.ofMillis(500);

	/**
	 * Leaves out of the connector runtime what needs a Camunda client: the Zeebe job
	 * workers it opens for each connector, its Zeebe health check and the cluster's
	 * document store. Its connector factory, secrets, validation and object mappers stay,
	 * the same as on Zeebe.
	 */
	@Bean
	static BeanDefinitionRegistryPostProcessor connectorRuntimeWithoutZeebe() {
		return (registry) -> {
			registry.removeBeanDefinition("outboundConnectorManager");
			registry.removeBeanDefinition("zeebeClientHealthIndicator");
			registry.removeBeanDefinition("documentStore");
			registry.registerBeanDefinition("documentStore",
					new RootBeanDefinition(CamundaDocumentStore.class, NoDocuments::new));
		};
	}

	@Bean(destroyMethod = "close")
	ConnectorWork connectorWork(TaskSource tasks, ConnectorTasks connectors, TaskRunnerProperties properties,
			MeterRegistry meters) {
		// A fetch takes at most a type's slots; failures carry their own backoff
		// (ConnectorTasks); shutdown waits up to one lock for the calls in flight.
		TaskRunner.Settings settings = new TaskRunner.Settings(WorkerProcess.id(), properties.maxInFlight(),
				properties.maxPerType(), properties.maxPerType(), properties.lock(), IDLE_WAIT, Duration.ZERO,
				properties.lock());
		TaskLatency latency = new TaskLatency(meters);
		return new ConnectorWork(() -> new TaskRunner(tasks, latency.timing(connectors.handlers()), settings));
	}

	/** The task runner, from the application's readiness to its shutdown. */
	static final class ConnectorWork implements AutoCloseable {

		private final Supplier<TaskRunner> start;

		private TaskRunner runner;

		ConnectorWork(Supplier<TaskRunner> start) {
			this.start = start;
		}

		@EventListener(ApplicationReadyEvent.class)
		synchronized void start() {
			this.runner = this.start.get();
		}

		@Override
		public synchronized void close() {
			if (this.runner != null) {
				this.runner.close();
			}
		}

	}

	/**
	 * Camunda keeps documents in its cluster; the open engine has none, and Brain's
	 * connectors use none.
	 */
	private static final class NoDocuments implements CamundaDocumentStore {

		@Override
		public CamundaDocumentReference createDocument(DocumentCreationRequest request) {
			throw unsupported();
		}

		@Override
		public InputStream getDocumentContent(CamundaDocumentReference reference) {
			throw unsupported();
		}

		@Override
		public void deleteDocument(CamundaDocumentReference reference) {
			throw unsupported();
		}

		@Override
		public String generateLink(CamundaDocumentReference reference, DocumentLinkParameters parameters) {
			throw unsupported();
		}

		private static UnsupportedOperationException unsupported() {
			return new UnsupportedOperationException("Documents need a Camunda cluster; the open engine keeps none");
		}

	}

}
