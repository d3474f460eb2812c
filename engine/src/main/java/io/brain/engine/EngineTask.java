package io.brain.engine;

import java.time.Instant;
import java.util.Map;

import io.brain.core.tenant.TenantId;

/**
 * A step locked for a worker.
 *
 * @param id the engine's id of the task
 * @param workerId the worker that holds its lock
 * @param type the job type the model gave the step (e.g. {@code io.brain:http})
 * @param tenant the tenant whose deployment the run belongs to
 * @param runId the run's id
 * @param processId the id of the process the run runs, as the tenant named it
 * @param elementId the step's element id in the model
 * @param variables the variables the step sees, after its input mappings
 * @param headers the step's task headers
 * @param retries the attempts left, counting this one
 * @param createdAt when the engine created the task (the run reached the step), or
 * {@code null} where the engine does not say
 */
public record EngineTask(String id, String workerId, String type, TenantId tenant, String runId, String processId,
		String elementId, Map<String, Object> variables, Map<String, String> headers, int retries, Instant createdAt) {

	@Override
	public String toString() {
		// Variables may hold customer data: never in a log line.
		return "EngineTask[" + this.type + " " + this.elementId + " of run " + this.runId + " (" + this.tenant.value()
				+ ")]";
	}

}
