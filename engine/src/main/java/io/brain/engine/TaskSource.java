package io.brain.engine;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Where workers take the steps a model gives to connectors: fetched and locked for a
 * time, then completed with outputs, failed with retries left and a backoff, or ended
 * with a BPMN error the model may catch. The tenant of a task comes from the deployment
 * its process belongs to, never from a variable.
 */
public interface TaskSource {

	/** Locks up to {@code max} tasks of the given types for {@code lock}. */
	List<EngineTask> fetch(String workerId, Collection<String> types, int max, Duration lock);

	/**
	 * Keeps a task locked for {@code lock} from now, while its call still runs: locks
	 * stay short, so the task of a worker that died comes back soon.
	 */
	void extendLock(EngineTask task, Duration lock);

	/**
	 * Completes a task; its outputs become the run's variables as the model maps them.
	 */
	void complete(EngineTask task, Map<String, Object> outputs);

	/**
	 * Fails an attempt: with retries left the task comes back after the backoff, with
	 * none an incident stops the run at the step until someone retries it.
	 */
	void fail(EngineTask task, String message, int retriesLeft, Duration backoff);

	/**
	 * Ends the task with a BPMN error; without a catching event the run gets an incident.
	 */
	void throwError(EngineTask task, String errorCode, String message, Map<String, Object> variables);

}
