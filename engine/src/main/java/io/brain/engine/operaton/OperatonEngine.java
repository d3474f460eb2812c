package io.brain.engine.operaton;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.brain.core.tenant.TenantId;
import io.brain.engine.Engine;
import io.brain.engine.EngineException;
import io.brain.engine.EngineStatus;
import io.brain.engine.EngineTask;
import io.brain.engine.ModelProblem;
import io.brain.engine.ModelRefusedException;
import io.brain.engine.RunHistory;
import io.brain.engine.TaskSource;
import org.operaton.bpm.engine.MismatchingMessageCorrelationException;
import org.operaton.bpm.engine.OptimisticLockingException;
import org.operaton.bpm.engine.ParseException;
import org.operaton.bpm.engine.ProcessEngineException;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.ProcessEngineConfiguration;
import org.operaton.bpm.engine.externaltask.ExternalTask;
import org.operaton.bpm.engine.externaltask.ExternalTaskQueryBuilder;
import org.operaton.bpm.engine.externaltask.LockedExternalTask;
import org.operaton.bpm.engine.impl.bpmn.helper.ErrorDeclarationForProcessInstanceFinder;
import org.operaton.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.operaton.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.operaton.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.operaton.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.operaton.bpm.engine.impl.persistence.entity.ExternalTaskEntity;
import org.operaton.bpm.engine.impl.tree.ActivityExecutionHierarchyWalker;
import org.operaton.bpm.engine.repository.DeploymentWithDefinitions;
import org.operaton.bpm.engine.repository.ProcessDefinition;
import org.operaton.bpm.engine.runtime.Execution;
import org.operaton.bpm.engine.runtime.MessageCorrelationResult;
import org.operaton.bpm.engine.runtime.ProcessInstance;
import org.operaton.bpm.engine.spring.SpringTransactionsProcessEngineConfiguration;
import org.operaton.bpm.model.bpmn.BpmnModelInstance;
import org.operaton.bpm.model.bpmn.instance.BaseElement;
import org.operaton.bpm.model.bpmn.instance.operaton.OperatonProperties;
import org.operaton.bpm.model.xml.instance.ModelElementInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The open engine: Operaton embedded in the process that creates it, its tables in
 * Brain's PostgreSQL. Every deployment carries its tenant's id and every call runs with
 * the engine's tenant check on for that tenant only, so a run, message or signal of one
 * tenant never meets another's.
 */
