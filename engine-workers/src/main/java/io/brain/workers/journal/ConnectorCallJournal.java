package io.brain.workers.journal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brain.core.tenant.TenantContext;
import io.brain.core.tenant.TenantId;
import io.brain.engine.EngineTask;
import io.brain.workers.catalog.ConnectorDefinition;
import io.brain.workers.task.EngineTaskJob;
import io.brain.workers.tenant.JobTenants;
import io.camunda.connector.api.error.ConnectorException;
import io.camunda.connector.api.outbound.JobContext;
import io.camunda.connector.api.outbound.OutboundConnectorContext;
import io.camunda.connector.api.outbound.OutboundConnectorFunction;
import io.camunda.connector.runtime.annotation.OutboundConnectorObjectMapper;
import io.camunda.connector.runtime.core.ConnectorResultHandler;
import io.camunda.connector.runtime.core.error.JobError;
import io.camunda.connector.runtime.core.outbound.ErrorExpressionJobContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The connector calls that went through, by step, so that repeated work is safe: a task
 * is delivered again (at least once) when its worker dies between the provider's answer
 * and the report to the engine, or when the engine's lock (open engine) or the job's
 * timeout (Zeebe) runs out meanwhile. Before a connector function runs, the step is
 * looked up; when its response is recorded, that response is returned instead of calling,
 * and the connector runtime applies the step's result and error expressions to it as it
 * did the first time.
 * <p>
 * A step is the tenant, {@link EngineTaskJob#stepId the step's id} (the open engine's
 * task id, Zeebe's element instance key: the same for every try and redelivery of one
 * step execution, new when the process runs the step again) and the job type. Every task
 * costs one lookup by primary key (a redelivery after a lost lock does not lower the
 * retries, so a first try cannot be told from a redelivery); every successful call one
 * insert.
 * <ul>
 * <li>A failed call (an exception: the provider refused, answered 5xx, could not be
 * reached) records nothing: the next try calls again, with the step's idempotency key
 * where the provider takes one.</li>
 * <li>A response the step's error expression turns into a job error (the model asks for
 * another try, e.g. to poll until something is ready) records nothing either. The check
 * sees the task's retries on the open engine; on Zeebe, whose job context does not carry
 * them, it evaluates with one retry left.</li>
 * <li>Connection tests ({@code test-connection}) and syncs ({@code sync}) of the built-in
 * processes are left out: they only read from the provider (a sync writes only Brain's
 * own records, by their ids), so running them again is harmless and shows the current
 * state.</li>
 * <li>When the response cannot be recorded (the database away for a moment), the call
 * happened all the same: the failure is logged and the task completes. At worst a crash
 * right after repeats the call, with its idempotency key.</li>
 * <li>When the journal cannot be read, the attempt fails without calling: whether the
 * call already went through cannot be told, and the engine tries the step again after its
 * backoff.</li>
 * </ul>
 * Rows hold what providers answered (customer data, never the connection's secrets),
 * under the tenant's row-level security, for {@code brain.workers.journal.retention}.
 */
@Component
class ConnectorCallJournal {

	private static final Logger logger = LoggerFactory.getLogger(ConnectorCallJournal.class);

	/** Operations that only read from the provider, and so are not journaled. */
	private static final Set<String> READS = Set.of(ConnectorDefinition.TEST_CONNECTION, ConnectorDefinition.SYNC);

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	private final JobTenants tenants;

	private final ConnectorResultHandler results;

	ConnectorCallJournal(JdbcClient jdbc, @OutboundConnectorObjectMapper ObjectMapper json, JobTenants tenants) {
		this.jdbc = jdbc;
		this.json = json;
		this.tenants = tenants;
		this.results = new ConnectorResultHandler(json);
	}

	/**
	 * Runs a connector function for a job unless the job's step has already called its
	 * provider, whose recorded response it then returns.
	 * @param type the job type the function serves
	 */
	Object execute(String type, OutboundConnectorFunction connector, OutboundConnectorContext context)
			throws Exception {
		JobContext job = context.getJobContext();
		if (READS.contains(job.getCustomHeaders().get("operation"))) {
			return connector.execute(context);
		}
		// A job of a process Brain did not deploy fails here as the connector would fail.
		Step step = new Step(this.tenants.of(job), EngineTaskJob.stepId(job), type);
		Optional<Recorded> recorded = find(step);
		if (recorded.isPresent()) {
			logger.info("Step {} of run {} ({}) has called its provider already: its recorded response completes it",
					job.getElementId(), EngineTaskJob.runId(job), step.tenant());
			return recorded.get().response();
		}
		Object response = connector.execute(context);
		if (!asksForAnotherTry(response, job)) {
			record(step, response);
		}
		return response;
	}

	/**
	 * The recorded response of a step.
	 * @throws ConnectorException when the journal cannot be read
	 */
	Optional<Recorded> find(Step step) {
		try {
			return TenantContext.call(step.tenant().value(),
					() -> this.jdbc.sql("""
							select response from connector_call_journal
							where tenant_id = :tenant and step_id = :step and job_type = :type
							""")
						.param("tenant", step.tenant().value())
						.param("step", step.stepId())
						.param("type", step.jobType())
						.query((rs, row) -> new Recorded(read(rs.getString(1))))
						.optional());
		}
		catch (RuntimeException ex) {
			throw new ConnectorException("JOURNAL_UNAVAILABLE",
					"Cannot tell whether this step has called its provider already (" + ex.getMessage()
							+ "): it is tried again rather than called twice",
					ex);
		}
	}

	/**
	 * Records a step's response; the first of two workers that raced for one step wins.
	 * @return whether it was recorded (a failure is logged: the call happened all the
	 * same)
	 */
	boolean record(Step step, Object response) {
		try {
			String written = this.json.writeValueAsString(response);
			TenantContext.run(step.tenant().value(),
					() -> this.jdbc.sql("""
							insert into connector_call_journal (tenant_id, step_id, job_type, response)
							values (:tenant, :step, :type, cast(:response as json))
							on conflict do nothing
							""")
						.param("tenant", step.tenant().value())
						.param("step", step.stepId())
						.param("type", step.jobType())
						.param("response", written)
						.update());
			return true;
		}
		catch (JsonProcessingException | RuntimeException ex) {
			logger.error("Could not record the response of step {} ({}, {}): a redelivery of it would call again",
					step.stepId(), step.jobType(), step.tenant(), ex);
			return false;
		}
	}

	/**
	 * Deletes, across tenants, at most {@code maxRows} rows recorded before a time, the
	 * oldest first.
	 * @return how many it deleted
	 */
	int purge(Instant recordedBefore, int maxRows) {
		return this.jdbc.sql("select brain_purge_connector_call_journal(:before, :max)")
			.param("before", Timestamp.from(recordedBefore))
			.param("max", maxRows)
			.query(Integer.class)
			.single();
	}

	/**
	 * Whether the step's error expression turns the response into a job error: the model
	 * asks for another try, which must call again. The expression sees what the connector
	 * runtime shows it: the step's result variables, or the response when the step maps
	 * none. Any other outcome of the expression (none, a BPMN error, a failure to
	 * evaluate) is what every redelivery would meet too.
	 */
	private boolean asksForAnotherTry(Object response, JobContext job) {
		Map<String, String> headers = job.getCustomHeaders();
		if (headers.get("errorExpression") == null || headers.get("errorExpression").isBlank()) {
			return false;
		}
		int retries = EngineTaskJob.of(job).map(EngineTask::retries).orElse(1);
		try {
			Map<String, Object> variables = this.results.createOutputVariables(response, headers.get("resultVariable"),
					headers.get("resultExpression"));
			Object seen = (variables != null && !variables.isEmpty()) ? variables : response;
			return this.results
				.examineErrorExpression(seen, headers,
						new ErrorExpressionJobContext(new ErrorExpressionJobContext.ErrorExpressionJob(retries)))
				.filter(JobError.class::isInstance)
				.isPresent();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private Object read(String written) {
		try {
			return this.json.readValue(written, Object.class);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("A recorded response is not JSON", ex);
		}
	}

	/** One execution of a step: what a recorded response is kept by. */
	record Step(TenantId tenant, String stepId, String jobType) {
	}

	/** A step's recorded response, as the plain JSON values it was written as. */
	record Recorded(Object response) {
	}

}
