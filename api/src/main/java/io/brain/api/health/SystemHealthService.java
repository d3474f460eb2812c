package io.brain.api.health;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.brain.api.health.SystemHealth.DatabaseHealth;
import io.brain.api.health.SystemHealth.EngineHealth;
import io.brain.api.health.SystemHealth.KeycloakHealth;
import io.brain.api.health.SystemHealth.RunsInHour;
import io.brain.api.health.SystemHealth.TenantIncidents;
import io.brain.api.health.SystemHealth.WebhookInbox;
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
		DatabaseHealth database = database();
		boolean db = database.up();
		WebhookInbox empty = new WebhookInbox(0, null, 0);
		return new SystemHealth(now, database, engine(), keycloak(),
				db ? part("workers", () -> this.figures.workers(ALIVE_WITHIN_SECONDS), List.of()) : List.of(),
				db ? part("inbox", this.figures::inbox, empty) : empty, part("incidents", this::incidents, List.of()),
				part("runs", () -> runsPerHour(now), List.of()),
				db ? part("usage", () -> this.figures.usageSince(now.minus(Duration.ofDays(USAGE_DAYS))), List.of())
						: List.of());
	}

	private DatabaseHealth database() {
		try {
			return new DatabaseHealth(true, this.figures.databaseVersion(), null);
		}
		catch (RuntimeException ex) {
			return new DatabaseHealth(false, null, problem(ex));
		}
	}

	private EngineHealth engine() {
		EngineStatus.Description described = this.engine.describe();
		return new EngineHealth(described.engine(), described.version(), described.up(), described.jobExecutor(),
				described.problem());
	}

	private KeycloakHealth keycloak() {
		Health health = this.keycloak.health();
		if (!Status.UP.equals(health.getStatus())) {
			Object error = health.getDetails().get("error");
			return new KeycloakHealth(false, null, (error != null) ? error.toString() : "Keycloak is not reachable");
		}
		return new KeycloakHealth(true, this.users.keycloakVersion().orElse(null), null);
	}

	private List<TenantIncidents> incidents() {
		return this.engine.openIncidentsByTenant()
			.entrySet()
			.stream()
			.map((entry) -> new TenantIncidents(entry.getKey(), entry.getValue()))
			.toList();
	}

	/** Every hour of the last {@link #RUN_HOURS}, the current one last, with its runs. */
	private List<RunsInHour> runsPerHour(Instant now) {
		Instant first = now.truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(RUN_HOURS - 1));
		Map<Instant, Long> started = this.engine.runsStartedPerHour(first)
			.stream()
			.collect(Collectors.toMap((hour) -> hour.hour().truncatedTo(ChronoUnit.HOURS),
					EngineStatus.HourlyRuns::runs, Long::sum));
		List<RunsInHour> hours = new ArrayList<>(RUN_HOURS);
		for (int i = 0; i < RUN_HOURS; i++) {
			Instant hour = first.plus(Duration.ofHours(i));
			hours.add(new RunsInHour(hour, started.getOrDefault(hour, 0L)));
		}
		return hours;
	}

	private <T> T part(String name, Supplier<T> read, T otherwise) {
		try {
			return read.get();
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
