package io.brain.workers.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.brain.workers.catalog.ConnectorDefinition;
import io.brain.workers.connection.ConnectorActions;
import io.brain.workers.connection.ResolvedConnection;
import io.camunda.connector.api.error.ConnectorInputException;
import io.camunda.connector.api.outbound.JobContext;

import org.springframework.stereotype.Component;

/**
 * Runs a connector's sync operation: checks the resource, decides between a full read and
 * a read of changes, has the connector fetch, and stores the records for the tenant. A
 * connector only says how to fetch.
 */
@Component
public class Syncs {

	/**
	 * A read of changes cannot see deletions: at least this often a sync reads everything
	 * so records the provider removed disappear from Brain too.
	 */
	static final Duration FULL_READ_EVERY = Duration.ofHours(24);

	/** Changes are asked for from a little before the last sync, for clock skew. */
	static final Duration OVERLAP = Duration.ofMinutes(2);

	private final ConnectorActions actions;

	private final SyncedRecords records;

	private final Clock clock;

	Syncs(ConnectorActions actions, SyncedRecords records) {
		this.actions = actions;
		this.records = records;
		this.clock = Clock.systemUTC();
	}

	/**
	 * Syncs one resource of a connection.
	 * @param job the job
	 * @param connector the connector type
	 * @param request the step's input
	 * @param fetcher fetches the resource's records
	 * @return the counts of the sync
	 */
	public SyncResult run(JobContext job, ConnectorDefinition connector, SyncRequest request, Fetcher fetcher) {
		if (!connector.syncResources().contains(request.resource())) {
			throw new ConnectorInputException("resource must be one of " + connector.syncResources());
		}
		String action = "sync-" + request.resource();
		if (request.connectionId() != null) {
			return this.actions.performOn(job, connector, request.connectionId(), action,
					(connection) -> sync(connection, request, fetcher), Syncs::details);
		}
		if (request.connection() == null || request.connection().isBlank()) {
			throw new ConnectorInputException("connection is required: the name of the connection to sync");
		}
		return this.actions.performOn(job, connector, request.connection(), action,
				(connection) -> sync(connection, request, fetcher), Syncs::details);
	}

	/**
	 * Reads one resource of a connection at the provider, without storing what it finds:
	 * the records as the sync would store them, at most as many as asked.
	 * @param job the job
	 * @param connector the connector type
	 * @param request the step's input
	 * @param fetcher fetches the resource's records
	 * @return the records read
	 */
	public ReadResult read(JobContext job, ConnectorDefinition connector, ReadRequest request, Fetcher fetcher) {
		if (!connector.syncResources().contains(request.resource())) {
			throw new ConnectorInputException("resource must be one of " + connector.syncResources());
		}
		String action = "read-" + request.resource();
		if (request.connectionId() != null) {
			return this.actions.performOn(job, connector, request.connectionId(), action,
					(connection) -> read(connection, request, fetcher), Syncs::details);
		}
		if (request.connection() == null || request.connection().isBlank()) {
			throw new ConnectorInputException("connection is required: the name of the connection to read");
		}
		return this.actions.performOn(job, connector, request.connection(), action,
				(connection) -> read(connection, request, fetcher), Syncs::details);
	}

	private static ReadResult read(ResolvedConnection connection, ReadRequest request, Fetcher fetcher) {
		List<SyncedRecord> records = fetcher.fetch(connection, request.resource(), null).records();
		return new ReadResult(request.resource(), records.subList(0, Math.min(request.atMost(), records.size())),
				records.size());
	}

	private SyncResult sync(ResolvedConnection connection, SyncRequest request, Fetcher fetcher) {
		Instant startedAt = this.clock.instant();
		Instant changedSince = request.readEverything() ? null
				: this.records.state(connection.tenant(), connection.id(), request.resource())
					.filter((state) -> state.lastFullAt().isAfter(startedAt.minus(FULL_READ_EVERY)))
					.map((state) -> state.lastSyncedAt().minus(OVERLAP))
					.orElse(null);
		Fetched fetched = fetcher.fetch(connection, request.resource(), changedSince);
		return this.records.store(connection.tenant(), connection.id(), request.resource(), fetched, startedAt);
	}

	private static Map<String, Object> details(ReadResult result) {
		return Map.of("read", result.records().size(), "total", result.total());
	}

	private static Map<String, Object> details(SyncResult result) {
		return Map.of("fetched", result.fetched(), "created", result.created(), "removed", result.removed());
	}

	/** How a connector fetches one resource. */
	@FunctionalInterface
	public interface Fetcher {

		/**
		 * Fetches a resource's records.
		 * @param connection the connection
		 * @param resource one of the type's sync resources
		 * @param changedSince when set, only records changed since then are needed; a
		 * provider that cannot filter by change answers everything, as
		 * {@link Fetched#all}
		 * @return the records
		 */
		Fetched fetch(ResolvedConnection connection, String resource, Instant changedSince);

	}

}
