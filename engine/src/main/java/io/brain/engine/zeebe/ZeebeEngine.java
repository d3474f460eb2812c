package io.brain.engine.zeebe;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.brain.core.deployment.DeploymentRegistry;
import io.brain.core.deployment.ProcessDeployment;
import io.brain.core.tenant.TenantId;
import io.brain.core.tenant.TenantNamespace;
import io.brain.engine.Engine;
import io.brain.engine.EngineException;
import io.brain.engine.ModelProblem;
import io.brain.engine.ModelRefusedException;
import io.brain.engine.RunHistory;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientException;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.command.PublishMessageCommandStep1.PublishMessageCommandStep3;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.response.Process;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.grpc.Status;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A Camunda 8 cluster, reached through its client. Zeebe has no tenants of its own here:
 * every name with which a model reaches beyond its run carries the tenant's namespace
 * ({@link TenantScope}, decision 2), as do the messages and signals Brain sends (decision
 * 9); a process is the tenant's when Brain's deployment registry says so, and a run when
 * the exporter's rows, or Brain's record of a run it started, say so (decision 8).
 * <p>
 * Brain's tables are read on the caller's connection, under the tenant of its
 * {@code TenantContext}, as every request and job of the application states it. Commands
 * wait for the cluster as long as the client's request timeout
 * ({@code camunda.client.request-timeout}).
 */
public final class ZeebeEngine implements Engine {

	/** Answers after which the cluster did not carry out a command, and may later. */
	private static final Set<Status.Code> TRANSIENT = Set.of(Status.Code.UNAVAILABLE, Status.Code.RESOURCE_EXHAUSTED,
			Status.Code.DEADLINE_EXCEEDED, Status.Code.ABORTED, Status.Code.CANCELLED);

	private final CamundaClient client;

	private final DeploymentRegistry registry;

	private final ZeebeRunHistory history;

	/**
	 * The engine on a cluster.
	 * @param registry where the api records what it deployed for whom
	 * @param jdbc the application's database, where the exporter writes runs
	 */
	public ZeebeEngine(CamundaClient client, DeploymentRegistry registry, JdbcClient jdbc) {
		this.client = client;
		this.registry = registry;
		this.history = new ZeebeRunHistory(jdbc);
	}

	/** The names in the model that cannot be kept inside the tenant. */
	@Override
	public List<ModelProblem> check(TenantId tenant, String bpmnXml) {
		try {
			return problems(Bpmn.readModelFromStream(stream(bpmnXml)));
		}
		catch (RuntimeException ex) {
			return List.of(notValid(ex));
		}
	}

	/**
	 * Deploys the model with its names in the tenant's namespace. Zeebe keeps no
	 * deployer: the registry the caller writes does.
	 */
	@Override
	public Deployed deploy(TenantId tenant, String resourceName, String bpmnXml, String deployedBy) {
		BpmnModelInstance model;
		try {
			model = Bpmn.readModelFromStream(stream(bpmnXml));
			Bpmn.validateModel(model);
		}
		catch (RuntimeException ex) {
			throw new ModelRefusedException(List.of(notValid(ex)));
		}
		if (model.getModelElementsByType(io.camunda.zeebe.model.bpmn.instance.Process.class)
			.stream()
			.noneMatch(io.camunda.zeebe.model.bpmn.instance.Process::isExecutable)) {
			throw new ModelRefusedException(
					List.of(new ModelProblem(null, "The BPMN has no executable process (isExecutable=\"true\").")));
		}
		List<ModelProblem> problems = problems(model);
		if (!problems.isEmpty()) {
			throw new ModelRefusedException(problems);
		}
		TenantScope.confine(tenant, model);
		DeploymentEvent event;
		try {
			event = this.client.newDeployResourceCommand().addProcessModel(model, resourceName).send().join();
		}
		catch (ClientException ex) {
			if (ex instanceof ClientStatusException status && status.getStatusCode() == Status.Code.INVALID_ARGUMENT) {
				throw new ModelRefusedException(List.of(new ModelProblem(null,
						"Zeebe rejected the BPMN: " + withoutNamespace(tenant, status.getStatus().getDescription()))));
			}
			throw failure("the deployment", ex);
		}
		List<Definition> processes = new ArrayList<>();
		for (Process process : event.getProcesses()) {
			processes.add(new Definition(String.valueOf(process.getProcessDefinitionKey()),
					withoutNamespace(tenant, process.getBpmnProcessId()), process.getBpmnProcessId(),
					process.getVersion()));
		}
		return new Deployed(String.valueOf(event.getKey()), processes);
	}

