package io.brain.api.health;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The platform at a glance, for platform admins: each component's state and version, the
 * webhook inbox, open incidents by tenant, runs per hour and each tenant's usage. Read
 * from the api itself, so it answers without Grafana.
 *
 * @param checkedAt when these figures were read
 * @param database Brain's PostgreSQL
 * @param engine the workflow engine
 * @param keycloak the identity provider
 * @param workers the worker processes that reported lately, alive or not
 * @param inbox webhook deliveries received and not dispatched yet
 * @param openIncidents open incidents by tenant, tenants without any left out
 * @param runsPerHour runs started in each of the last
 * {@value SystemHealthService#RUN_HOURS} hours, oldest first, hours without runs included
 * @param usage what each tenant used in the last {@value SystemHealthService#USAGE_DAYS}
 * days, tenants that used nothing left out
 */
public record SystemHealth(Instant checkedAt, DatabaseHealth database, EngineHealth engine, KeycloakHealth keycloak,
		List<WorkerProcess> workers, WebhookInbox inbox, List<TenantIncidents> openIncidents,
		List<RunsInHour> runsPerHour, List<TenantUsage> usage) {

	/**
	 * PostgreSQL.
	 *
	 * @param up whether it answered just now
	 * @param version the server's version, e.g. {@code 17.6}
	 * @param problem why it is not up, when it is not
	 */
	public record DatabaseHealth(boolean up, @Schema(nullable = true) String version,
			@Schema(nullable = true) String problem) {
	}

	/**
	 * The workflow engine.
	 *
	 * @param name which engine, e.g. {@code Operaton}
	 * @param jobExecutor whether the api's node works the engine's timers and jobs; null
	 * where the engine has none in the api
	 */
	public record EngineHealth(String name, @Schema(nullable = true) String version, boolean up,
			@Schema(nullable = true) Boolean jobExecutor, @Schema(nullable = true) String problem) {
	}

	/**
	 * Keycloak.
	 *
	 * @param up whether Brain's realm answered just now
	 * @param version the server's version, when Keycloak tells it to Brain's admin client
	 */
	public record KeycloakHealth(boolean up, @Schema(nullable = true) String version,
			@Schema(nullable = true) String problem) {
	}

	/**
	 * One worker process.
	 *
	 * @param id its id, the one it fetches tasks under
	 * @param version the version it runs, when its jar names one
	 * @param lastSeenAt its last heartbeat
	 * @param secondsSinceSeen how long ago that was
	 * @param alive whether its last heartbeat is at most
	 * {@value SystemHealthService#ALIVE_WITHIN_SECONDS} s old
	 */
	public record WorkerProcess(String id, String host, @Schema(nullable = true) String version, Instant startedAt,
			Instant lastSeenAt, long secondsSinceSeen, boolean alive) {
	}

	/**
	 * The webhook inbox.
	 *
	 * @param depth deliveries received and not dispatched yet
	 * @param oldestReceivedAt when the oldest of them came in
	 * @param lagSeconds how long the oldest has waited; 0 when none waits
	 */
	public record WebhookInbox(long depth, @Schema(nullable = true) Instant oldestReceivedAt, long lagSeconds) {
	}

	/** A tenant's open incidents. */
	public record TenantIncidents(String tenantId, long openIncidents) {
	}

	/** The runs started in the hour beginning at {@code hour}. */
	public record RunsInHour(Instant hour, long runs) {
	}

	/**
	 * What a tenant used.
	 *
	 * @param connectorCalls connector actions the workers performed for it
	 * @param inputTokens language-model tokens its agents sent
	 * @param outputTokens language-model tokens its agents received
	 */
	public record TenantUsage(String tenantId, long connectorCalls, long inputTokens, long outputTokens) {
	}

}
