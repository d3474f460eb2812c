package io.brain.api.health;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.brain.api.health.SystemHealth.Database;
import io.brain.api.health.SystemHealth.Engine;
import io.brain.api.health.SystemHealth.HourlyRuns;
import io.brain.api.health.SystemHealth.Inbox;
import io.brain.api.health.SystemHealth.Keycloak;
import io.brain.api.health.SystemHealth.TenantIncidents;
import io.brain.api.health.SystemHealth.TenantUsage;
import io.brain.api.health.SystemHealth.Worker;
import io.brain.api.user.TenantUsers;
import io.brain.engine.EngineStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Service;

/**
 * Reads System Health: each part on its own, so a part that fails (the database away, the
 * engine not answering) shows as down or empty while the rest still shows.
 */
@Service
class SystemHealthService {

	static final int RUN_HOURS = 48;

	static final int USAGE_DAYS = 30;

	static final long ALIVE_WITHIN_SECONDS = 30;

	private static final Logger logger = LoggerFactory.getLogger(SystemHealthService.class);

	private final SystemFigures figures;

	private final EngineStatus engine;

	private final KeycloakHealthIndicator keycloak;

	private final TenantUsers users;

	SystemHealthService(SystemFigures figures, EngineStatus engine, KeycloakHealthIndicator keycloak,
			TenantUsers users) {
		this.figures = figures;
		this.engine = engine;
		this.keycloak = keycloak;
		this.users = users;
	}

	SystemHealth read() {
		Instant now = Instant.now();
		Database database = database();
		boolean db = database.up();
		return new SystemHealth(now, database, engine(), keycloak(),
				db ? part("workers", this.figures::workers, ALIVE_WITHIN_SECONDS, List.of()) : List.of(),
				db ? part("inbox", (ignored) -> this.figures.inbox(), null, new Inbox(0, null, 0))
						: new Inbox(0, null, 0),
				part("incidents", (ignored) -> incidents(), null, List.of()),
				part("runs", this::runsPerHour, now, List.of()),
				db ? part("usage", this.figures::usageSince, now.minus(Duration.ofDays(USAGE_DAYS)), List.of())
						: List.of());
	}

	private Database database() {
		try {
			return new Database(true, this.figures.databaseVersion(), null);
		}
		catch (RuntimeException ex) {
			return new Database(false, null, problem(ex));
		}
	}

	private Engine engine() {
		EngineStatus.Description described = this.engine.describe();
		return new Engine(described.engine(), described.version(), described.up(), described.jobExecutor(),
				described.problem());
	}

	private Keycloak keycloak() {
		Health health = this.keycloak.health();
		if (!Status.UP.equals(health.getStatus())) {
			Object error = health.getDetails().get("error");
			return new Keycloak(false, null, (error != null) ? error.toString() : "Keycloak is not reachable");
		}
		return new Keycloak(true, this.users.keycloakVersion().orElse(null), null);
	}

	private List<TenantIncidents> incidents() {
		return this.engine.openIncidentsByTenant()
			.entrySet()
			.stream()
			.map((entry) -> new TenantIncidents(entry.getKey(), entry.getValue()))
			.toList();
	}

	/** Every hour of the last {@link #RUN_HOURS}, the current one last, with its runs. */
	private List<HourlyRuns> runsPerHour(Instant now) {
		Instant first = now.truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(RUN_HOURS - 1));
		Map<Instant, Long> started = this.engine.runsStartedPerHour(first)
			.stream()
			.collect(Collectors.toMap((hour) -> hour.hour().truncatedTo(ChronoUnit.HOURS),
					EngineStatus.HourlyRuns::runs, Long::sum));
		List<HourlyRuns> hours = new ArrayList<>(RUN_HOURS);
		for (int i = 0; i < RUN_HOURS; i++) {
			Instant hour = first.plus(Duration.ofHours(i));
			hours.add(new HourlyRuns(hour, started.getOrDefault(hour, 0L)));
		}
		return hours;
	}

	private <A, T> T part(String name, Function<A, T> read, A argument, T otherwise) {
		try {
			return read.apply(argument);
		}
		catch (RuntimeException ex) {
			logger.warn("System Health could not read its {} part: {}", name, ex.getMessage());
			return otherwise;
		}
	}

	private static String problem(RuntimeException ex) {
		return (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
	}

}
