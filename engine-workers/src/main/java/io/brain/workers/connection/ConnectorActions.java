package io.brain.workers.connection;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import io.brain.core.tenant.TenantId;
import io.brain.engine.EngineTask;
import io.brain.workers.task.EngineTaskJob;
import io.brain.workers.audit.ConnectorAudit;
import io.brain.workers.catalog.ConnectorDefinition;
import io.brain.workers.limit.ConnectorLimits;
import io.brain.workers.outbound.BlockedAddressException;
import io.brain.workers.outbound.OutboundCallException;
import io.brain.workers.tenant.JobTenants;
import io.camunda.connector.api.error.ConnectorException;
import io.camunda.connector.api.error.ConnectorRetryException;
import io.camunda.connector.api.outbound.JobContext;

import org.springframework.stereotype.Component;

/**
 * What every connector action shares, so a connector only says what to call: the job's
 * tenant (from the deployment registry), the connection the step names (loaded for that
 * tenant), the tenant's limits, the audit row and metrics, and the mapping of refused or
 * unreachable addresses to job failures.
 */
@Component
public class ConnectorActions {

	private final JobTenants tenants;

	private final ConnectionResolver connections;

	private final ConnectorLimits limits;

	private final ConnectorAudit audit;

	private final ConnectionStatus status;

	ConnectorActions(JobTenants tenants, ConnectionResolver connections, ConnectorLimits limits, ConnectorAudit audit,
			ConnectionStatus status) {
		this.tenants = tenants;
		this.connections = connections;
		this.limits = limits;
		this.audit = audit;
		this.status = status;
	}

	/**
	 * The idempotency key of a step, for providers that take one (Stripe, Shopify, the
	 * HTTP connector's {@code Idempotency-Key}, the e-mail connector's
	 * {@code Message-ID}): the same for every try of one job, as its element instance
	 * (the open engine's task) does not change when the engine retries the step or
	 * delivers it again after its worker died, and different when the process runs the
	 * step again.
	 */
	public static String idempotencyKey(JobContext job, ConnectorDefinition connector, String action) {
		String step = "brain:" + connector.type() + ":" + action + ":"
				+ EngineTaskJob.of(job)
					.map(EngineTask::id)
					.orElse(job.getProcessDefinitionKey() + ":" + job.getProcessInstanceKey() + ":"
							+ job.getElementInstanceKey());
		return UUID.nameUUIDFromBytes(step.getBytes(StandardCharsets.UTF_8)).toString();
	}

	/**
	 * Performs an action that needs no connection, such as the generic HTTP request.
	 * @param target what it acts on, for the audit row (a host)
	 * @param call the call to the provider
	 * @param details what to keep in the audit row of a success
	 */
	public <T> T perform(JobContext job, ConnectorDefinition connector, String action, String target, Supplier<T> call,
			Function<T, Map<String, Object>> details) {
		return run(this.tenants.of(job), job, connector, action, target, call, details);
	}

	/**
	 * Performs an action on the connection a step names.
	 * @param connectionName the name the step gives
	 * @param call the call to the provider with the connection
	 * @param details what to keep in the audit row of a success
	 */
	public <T> T performOn(JobContext job, ConnectorDefinition connector, String connectionName, String action,
			Function<ResolvedConnection, T> call, Function<T, Map<String, Object>> details) {
		TenantId tenant = this.tenants.of(job);
		ResolvedConnection connection = this.connections.resolve(tenant, connectionName, connector.type(),
				connector.fields());
		return run(tenant, job, connector, action, connection.name(), () -> call(connection, call), details);
	}

	/**
	 * Performs an action on a connection given by id, as the api's built-in processes do
	 * (syncs).
	 */
	public <T> T performOn(JobContext job, ConnectorDefinition connector, UUID connectionId, String action,
			Function<ResolvedConnection, T> call, Function<T, Map<String, Object>> details) {
		TenantId tenant = this.tenants.of(job);
		ResolvedConnection connection = this.connections.resolve(tenant, connectionId, connector.type(),
				connector.fields());
		return run(tenant, job, connector, action, connection.name(), () -> call(connection, call), details);
	}

	/**
	 * Calls the provider with a connection; when the provider rejects its credentials
	 * (401), the connection is marked as needing attention.
	 */
	private <T> T call(ResolvedConnection connection, Function<ResolvedConnection, T> call) {
		try {
			return call.apply(connection);
		}
		catch (ConnectorException ex) {
			if ("401".equals(ex.getErrorCode())) {
				this.status.needsAttention(connection, ex.getMessage());
			}
			throw ex;
		}
	}

	/**
	 * Tests a connection: whatever goes wrong becomes the answer of the test, not a
	 * failed job; an address the SSRF rules refuse is a test that checked nothing.
	 * @param check asks the provider whether it accepts the connection's credentials
	 */
	public ConnectionCheck test(JobContext job, ConnectorDefinition connector, UUID connectionId,
			Function<ResolvedConnection, ConnectionCheck> check) {
		TenantId tenant = this.tenants.of(job);
		ResolvedConnection connection = this.connections.resolve(tenant, connectionId, connector.type(),
				connector.fields());
		ConnectorLimits.Permit permit = this.limits.acquire(tenant, connector.type());
		long started = System.nanoTime();
		ConnectionCheck result;
		try (permit) {
			result = check.apply(connection);
		}
		catch (BlockedAddressException ex) {
			// Refused before any call: the credentials were never checked.
			result = ConnectionCheck.notChecked(ex.getMessage());
		}
		catch (OutboundCallException | ConnectorException ex) {
			result = ConnectionCheck.failed(ex.getMessage());
		}
		this.audit.record(tenant, job, connector.type(), ConnectorDefinition.TEST_CONNECTION, connection.name(),
				result.ok(), started, result.ok() ? Map.of() : Map.of("message", result.message()));
		return result;
	}

	/**
	 * Within the tenant's limits (a refusal there is no call, so it is neither audited
	 * nor counted), calls the provider and records the outcome.
	 */
	private <T> T run(TenantId tenant, JobContext job, ConnectorDefinition connector, String action, String target,
			Supplier<T> call, Function<T, Map<String, Object>> details) {
		ConnectorLimits.Permit permit = this.limits.acquire(tenant, connector.type());
		long started = System.nanoTime();
		try (permit) {
			T result = call.get();
			this.audit.record(tenant, job, connector.type(), action, target, true, started, details.apply(result));
			return result;
		}
		catch (BlockedAddressException ex) {
			this.audit.record(tenant, job, connector.type(), action, target, false, started,
					Map.of("error", ex.getMessage()));
			// A refused address does not heal by retrying: an incident says why at once.
			throw ConnectorRetryException.builder()
				.errorCode("BLOCKED_ADDRESS")
				.message(ex.getMessage())
				.retries(0)
				.build();
		}
		catch (OutboundCallException ex) {
			this.audit.record(tenant, job, connector.type(), action, target, false, started,
					Map.of("error", ex.getMessage()));
			throw new ConnectorException("UNREACHABLE", ex.getMessage(), ex);
		}
		catch (ConnectorException ex) {
			this.audit.record(tenant, job, connector.type(), action, target, false, started,
					Map.of("error", ex.getMessage()));
			throw ex;
		}
	}

}