	/**
	 * Creates an instance of the tenant's latest definition in the registry. Zeebe keeps
	 * no business key: the start key becomes the run's variable
	 * {@value ZeebeRunHistory#START_KEY}, which the exporter records and the run's page
	 * leaves out.
	 */
	@Override
	public RunStarted start(TenantId tenant, String processId, Map<String, Object> variables, String startKey) {
		ProcessDeployment deployment = this.registry.latest(tenant, processId)
			.orElseThrow(() -> new EngineException(EngineException.Kind.NOT_FOUND,
					"No process '" + processId + "' is deployed for the tenant."));
		long definition = ZeebeRunHistory.key(deployment.definitionId())
			.orElseThrow(() -> unknownProcess(processId, null));
		ProcessInstanceEvent instance;
		try {
			Map<String, Object> carried = variables;
			if (startKey != null) {
				carried = new LinkedHashMap<>(variables);
				carried.put(ZeebeRunHistory.START_KEY, startKey);
			}
			instance = this.client.newCreateInstanceCommand()
				.processDefinitionKey(definition)
				.variables(carried)
				.send()
				.join();
		}
		catch (ClientException ex) {
			if (is(ex, Status.Code.NOT_FOUND)) {
				throw unknownProcess(processId, ex);
			}
			if (is(ex, Status.Code.INVALID_ARGUMENT)) {
				throw new EngineException(EngineException.Kind.REFUSED,
						"The engine refused the variables: " + withoutNamespace(tenant, ex.getMessage()), ex);
			}
			throw failure("the start", ex);
		}
		return new RunStarted(String.valueOf(instance.getProcessInstanceKey()), deployment.definitionId());
	}

	/**
	 * The run the exporter recorded with the start key; the exporter writes a started run
	 * within moments, so a caller waits a little after an unanswered start before it
	 * asks.
	 */
	@Override
	public Optional<RunStarted> startedWith(TenantId tenant, String startKey) {
		return this.history.startedWith(tenant, startKey);
	}

	/** Camunda 8 takes each command on its own, apart from Brain's database. */
	@Override
	public boolean joinsTransactions() {
		return false;
	}

	/**
	 * Publishes the message under the tenant's name for it. Zeebe does not say whether a
	 * run took it at once; it keeps the message for its time to live either way (a run of
	 * another process may still take it), so a message is answered as buffered while it
	 * has a time to live and never as delivered. Another message with the same name and
	 * id is refused while one is kept.
	 */
	@Override
	public MessagePublished publish(TenantId tenant, Message message) {
		PublishMessageCommandStep3 command = this.client.newPublishMessageCommand()
			.messageName(TenantNamespace.engineId(tenant, message.name()))
			.correlationKey(message.correlationKey())
			.timeToLive(message.timeToLive())
			.variables(message.variables());
		if (message.messageId().isPresent()) {
			command = command.messageId(message.messageId().get());
		}
		try {
			long key = command.send().join().getMessageKey();
			return new MessagePublished(false, !message.timeToLive().isZero(), false, String.valueOf(key));
		}
		catch (ClientException ex) {
			if (is(ex, Status.Code.ALREADY_EXISTS)) {
				return new MessagePublished(false, false, true, null);
			}
			if (is(ex, Status.Code.INVALID_ARGUMENT)) {
				throw new EngineException(EngineException.Kind.REFUSED,
						"The engine refused the message: " + withoutNamespace(tenant, ex.getMessage()), ex);
			}
			throw failure("the message", ex);
		}
	}

	@Override
	public void broadcast(TenantId tenant, String signalName, Map<String, Object> variables) {
		try {
			this.client.newBroadcastSignalCommand()
				.signalName(TenantNamespace.engineId(tenant, signalName))
				.variables(variables)
				.send()
				.join();
		}
		catch (ClientException ex) {
			throw failure("the signal", ex);
		}
	}

