package io.brain.workers.task;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brain.core.tenant.TenantContext;
import io.brain.engine.EngineTask;
import io.brain.engine.TaskRunner;
import io.brain.engine.TaskRunner.TaskOutcome;
import io.brain.workers.limit.ConnectorLimits;
import io.camunda.connector.api.document.DocumentFactory;
import io.camunda.connector.api.error.ConnectorRetryException;
import io.camunda.connector.api.outbound.JobContext;
import io.camunda.connector.api.outbound.OutboundConnectorFunction;
import io.camunda.connector.api.validation.ValidationProvider;
import io.camunda.connector.runtime.annotation.OutboundConnectorObjectMapper;
import io.camunda.connector.runtime.core.ConnectorResultHandler;
import io.camunda.connector.runtime.core.error.BpmnError;
import io.camunda.connector.runtime.core.error.ConnectorError;
import io.camunda.connector.runtime.core.error.JobError;
import io.camunda.connector.runtime.core.outbound.ConnectorResult;
import io.camunda.connector.runtime.core.outbound.ErrorExpressionJobContext;
import io.camunda.connector.runtime.core.outbound.JobHandlerContext;
import io.camunda.connector.runtime.core.outbound.OutboundConnectorFactory;
import io.camunda.connector.runtime.core.secret.SecretProviderAggregator;
import io.camunda.connector.runtime.outbound.job.OutboundConnectorExceptionHandler;
import org.slf4j.MDC;

import org.springframework.stereotype.Component;

/**
 * The connectors as workers of the engine port's task source: each task goes to the same
 * {@code @OutboundConnector} function a Zeebe job of its type would, with its inputs
 * bound, its result and error expressions and its retry headers applied by the connector
 * runtime's own classes, so a step behaves the same on either engine.
 */
@Component
public class ConnectorTasks {

	private static final Duration DEFAULT_BACKOFF = Duration.ZERO;

	private final OutboundConnectorFactory connectors;

	private final SecretProviderAggregator secrets;

	private final ValidationProvider validation;

	private final DocumentFactory documents;

	private static final TypeReference<Map<String, Object>> PLAIN = new TypeReference<>() {
	};

	private final ObjectMapper json;

	private final ConnectorResultHandler results;

	private final OutboundConnectorExceptionHandler failures;

	ConnectorTasks(OutboundConnectorFactory connectors, SecretProviderAggregator secrets, ValidationProvider validation,
			DocumentFactory documents, @OutboundConnectorObjectMapper ObjectMapper json) {
		this.connectors = connectors;
		this.secrets = secrets;
		this.validation = validation;
		this.documents = documents;
		this.json = json;
		this.results = new ConnectorResultHandler(json);
		this.failures = new OutboundConnectorExceptionHandler(secrets);
	}

	/** A handler for every connector job type, for a {@link TaskRunner}. */
	public Map<String, TaskRunner.TaskHandler> handlers() {
		Map<String, TaskRunner.TaskHandler> handlers = new LinkedHashMap<>();
		this.connectors.getConfigurations().forEach((connector) -> handlers.put(connector.type(), this::handle));
		return handlers;
	}

	/**
	 * Runs one task through its connector, in the task's tenant (from its deployment):
	 * each log line meanwhile names the tenant and the run.
	 */
	public TaskOutcome handle(EngineTask task) {
		try (MDC.MDCCloseable run = MDC.putCloseable("run", task.runId())) {
			return TenantContext.call(task.tenant().value(), () -> work(task));
		}
	}

	private TaskOutcome work(EngineTask task) {
		EngineTaskJob job = new EngineTaskJob(task, this.json);
		OutboundConnectorFunction connector = this.connectors.getInstance(task.type());
		ConnectorResult result;
		try {
			Object response = connector.execute(new Context(job, this));
			result = new ConnectorResult.SuccessResult(response, this.results.createOutputVariables(response,
					task.headers().get("resultVariable"), task.headers().get("resultExpression")));
		}
		catch (ConnectorRetryException ex) {
			if (ConnectorLimits.OVER_LIMIT.equals(ex.getErrorCode())) {
				// No call was made: the task comes back after the backoff with its
				// retries,
				// however many tasks of the tenant wait for a free place.
				return new TaskOutcome.Failed(ex.getMessage(), task.retries(),
						(ex.getBackoffDuration() != null) ? ex.getBackoffDuration() : DEFAULT_BACKOFF);
			}
			result = this.failures.manageConnectorJobHandlerException(ex, job, DEFAULT_BACKOFF);
		}
		catch (Exception ex) {
			result = this.failures.manageConnectorJobHandlerException(ex, job, DEFAULT_BACKOFF);
		}
		Optional<ConnectorError> error = this.results.examineErrorExpression(result.responseValue(), task.headers(),
				new ErrorExpressionJobContext(new ErrorExpressionJobContext.ErrorExpressionJob(task.retries())));
		if (error.isPresent() && error.get() instanceof BpmnError bpmn) {
			return new TaskOutcome.BpmnError(bpmn.errorCode(), bpmn.errorMessage(),
					(bpmn.variables() != null) ? bpmn.variables() : Map.of());
		}
		if (error.isPresent() && error.get() instanceof JobError failed) {
			return new TaskOutcome.Failed(failed.errorMessage(),
					(failed.retries() != null) ? failed.retries() : task.retries() - 1,
					(failed.retryBackoff() != null) ? failed.retryBackoff() : DEFAULT_BACKOFF);
		}
		if (result instanceof ConnectorResult.ErrorResult failed) {
			return new TaskOutcome.Failed(message(failed.exception()), failed.retries(),
					(failed.retryBackoff() != null) ? failed.retryBackoff() : DEFAULT_BACKOFF);
		}
		return new TaskOutcome.Completed(plain(((ConnectorResult.SuccessResult) result).variables()));
	}

	/**
	 * Calls the connector of a task for Brain's own callers (an agent's tool) and answers
	 * its response as the connector returns it: the step's result and error expressions
	 * do not apply, and what the connector throws reaches the caller.
	 */
	public Object call(EngineTask task) throws Exception {
		return this.connectors.getInstance(task.type()).execute(new Context(new EngineTaskJob(task, this.json), this));
	}

	/**
	 * Outputs as the JSON values a run holds (maps, lists, text, numbers), written by the
	 * connector runtime's mapper as the Zeebe client writes a job's variables: a
	 * connector's result records become objects.
	 */
	private Map<String, Object> plain(Map<String, Object> outputs) {
		return this.json.convertValue(outputs, PLAIN);
	}

	private static String message(Exception ex) {
		return (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
	}

	/**
	 * The connector runtime's context for a task, whose job context is the task itself,
	 * so Brain's code can tell a task of the engine port from a Zeebe job.
	 */
	private static final class Context extends JobHandlerContext {

		private final EngineTaskJob job;

		Context(EngineTaskJob job, ConnectorTasks tasks) {
			super(job, tasks.secrets, tasks.validation, tasks.documents, tasks.json);
			this.job = job;
		}

		@Override
		public JobContext getJobContext() {
			return this.job;
		}

	}

}