public final class OperatonEngine implements Engine, TaskSource, AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(OperatonEngine.class);

	private static final Pattern EXPRESSION_LANGUAGE = Pattern.compile("[$#]\\{");

	private final ProcessEngine engine;

	private final OperatonSettings settings;

	private final MessageBuffer messages;

	private final ScheduledExecutorService keptMessages;

	/** The engine's metrics, or {@code null}. */
	private final EngineMeters meters;

	/**
	 * A savepoint in the caller's transaction (a transaction of its own without one): a
	 * command the engine refuses undoes only what it did, and the caller's transaction
	 * goes on.
	 */
	private final TransactionTemplate savepoint;

	private OperatonEngine(ProcessEngine engine, OperatonSettings settings, MessageBuffer messages,
			PlatformTransactionManager transactions, EngineMeters meters) {
		this.engine = engine;
		this.meters = meters;
		this.settings = settings;
		this.messages = messages;
		this.savepoint = new TransactionTemplate(transactions);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
		this.keptMessages = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("brain-engine-messages").daemon().factory());
		this.keptMessages.scheduleWithFixedDelay(this::deliverKeptMessagesLogged, 250, 250, TimeUnit.MILLISECONDS);
	}

	/**
	 * Builds the engine on a database whose Operaton tables exist
	 * ({@link OperatonSchema}), each of its commands in a transaction of its own.
	 */
	public static OperatonEngine start(DataSource dataSource, OperatonSettings settings) {
		return start(dataSource, new DataSourceTransactionManager(dataSource), settings);
	}

	/**
	 * Builds the engine on a database whose Operaton tables exist
	 * ({@link OperatonSchema}): a command called within a transaction of
	 * {@code transactions} joins it, so a run started or a message published commits or
	 * rolls back with what the caller writes in the same transaction (a webhook delivery
	 * marked dispatched); a command called outside one runs in a transaction of its own.
	 * @param transactions the transaction manager of {@code dataSource}
	 */
	public static OperatonEngine start(DataSource dataSource, PlatformTransactionManager transactions,
			OperatonSettings settings) {
		return start(dataSource, transactions, settings, null);
	}

	/**
	 * Builds the engine as
	 * {@link #start(DataSource, PlatformTransactionManager, OperatonSettings)} does, its
	 * runs, incidents and jobs counted on {@code meters}.
	 * @param meters the engine's metrics, or {@code null} for none
	 */
	public static OperatonEngine start(DataSource dataSource, PlatformTransactionManager transactions,
			OperatonSettings settings, EngineMeters meters) {
		SpringTransactionsProcessEngineConfiguration configuration = new SpringTransactionsProcessEngineConfiguration();
		configuration.setProcessEngineName("brain-" + System.identityHashCode(dataSource));
		configuration.setDataSource(dataSource);
		configuration.setTransactionManager(transactions);
		configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE);
		configuration.setCustomHistoryLevels(List.of(new BrainHistoryLevel()));
		configuration.setCustomPreBPMNParseListeners(List.of(new ComputedVariables()));
		// Brain deploys no decisions; its FEEL runs as scripts on the one FEEL engine of
		// the class path (shared with the connector runtime), not through Operaton's DMN
		// binding to the shaded copy it ships.
		configuration.setDmnFeelEnableLegacyBehavior(true);
		configuration.setHistory(settings.history());
		configuration.setHistoryTimeToLive(settings.historyTimeToLive());
		configuration.setTenantCheckEnabled(true);
		configuration.setJobExecutorActivate(settings.jobExecutor());
		DefaultJobExecutor jobs = new DefaultJobExecutor();
		jobs.setLockTimeInMillis((int) settings.jobLock().toMillis());
		configuration.setJobExecutor(jobs);
		configuration.setIdGenerator(new StrongUuidGenerator());
		// A command's exception reaches its caller, who answers or logs it; the engine
		// would log each again as an error with its stack trace (a message no run waits
		// for yet, say, which Brain keeps for its time to live). Failed jobs are still
		// logged.
		configuration.setEnableCmdExceptionLogging(false);
		// The engine's own counters (jobs acquired, executed, failed) live in memory and
		// are read by EngineMeters; they are never written to its tables.
		configuration.setMetricsEnabled(meters != null);
		configuration.setDbMetricsReporterActivate(false);
		configuration.setTaskMetricsEnabled(false);
		if (meters != null) {
			configuration.setCustomHistoryEventHandlers(List.of(meters));
		}
		configuration.setEnforceHistoryTimeToLive(true);
		configuration.setJavaSerializationFormatEnabled(false);
		configuration.setDefaultSerializationFormat(JsonVariables.FORMAT);
		ObjectMapper json = new ObjectMapper();
		configuration.setCustomPreVariableSerializers(List.of(new JsonVariables(json)));
		ProcessEngine engine = configuration.buildProcessEngine();
		configuration.getScriptingEngines().addScriptEngineFactory(new FeelScripts());
		if (meters != null) {
			meters.bindTo(configuration.getMetricsRegistry(), dataSource, settings.jobExecutor());
		}
		return new OperatonEngine(engine, settings, new MessageBuffer(dataSource, json), transactions, meters);
	}

	@Override
	public List<ModelProblem> check(TenantId tenant, String bpmnXml) {
		List<ModelProblem> problems = new ArrayList<>(expressionLanguageProblems(bpmnXml));
		problems.addAll(ZeebeToOperaton.translate(bpmnXml, this.settings.historyTimeToLive()).problems());
		return problems;
	}

	@Override
	public Deployed deploy(TenantId tenant, String resourceName, String bpmnXml, String deployedBy) {
		List<ModelProblem> refused = new ArrayList<>(expressionLanguageProblems(bpmnXml));
		ZeebeToOperaton.Translation translation = ZeebeToOperaton.translate(bpmnXml, this.settings.historyTimeToLive());
		refused.addAll(translation.problems());
		if (!refused.isEmpty()) {
			throw new ModelRefusedException(refused);
		}
		String name = resourceName.endsWith(".bpmn") ? resourceName : resourceName + ".bpmn";
		DeploymentWithDefinitions deployment;
		try {
			deployment = asTenant(tenant,
					() -> this.engine.getRepositoryService()
						.createDeployment()
						.tenantId(tenant.value())
						.name(name)
						.source(deployedBy)
						.addString(name, translation.bpmnXml())
						.deployWithResult());
		}
		catch (ParseException ex) {
			List<ModelProblem> problems = new ArrayList<>();
			ex.getResourceReports()
				.forEach((report) -> report.getErrors()
					.forEach((error) -> problems.add(new ModelProblem(error.getMainElementId(),
							"The open engine refused the model: " + error.getMessage()))));
			throw new ModelRefusedException(problems.isEmpty()
					? List.of(new ModelProblem(null, "The open engine refused the model: " + ex.getMessage()))
					: problems);
		}
		List<Definition> processes = new ArrayList<>();
		for (ProcessDefinition definition : deployment.getDeployedProcessDefinitions()) {
			processes.add(new Definition(definition.getId(), definition.getKey(), definition.getKey(),
					definition.getVersion()));
		}
		return new Deployed(deployment.getId(), processes);
	}

	@Override
	public RunStarted start(TenantId tenant, String processId, Map<String, Object> variables, String startKey) {
		ProcessInstance instance = asTenant(tenant, () -> {
			long deployed = this.engine.getRepositoryService()
				.createProcessDefinitionQuery()
				.processDefinitionKey(processId)
				.tenantIdIn(tenant.value())
				.count();
			if (deployed == 0) {
				throw new EngineException(EngineException.Kind.NOT_FOUND,
						"No process '" + processId + "' is deployed for the tenant.");
			}
			try {
				return command(() -> this.engine.getRuntimeService()
					.createProcessInstanceByKey(processId)
					.processDefinitionTenantId(tenant.value())
					.businessKey(startKey)
					.setVariables(variables)
					.execute());
			}
			catch (ProcessEngineException ex) {
				throw new EngineException(EngineException.Kind.REFUSED, "The run could not start: " + ex.getMessage(),
						ex);
			}
		});
		return new RunStarted(instance.getId(), instance.getProcessDefinitionId());
	}

	/** The run whose business key is the start key. */
	@Override
	public Optional<RunStarted> startedWith(TenantId tenant, String startKey) {
		return asTenant(tenant,
				() -> this.engine.getHistoryService()
					.createHistoricProcessInstanceQuery()
					.processInstanceBusinessKey(startKey)
					.tenantIdIn(tenant.value())
					.orderByProcessInstanceStartTime()
					.asc()
					.listPage(0, 1)
					.stream()
					.findFirst()
					.map((run) -> new RunStarted(run.getId(), run.getProcessDefinitionId())));
	}

	@Override
	public boolean joinsTransactions() {
		return true;
	}

	@Override
	public MessagePublished publish(TenantId tenant, Message message) {
		boolean keep = message.timeToLive().compareTo(Duration.ofSeconds(1)) >= 0;
		UUID kept = null;
		if (keep && message.messageId().isPresent()) {
			kept = this.messages.keep(tenant, message);
			if (kept == null) {
				return new MessagePublished(false, false, true, null);
			}
		}
		boolean delivered = deliver(tenant, message.name(), message.correlationKey(), message.variables(), true);
		if (!keep) {
			return new MessagePublished(delivered, false, false, null);
		}
		if (delivered) {
			if (kept != null) {
				this.messages.delivered(tenant, kept);
			}
			return new MessagePublished(true, false, false, (kept != null) ? kept.toString() : null);
		}
		if (kept == null) {
			kept = this.messages.keep(tenant, message);
		}
		this.messages.release(tenant, kept);
		return new MessagePublished(false, true, false, kept.toString());
	}

	/**
	 * Hands a message to the tenant's runs waiting for it with that key and, when asked,
	 * to the tenant's processes that start with it.
	 */
	private boolean deliver(TenantId tenant, String name, String correlationKey, Map<String, Object> variables,
			boolean startProcesses) {
		return asTenant(tenant, () -> {
			int delivered = 0;
			for (String runId : oneWaitingRunPerProcess(tenant, name, correlationKey)) {
				delivered += correlate(() -> List.of(this.engine.getRuntimeService()
					.createMessageCorrelation(name)
					.processInstanceId(runId)
					.localVariableEquals(ZeebeToOperaton.CORRELATION_KEY + name, correlationKey)
					.setVariables(variables)
					.correlateWithResult())).size();
			}
			if (startProcesses) {
				delivered += correlate(() -> this.engine.getRuntimeService()
					.createMessageCorrelation(name)
					.tenantId(tenant.value())
					.startMessageOnly()
					.setVariables(variables)
					.correlateAllWithResult()).size();
			}
			return delivered > 0;
		});
	}

	/**
	 * The runs a message goes to, as on Zeebe: of the runs waiting for it with its key,
	 * one per process.
	 */
	private Collection<String> oneWaitingRunPerProcess(TenantId tenant, String name, String correlationKey) {
		Set<String> waiting = this.engine.getRuntimeService()
			.createExecutionQuery()
			.tenantIdIn(tenant.value())
			.messageEventSubscriptionName(name)
			.variableValueEquals(ZeebeToOperaton.CORRELATION_KEY + name, correlationKey)
			.list()
			.stream()
			.map(Execution::getProcessInstanceId)
			.collect(Collectors.toCollection(TreeSet::new));
		if (waiting.isEmpty()) {
			return List.of();
		}
		Map<String, String> byProcess = new LinkedHashMap<>();
		for (ProcessInstance run : this.engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processInstanceIds(waiting)
			.list()) {
			String processId = this.engine.getRepositoryService()
				.getProcessDefinition(run.getProcessDefinitionId())
				.getKey();
			byProcess.putIfAbsent(processId, run.getId());
		}
		return byProcess.values();
	}

	/** One round of handing kept messages to runs that have started waiting for them. */
	void deliverKeptMessages() {
		for (MessageBuffer.Kept kept : this.messages.claimDue(100)) {
			if (deliver(kept.tenant(), kept.name(), kept.correlationKey(), kept.variables(), false)) {
				this.messages.delivered(kept.tenant(), kept.id());
			}
			else {
				this.messages.release(kept.tenant(), kept.id());
			}
		}
	}

	/**
	 * What a correlation reached; nothing when no run or process waits for the message.
	 */
	private List<MessageCorrelationResult> correlate(Supplier<List<MessageCorrelationResult>> correlation) {
		try {
			return command(correlation);
		}
		catch (MismatchingMessageCorrelationException ex) {
			return List.of();
		}
	}

	@Override
	public void broadcast(TenantId tenant, String signalName, Map<String, Object> variables) {
		asTenant(tenant, () -> {
			this.engine.getRuntimeService()
				.createSignalEvent(signalName)
				.tenantId(tenant.value())
				.setVariables(variables)
				.send();
			return null;
		});
	}

	@Override
	public boolean cancel(TenantId tenant, String runId) {
		// The run may move on meanwhile (a job of it, a worker's report): then again.
		return asTenant(tenant, () -> despiteConcurrentUpdates(() -> {
			ProcessInstance instance = this.engine.getRuntimeService()
				.createProcessInstanceQuery()
				.processInstanceId(runId)
				.tenantIdIn(tenant.value())
				.singleResult();
			if (instance == null) {
				return false;
			}
			this.engine.getRuntimeService().deleteProcessInstance(runId, "Cancelled", false, true);
			return true;
		}));
	}

	@Override
	public int retry(TenantId tenant, String runId, int retries) {
		return asTenant(tenant, () -> {
			List<String> failedSteps = this.engine.getExternalTaskService()
				.createExternalTaskQuery()
				.processInstanceId(runId)
				.tenantIdIn(tenant.value())
				.noRetriesLeft()
				.list()
				.stream()
				.map((task) -> task.getId())
				.toList();
			failedSteps.forEach((task) -> this.engine.getExternalTaskService().setRetries(task, retries));
			List<String> failedJobs = this.engine.getManagementService()
				.createJobQuery()
				.processInstanceId(runId)
				.tenantIdIn(tenant.value())
				.noRetriesLeft()
				.list()
				.stream()
				.map((job) -> job.getId())
				.toList();
			failedJobs.forEach((job) -> this.engine.getManagementService().setJobRetries(job, retries));
			return failedSteps.size() + failedJobs.size();
		});
	}

	@Override
	public List<EngineTask> fetch(String workerId, Collection<String> types, int max, Duration lock) {
		if (types.isEmpty() || max <= 0) {
			return List.of();
		}
		ExternalTaskQueryBuilder query = this.engine.getExternalTaskService().fetchAndLock(max, workerId);
		for (String type : types) {
			query = query.topic(type, lock.toMillis()).includeExtensionProperties().enableCustomObjectDeserialization();
		}
		List<EngineTask> tasks = new ArrayList<>();
		for (LockedExternalTask locked : query.execute()) {
			Map<String, String> properties = locked.getExtensionProperties();
			int retries = (locked.getRetries() != null) ? locked.getRetries()
					: Integer.parseInt(properties.getOrDefault(ZeebeToOperaton.RETRIES_PROPERTY, "3"));
			tasks
				.add(new EngineTask(locked.getId(), workerId, locked.getTopicName(), new TenantId(locked.getTenantId()),
						locked.getProcessInstanceId(), locked.getProcessDefinitionKey(), locked.getActivityId(),
						new LinkedHashMap<>(locked.getVariables()), ZeebeToOperaton.headers(properties), retries,
						(locked.getCreateTime() != null) ? locked.getCreateTime().toInstant() : null));
		}
		return tasks;
	}

	@Override
	public void extendLock(EngineTask task, Duration lock) {
		this.engine.getExternalTaskService().extendLock(task.id(), task.workerId(), lock.toMillis());
	}

	@Override
	public void complete(EngineTask task, Map<String, Object> outputs) {
		boolean local = keepsOutputsLocal(task);
		despiteConcurrentUpdates(() -> this.engine.getExternalTaskService()
			.complete(task.id(), task.workerId(), local ? null : outputs, local ? outputs : null));
	}

	/**
	 * Reports a task's end again when a concurrent update of the task (its lock being
	 * extended at that moment) made the engine refuse it: the report did nothing then.
	 */
	private void despiteConcurrentUpdates(Runnable report) {
		despiteConcurrentUpdates(() -> {
			report.run();
			return null;
		});
	}

	/**
	 * Runs a command again when a concurrent update of what it changes made the engine
	 * refuse it (the command then did nothing), up to three times.
	 */
	private <T> T despiteConcurrentUpdates(Supplier<T> command) {
		for (int attempt = 1;; attempt++) {
			try {
				return command(command);
			}
			catch (OptimisticLockingException ex) {
				if (attempt == 3) {
					throw ex;
				}
			}
		}
	}

	/**
	 * Whether a step has output mappings: then its result stays local and the mappings
	 * carry on what they name, as on Zeebe; otherwise the result becomes the run's
	 * variables.
	 */
	private boolean keepsOutputsLocal(EngineTask task) {
		ExternalTask found = this.engine.getExternalTaskService()
			.createExternalTaskQuery()
			.externalTaskId(task.id())
			.singleResult();
		if (found == null) {
			return false;
		}
		BpmnModelInstance model = this.engine.getRepositoryService()
			.getBpmnModelInstance(found.getProcessDefinitionId());
		ModelElementInstance step = model.getModelElementById(found.getActivityId());
		if (!(step instanceof BaseElement element) || element.getExtensionElements() == null) {
			return false;
		}
		return element.getExtensionElements()
			.getElementsQuery()
			.filterByType(OperatonProperties.class)
			.list()
			.stream()
			.flatMap((properties) -> properties.getOperatonProperties().stream())
			.anyMatch((property) -> ZeebeToOperaton.LOCAL_OUTPUTS_PROPERTY.equals(property.getOperatonName())
					&& "true".equals(property.getOperatonValue()));
	}

	@Override
	public void fail(EngineTask task, String message, int retriesLeft, Duration backoff) {
		despiteConcurrentUpdates(() -> this.engine.getExternalTaskService()
			.handleFailure(task.id(), task.workerId(), message, null, Math.max(0, retriesLeft), backoff.toMillis()));
	}

	/**
	 * Ends the task with a BPMN error. An error no event of the step's scopes (or of the
	 * runs that called it) catches stops the run at the step with an incident, as on
	 * Zeebe; the engine itself would end the step's branch as if it had completed.
	 */
	@Override
	public void throwError(EngineTask task, String errorCode, String message, Map<String, Object> variables) {
		if (!caught(task, errorCode)) {
			fail(task,
					"The step ended with the error '" + errorCode + "'"
							+ ((message != null && !message.isBlank()) ? " (" + message + ")" : "")
							+ ", but no error event of the model catches it.",
					0, Duration.ZERO);
			return;
		}
		despiteConcurrentUpdates(() -> this.engine.getExternalTaskService()
			.handleBpmnError(task.id(), task.workerId(), errorCode, message, variables));
	}

	/**
	 * Whether an error event would catch the code thrown at a task's step, found as the
	 * engine finds it when the error is thrown; true when the task is gone (the engine
	 * then refuses the error itself).
	 */
	private boolean caught(EngineTask task, String errorCode) {
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) this.engine
			.getProcessEngineConfiguration();
		return configuration.getCommandExecutorTxRequired().execute((context) -> {
			ExternalTaskEntity found = context.getExternalTaskManager().findExternalTaskById(task.id());
			if (found == null || found.getExecution() == null) {
				return true;
			}
			ExecutionEntity execution = found.getExecution();
			ErrorDeclarationForProcessInstanceFinder catching = new ErrorDeclarationForProcessInstanceFinder(null,
					errorCode, execution.getActivity());
			ActivityExecutionHierarchyWalker walker = new ActivityExecutionHierarchyWalker(execution);
			walker.addScopePreVisitor(catching);
			walker.walkUntil((scope) -> catching.getErrorEventDefinition() != null || scope == null);
			return catching.getErrorHandlerActivity() != null;
		});
	}

	@Override
	public void close() {
		this.keptMessages.shutdownNow();
		if (this.meters != null) {
			this.meters.close();
		}
		this.engine.close();
	}

	private void deliverKeptMessagesLogged() {
		try {
			deliverKeptMessages();
		}
		catch (RuntimeException ex) {
			// The next round tries again; a failing round must not end the schedule.
			logger.warn("Delivering kept messages failed: {}", ex.getMessage());
		}
	}

	/**
	 * Reads the engine's own settings from its tables.
	 * @throws RuntimeException when the engine cannot reach them
	 */
	public void check() {
		this.engine.getManagementService().getProperties();
	}

	/** How this engine runs. */
	public OperatonSettings settings() {
		return this.settings;
	}

	/** The runs of this engine, as the Runs page reads them. */
	public RunHistory history() {
		return new OperatonRunHistory(this.engine);
	}

	/** How this engine is doing across tenants, for System Health. */
	public EngineStatus status() {
		return new OperatonStatus(this, this.engine, this.engine.getProcessEngineConfiguration().getDataSource());
	}

	/** The engine itself, for the adapter's tests. */
	ProcessEngine processEngine() {
		return this.engine;
	}

	/**
	 * Runs engine commands in a savepoint of the caller's transaction, or in a
	 * transaction of their own outside one: should the engine refuse them, what they did
	 * is undone and the caller's transaction can still commit what else it holds.
	 */
	private <T> T command(Supplier<T> commands) {
		return this.savepoint.execute((status) -> commands.get());
	}

	/**
	 * Runs a call as the given tenant with the engine's tenant check: queries, starts,
	 * correlations and signals see that tenant's definitions and runs only.
	 */
	private <T> T asTenant(TenantId tenant, Supplier<T> call) {
		this.engine.getIdentityService().setAuthentication("brain", List.of(), List.of(tenant.value()));
		try {
			return call.get();
		}
		finally {
			this.engine.getIdentityService().clearAuthentication();
		}
	}

	/**
	 * Operaton evaluates {@code ${...}} and {@code #{...}} in many texts of a model
	 * (timers, names, called processes) as JUEL, which can call methods; Brain's models
	 * are FEEL only, so a model holding either is refused wherever it is.
	 */
	private static List<ModelProblem> expressionLanguageProblems(String bpmnXml) {
		Matcher found = EXPRESSION_LANGUAGE.matcher(bpmnXml);
		if (!found.find()) {
			return List.of();
		}
		return List.of(new ModelProblem(null, "The model contains '" + found.group()
				+ "': Brain's automations are written in FEEL (values starting with =), and text in the form ${...} "
				+ "or #{...} is not accepted anywhere in a model."));
	}

}