	@Override
	public boolean cancel(TenantId tenant, String runId) {
		Optional<RunHistory.Summary> run = this.history.summary(tenant, runId);
		if (run.isEmpty() || run.get().state() == RunHistory.State.COMPLETED
				|| run.get().state() == RunHistory.State.CANCELLED) {
			return false;
		}
		try {
			this.client.newCancelInstanceCommand(Long.parseLong(runId)).send().join();
			return true;
		}
		catch (ClientException ex) {
			if (is(ex, Status.Code.NOT_FOUND)) {
				// Ended since the exporter wrote it.
				return false;
			}
			throw failure("the cancellation", ex);
		}
	}

	/**
	 * Gives the job of each open incident the exporter wrote for the run new retries, and
	 * resolves the incident, so the engine tries the step again.
	 */
	@Override
	public int retry(TenantId tenant, String runId, int retries) {
		int retried = 0;
		for (RunHistory.Incident incident : this.history.incidents(tenant, runId)) {
			if (!incident.open()) {
				continue;
			}
			try {
				if (incident.taskId() != null) {
					this.client.newUpdateRetriesCommand(Long.parseLong(incident.taskId()))
						.retries(retries)
						.send()
						.join();
				}
				this.client.newResolveIncidentCommand(Long.parseLong(incident.id())).send().join();
				retried++;
			}
			catch (ClientException ex) {
				// Resolved since the exporter wrote it: nothing left to do for this one.
				if (!is(ex, Status.Code.NOT_FOUND)) {
					throw failure("the retry", ex);
				}
			}
		}
		return retried;
	}

	/** The runs on this cluster, as Brain's exporter wrote them. */
	public RunHistory history() {
		return this.history;
	}

	private static List<ModelProblem> problems(BpmnModelInstance model) {
		return TenantScope.problems(model)
			.entrySet()
			.stream()
			.map((problem) -> new ModelProblem(problem.getKey(), problem.getValue()))
			.toList();
	}

	private static ModelProblem notValid(RuntimeException ex) {
		return new ModelProblem(null,
				"The BPMN is not valid: " + NestedExceptionUtils.getMostSpecificCause(ex).getMessage());
	}

	private static EngineException unknownProcess(String processId, ClientException cause) {
		return new EngineException(EngineException.Kind.NOT_FOUND,
				"The engine does not know process '" + processId + "' (its data was reset?): deploy it again.", cause);
	}

	/**
	 * What a failed command means: {@code BUSY} under back-pressure, {@code UNAVAILABLE}
	 * when the cluster did not take it now (unreachable, no answer in time) and may
	 * later, {@code REFUSED} otherwise.
	 * @param command what was asked, such as "the start"
	 */
	private static EngineException failure(String command, ClientException ex) {
		if (!(ex instanceof ClientStatusException status)) {
			// No status: the request did not reach the gateway (connection, channel).
			return new EngineException(EngineException.Kind.UNAVAILABLE, "Zeebe is unreachable: " + cause(ex), ex);
		}
		if (status.getStatusCode() == Status.Code.RESOURCE_EXHAUSTED) {
			return new EngineException(EngineException.Kind.BUSY,
					"Zeebe is busy and could not take " + command + " now: " + cause(ex), ex);
		}
		if (TRANSIENT.contains(status.getStatusCode())) {
			return new EngineException(EngineException.Kind.UNAVAILABLE,
					"Zeebe could not take " + command + " now (" + status.getStatusCode() + "): " + cause(ex), ex);
		}
		return new EngineException(EngineException.Kind.REFUSED,
				"The engine did not accept " + command + " (" + status.getStatusCode() + "): " + cause(ex), ex);
	}

	private static boolean is(ClientException ex, Status.Code code) {
		return ex instanceof ClientStatusException status && status.getStatusCode() == code;
	}

	private static String cause(Throwable failure) {
		Throwable cause = (failure.getCause() != null) ? failure.getCause() : failure;
		return (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getSimpleName();
	}

	private static String withoutNamespace(TenantId tenant, String text) {
		return (text != null) ? text.replace(TenantNamespace.engineId(tenant, ""), "") : "";
	}

	private static ByteArrayInputStream stream(String bpmnXml) {
		return new ByteArrayInputStream(bpmnXml.getBytes(StandardCharsets.UTF_8));
	}

}
