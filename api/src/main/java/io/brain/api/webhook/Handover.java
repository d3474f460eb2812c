package io.brain.api.webhook;

import java.util.List;
import java.util.Optional;

import io.brain.api.message.PublishMessageRequest;
import io.brain.api.message.PublishedMessage;

/**
 * What the dispatcher asks of the engine for a tenant's deliveries, in the dispatcher's
 * words: start their runs, publish their messages. It answers with typed outcomes; the
 * dispatcher decides from them what becomes of each delivery.
 */
interface Handover {

	/**
	 * Starts one run per delivery, all of one listener's automation or agent; on an
	 * engine that {@link #joinsTransactions() joins transactions}, in the caller's
	 * transaction.
	 * @param startedBy who the Runs page says started them
	 * @return one outcome per delivery, in their order
	 */
	List<Outcome> start(String tenant, Target target, String startedBy, List<DeliveryInput> deliveries);

	/** Publishes a delivery's message. */
	Outcome publish(String tenant, PublishMessageRequest message);

	/**
	 * The run an earlier start of the delivery created, if the engine has it: for an
	 * engine that does not join transactions, whose answer to that start was lost.
	 */
	Optional<String> startedRun(String tenant, DeliveryInput delivery);

	/**
	 * Whether starts and messages commit or roll back with the caller's transaction.
	 */
	boolean joinsTransactions();

	/** What a listener's deliveries start. */
	sealed interface Target {

		/** Runs of an automation, with the delivery as their input. */
		record Automation(String key) implements Target {
		}

		/**
		 * Runs of an agent, with the delivery's event in their prompt, in the listener's
		 * session of the agent.
		 */
		record Agent(java.util.UUID agentId, java.util.UUID listenerId) implements Target {
		}

	}

	/** What the engine made of a delivery. */
	sealed interface Outcome {

		/** Its run started. */
		record Started(String runId) implements Outcome {
		}

		/** Its message was published (or had been, under its id). */
		record Published(PublishedMessage message) implements Outcome {
		}

		/** It cannot go as it is: why, for the Deliveries page; replayed once fixed. */
		record Refused(String reason) implements Outcome {
		}

		/**
		 * The engine cannot take it now: unreachable, or answering with back-pressure
		 * ({@code busy}).
		 */
		record EngineAway(String reason, boolean busy) implements Outcome {
		}

	}

}
