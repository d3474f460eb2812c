package io.brain.engine.operaton;

/**
 * How the open engine runs.
 *
 * @param history what it keeps of ended runs: {@code activity}, {@code audit} or
 * {@code full}
 * @param historyTimeToLive how long ended runs are kept, as an ISO period such as
 * {@code P30D}
 * @param jobExecutor whether this node works timers and other engine jobs
 */
public record OperatonSettings(String history, String historyTimeToLive, boolean jobExecutor) {

	public static OperatonSettings defaults() {
		return new OperatonSettings(BrainHistoryLevel.NAME, "P30D", true);
	}

}
