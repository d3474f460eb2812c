package io.brain.api.webhook;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.brain.core.tenant.TenantId;

/**
 * Runs of an agent that webhooks start. The agents feature implements it, so the
 * dispatcher starts agents without knowing them.
 */
public interface WebhookAgentRuns {

	/**
	 * How a listener's deliveries start runs of an agent of the tenant.
	 * @param listenerId the listener: its runs share a session of the agent, so each sees
	 * what the ones before did
	 * @return empty when the tenant has no such agent
	 */
	Optional<AgentRun> forWebhook(TenantId tenant, UUID agentId, UUID listenerId);

	/** The name of an agent of the tenant, empty when it has none with the id. */
	Optional<String> agentName(TenantId tenant, UUID agentId);

	/** The agent's process and the variables of its runs. */
	interface AgentRun {

		/** The process the agent's runs are. */
		String processId();

		/**
		 * The variables of a run that answers one delivery: the agent's settings version
		 * and session, and its task with the delivery's event as data, besides the
		 * delivery's own variables.
		 * @param delivery the delivery's variables ({@code webhook})
		 */
		Map<String, Object> variables(Map<String, Object> delivery);

	}

}
