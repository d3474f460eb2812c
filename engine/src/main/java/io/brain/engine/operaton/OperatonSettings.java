package io.brain.engine.operaton;

import java.time.Duration;

/**
 * How the open engine runs.
 *
 * @param history what it keeps of runs: {@code brain} (runs, steps, the last value of
 * each variable, incidents and worker task attempts), or one of Operaton's own levels
 * @param historyTimeToLive how long ended runs are kept, as an ISO period such as
 * {@code P30D}
 * @param jobExecutor whether this node works timers and other engine jobs
 * @param jobLock how long a node holds a job it took: the job of a node that died is
 * taken by another (or by the node restarted) once this has passed; Brain's jobs only
 * move a run to its next wait (a worker's task, a timer, a message), so they take
 * milliseconds, far below it
 */
public record OperatonSettings(String history, String historyTimeToLive, boolean jobExecutor, Duration jobLock) {

	/** How long a job stays with a node unless a setting says otherwise. */
	public static final Duration DEFAULT_JOB_LOCK = Duration.ofSeconds(20);

	public OperatonSettings(String history, String historyTimeToLive, boolean jobExecutor) {
		this(history, historyTimeToLive, jobExecutor, DEFAULT_JOB_LOCK);
	}

}
