package io.brain.engine;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.brain.core.tenant.TenantId;

/**
 * What Brain needs from a workflow engine, in Brain's words: deploy a tenant's
 * automation, start and steer its runs, deliver messages and signals inside the tenant.
 * Nothing outside an adapter imports an engine's own API.
 * <p>
 * Models are authored once, as Camunda 8 BPMN with {@code zeebe:} extensions and FEEL; an
 * adapter translates what it must and refuses, with a problem on the element, what it
 * cannot carry.
 */
public interface Engine {

	/**
	 * What this engine cannot carry in a tenant's model, each on its element; empty when
	 * it can run it. Checked when a version is saved, before anything is deployed.
	 */
	List<ModelProblem> check(TenantId tenant, String bpmnXml);

	/**
	 * Deploys a tenant's BPMN: every process in it belongs to the tenant and can reach
	 * only the tenant's processes, messages and signals.
	 * @param deployedBy who deploys it, as the deployment records it
	 * @throws ModelRefusedException when the model cannot run on this engine
	 */
	Deployed deploy(TenantId tenant, String resourceName, String bpmnXml, String deployedBy);

	/**
	 * Starts a run of the tenant's latest version of a process. On an engine that
	 * {@link #joinsTransactions() joins transactions}, the run exists once the caller's
	 * transaction commits, and not at all should it roll back.
	 * @param startKey what started the run (a webhook delivery, a schedule's fire, a
	 * caller's idempotency key), unique in the tenant, or null: the run carries it, so
	 * {@link #startedWith} finds it
	 * @throws EngineException {@code NOT_FOUND} when the tenant has no such process,
	 * {@code UNAVAILABLE} when the engine cannot take it now
	 */
	RunStarted start(TenantId tenant, String processId, Map<String, Object> variables, String startKey);

	/**
	 * The run started with a start key, if the engine has it: how a caller whose start
	 * ended without an answer (a crash, a timeout) finds out whether the run exists
	 * before it starts it again, on an engine that does not join its transaction. An
	 * engine that records runs apart from starting them (Camunda 8, through its exporter)
	 * may answer only after a short lag.
	 */
	Optional<RunStarted> startedWith(TenantId tenant, String startKey);

	/**
	 * Whether the engine's starts and messages join the caller's transaction (the open
	 * engine, on Brain's database): they then commit or roll back with what the caller
	 * writes, and a crash at any instant leaves both or neither. A remote engine (Camunda
	 * 8) takes each on its own.
	 */
	boolean joinsTransactions();

	/**
	 * Publishes a message inside a tenant: it resumes the run waiting for it with that
	 * correlation key, or, when none waits yet, is kept for its time to live and
	 * delivered to the first that does. A message id already published is not published
	 * again.
	 */
	MessagePublished publish(TenantId tenant, Message message);

	/** Broadcasts a signal to the tenant's runs and processes waiting for it. */
	void broadcast(TenantId tenant, String signalName, Map<String, Object> variables);

	/**
	 * Cancels a run of the tenant.
	 * @return whether the run was active (and is now cancelled)
	 */
	boolean cancel(TenantId tenant, String runId);

	/**
	 * Gives each failed step of a run new retries and resolves its incident.
	 * @return how many steps were retried
	 */
	int retry(TenantId tenant, String runId, int retries);

	/** Deployed processes. @param processes the deployed definitions, one per process */
	record Deployed(String deploymentId, List<Definition> processes) {
	}

	/**
	 * One deployed process definition.
	 *
	 * @param definitionId the engine's id of the definition
	 * @param processId the process id as the tenant wrote it
	 * @param engineProcessId the process id inside the engine (namespaced where the
	 * engine has no tenants of its own)
	 * @param version the engine's version of it
	 */
	record Definition(String definitionId, String processId, String engineProcessId, int version) {
	}

	/** A started run. */
	record RunStarted(String runId, String definitionId) {
	}

	/**
	 * A message to publish.
	 *
	 * @param name the message's name as the model writes it
	 * @param correlationKey the value the waiting run's correlation key must equal
	 * @param variables what it hands to the run
	 * @param timeToLive how long it waits for a run when none waits yet; zero for not at
	 * all
	 * @param messageId an id that makes publishing idempotent, if given
	 */
	record Message(String name, String correlationKey, Map<String, Object> variables, Duration timeToLive,
			Optional<String> messageId) {
	}

	/**
	 * What became of a published message.
	 *
	 * @param delivered whether a run received it at once
	 * @param buffered whether it waits for a run for its time to live
	 * @param duplicate whether a message with its id had been published already
	 * @param messageKey the engine's id of the message, where it names one (Camunda 8
	 * names every message, the open engine those it keeps); null otherwise
	 */
	record MessagePublished(boolean delivered, boolean buffered, boolean duplicate, String messageKey) {
	}

}
