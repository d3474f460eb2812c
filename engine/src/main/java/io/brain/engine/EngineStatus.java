package io.brain.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * How an engine is doing across every tenant, for the platform's System Health: which
 * engine it is and whether it answers, its open incidents and the runs it started, as
 * counts by tenant or by hour, never a tenant's runs themselves.
 */
public interface EngineStatus {

	/** Which engine runs, its version and whether it answers now. */
	Description describe();

	/**
	 * The incidents waiting for someone, counted by tenant id; tenants without any left
	 * out.
	 */
	Map<String, Long> openIncidentsByTenant();

	/**
	 * The runs started in each hour since an instant, oldest first; hours without runs
	 * are left out.
	 */
	List<HourlyRuns> runsStartedPerHour(Instant since);

	/**
	 * An engine as System Health shows it.
	 *
	 * @param engine the engine's name, e.g. {@code Operaton}
	 * @param version its version, when it tells
	 * @param up whether it answered just now
	 * @param jobExecutor whether this node works the engine's timers and other jobs,
	 * where the engine has such a thing in this process; null otherwise
	 * @param problem why it is not up, when it is not
	 */
	record Description(String engine, String version, boolean up, Boolean jobExecutor, String problem) {
	}

	/** How many runs started in the hour beginning at {@code hour}. */
	record HourlyRuns(Instant hour, long runs) {
	}

}
