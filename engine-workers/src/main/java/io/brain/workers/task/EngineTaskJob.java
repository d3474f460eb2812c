package io.brain.workers.task;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brain.engine.EngineTask;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.DocumentReferenceResponse;
import io.camunda.client.api.response.UserTaskProperties;
import io.camunda.client.api.search.enums.JobKind;
import io.camunda.client.api.search.enums.ListenerEventType;
import io.camunda.connector.api.outbound.JobContext;

/**
 * A task of the engine port in the shape the Camunda connector runtime works with, so the
 * connectors, their input binding, result and error expressions and retry headers run as
 * they do for a Zeebe job. The engine's ids are strings; the numeric keys the runtime
 * asks for are derived from them for its logs only: Brain's own code reads the task
 * itself ({@link #of(JobContext)}).
 */
public final class EngineTaskJob implements ActivatedJob, JobContext {

	private final EngineTask task;

	private final ObjectMapper json;

	EngineTaskJob(EngineTask task, ObjectMapper json) {
		this.task = task;
		this.json = json;
	}

	/** The engine task behind a connector's job, if the job came from the engine port. */
	public static Optional<EngineTask> of(JobContext job) {
		return (job instanceof EngineTaskJob engineJob) ? Optional.of(engineJob.task) : Optional.empty();
	}

	/** The id of a job's run, as the audit log records it. */
	public static String runId(JobContext job) {
		return of(job).map(EngineTask::runId).orElse(String.valueOf(job.getProcessInstanceKey()));
	}

	/**
	 * The id of one execution of a step, the same for each try of it, as the audit log
	 * records it.
	 */
	public static String stepId(JobContext job) {
		return of(job).map(EngineTask::id).orElse(String.valueOf(job.getElementInstanceKey()));
	}

	@Override
	public long getKey() {
		return key(this.task.id());
	}

	@Override
	public String getType() {
		return this.task.type();
	}

	@Override
	public long getProcessInstanceKey() {
		return key(this.task.runId());
	}

	@Override
	public String getBpmnProcessId() {
		return this.task.processId();
	}

	@Override
	public int getProcessDefinitionVersion() {
		return 0;
	}

	@Override
	public long getProcessDefinitionKey() {
		return 0;
	}

	@Override
	public String getElementId() {
		return this.task.elementId();
	}

	@Override
	public long getElementInstanceKey() {
		return key(this.task.id());
	}

	@Override
	public Map<String, String> getCustomHeaders() {
		return this.task.headers();
	}

	@Override
	public String getWorker() {
		return this.task.workerId();
	}

	@Override
	public int getRetries() {
		return this.task.retries();
	}

	@Override
	public long getDeadline() {
		return 0;
	}

	@Override
	public String getVariables() {
		try {
			return this.json.writeValueAsString(this.task.variables());
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("A task's variables are not JSON", ex);
		}
	}

	@Override
	public Map<String, Object> getVariablesAsMap() {
		return this.task.variables();
	}

	@Override
	public <T> T getVariablesAsType(Class<T> type) {
		return this.json.convertValue(this.task.variables(), type);
	}

	@Override
	public Object getVariable(String name) {
		return this.task.variables().get(name);
	}

	@Override
	public UserTaskProperties getUserTask() {
		return null;
	}

	@Override
	public JobKind getKind() {
		return JobKind.BPMN_ELEMENT;
	}

	@Override
	public ListenerEventType getListenerEventType() {
		return ListenerEventType.UNSPECIFIED;
	}

	@Override
	public String toJson() {
		return getVariables();
	}

	@Override
	public String getTenantId() {
		return this.task.tenant().value();
	}

	@Override
	public List<DocumentReferenceResponse> getDocumentReferences(String name) {
		return List.of();
	}

	@Override
	public Set<String> getTags() {
		return Set.of();
	}

	@Override
	public String toString() {
		return this.task.toString();
	}

	private static long key(String id) {
		return UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8)).getMostSignificantBits() & Long.MAX_VALUE;
	}

}
