package io.brain.engine.operaton;

/**
 * How the open engine runs.
 *
 * @param history what it keeps of runs: {@code brain} (runs, steps, the last value of
 * each variable, incidents and worker task attempts), or one of Operaton's own levels
 * @param historyTimeToLive how long ended runs are kept, as an ISO period such as
 * {@code P30D}
 * @param jobExecutor whether this node works timers and other engine jobs
 */
public record OperatonSettings(String history, String historyTimeToLive, boolean jobExecutor) {

}
