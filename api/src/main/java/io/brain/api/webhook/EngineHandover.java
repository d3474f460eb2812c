package io.brain.api.webhook;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.brain.api.automation.Automation;
import io.brain.api.automation.Automations;
import io.brain.api.message.Messages;
import io.brain.api.message.PublishMessageRequest;
import io.brain.api.run.RunService;
import io.brain.core.tenant.TenantId;
import io.brain.engine.Engine;
import io.brain.engine.EngineException;

import org.springframework.stereotype.Component;

/**
 * The dispatcher's handover through Brain's own services: a run starts only for a
 * deployed automation of the tenant, is recorded as the Runs page reads it, and a message
 * is published as the message API publishes it.
 */
@Component
class EngineHandover implements Handover {

	private final Automations automations;

	private final WebhookAgentRuns agents;

	private final RunService runs;

	private final Messages messages;

	private final Engine engine;

	EngineHandover(Automations automations, RunService runs, Messages messages, Engine engine,
			WebhookAgentRuns agents) {
		this.automations = automations;
		this.agents = agents;
		this.runs = runs;
		this.messages = messages;
		this.engine = engine;
	}

	@Override
	public List<Outcome> start(String tenant, Target target, String startedBy, List<DeliveryInput> deliveries) {
		TenantId id = new TenantId(tenant);
		String processId;
		List<RunService.BackgroundStart> starts;
		switch (target) {
			case Target.Automation(String key) -> {
				Optional<Automation> automation = this.automations.find(id, key);
				if (automation.isEmpty()) {
					return refusedAll(deliveries, "Automation '" + key + "' does not exist.");
				}
				if (automation.get().deployedVersion() == null) {
					return refusedAll(deliveries, "Automation '" + automation.get().name()
							+ "' is not deployed: deploy it, then replay this delivery.");
				}
				processId = key;
				starts = deliveries.stream()
					.map((delivery) -> new RunService.BackgroundStart(delivery.variables(), delivery.startKey()))
					.toList();
			}
			case Target.Agent(UUID agentId, UUID listenerId) -> {
				Optional<WebhookAgentRuns.AgentRun> agent = this.agents.forWebhook(id, agentId, listenerId);
				if (agent.isEmpty()) {
					return refusedAll(deliveries, "The agent this listener starts no longer exists.");
				}
				processId = agent.get().processId();
				starts = deliveries.stream()
					.map((delivery) -> new RunService.BackgroundStart(agent.get().variables(delivery.variables()),
							delivery.startKey()))
					.toList();
			}
		}
		return this.runs.startAll(id, processId, startedBy, starts).stream().map(EngineHandover::outcome).toList();
	}

	@Override
	public Outcome publish(String tenant, PublishMessageRequest message) {
		return switch (this.messages.publishFor(new TenantId(tenant), message)) {
			case Messages.Publication.Published published -> new Outcome.Published(published.message());
			case Messages.Publication.Refused refused -> new Outcome.Refused(refused.reason());
			case Messages.Publication.EngineAway away -> away(away.reason());
		};
	}

	@Override
	public Optional<String> startedRun(String tenant, DeliveryInput delivery) {
		return this.engine.startedWith(new TenantId(tenant), delivery.startKey()).map(Engine.RunStarted::runId);
	}

	@Override
	public boolean joinsTransactions() {
		return this.engine.joinsTransactions();
	}

	private static Outcome outcome(RunService.StartOutcome start) {
		return switch (start) {
			case RunService.StartOutcome.Started started -> new Outcome.Started(started.runId());
			case RunService.StartOutcome.Refused refused -> new Outcome.Refused(refused.reason());
			case RunService.StartOutcome.EngineAway away -> away(away.reason());
		};
	}

	private static Outcome away(EngineException reason) {
		return new Outcome.EngineAway(reason.getMessage(), reason.kind() == EngineException.Kind.BUSY);
	}

	private static List<Outcome> refusedAll(List<DeliveryInput> deliveries, String reason) {
		return Collections.nCopies(deliveries.size(), new Outcome.Refused(reason));
	}

}
