package io.brain.engine.operaton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.brain.core.tenant.TenantId;
import io.brain.engine.RunHistory;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.externaltask.ExternalTask;
import org.operaton.bpm.engine.history.HistoricActivityInstance;
import org.operaton.bpm.engine.history.HistoricExternalTaskLog;
import org.operaton.bpm.engine.history.HistoricIncident;
import org.operaton.bpm.engine.history.HistoricProcessInstance;
import org.operaton.bpm.engine.history.HistoricProcessInstanceQuery;
import org.operaton.bpm.engine.history.HistoricVariableInstance;
import org.operaton.bpm.model.bpmn.instance.EventDefinition;
import org.operaton.bpm.model.bpmn.instance.MessageEventDefinition;
import org.operaton.bpm.model.bpmn.instance.SignalEventDefinition;
import org.operaton.bpm.model.bpmn.instance.StartEvent;
import org.operaton.bpm.model.bpmn.instance.TimerEventDefinition;
import org.operaton.bpm.model.xml.instance.ModelElementInstance;

/**
 * Runs as the open engine's history tells them, scoped to one tenant by the tenant id
 * Operaton stores with every history row.
 */
final class OperatonRunHistory implements RunHistory {

	private final ProcessEngine engine;

	OperatonRunHistory(ProcessEngine engine) {
		this.engine = engine;
	}

	@Override
	public Optional<Summary> summary(TenantId tenant, String runId) {
		return Optional
			.ofNullable(history().createHistoricProcessInstanceQuery()
				.processInstanceId(runId)
				.tenantIdIn(tenant.value())
				.singleResult())
			.map((instance) -> summary(instance, openIncidents(runId)));
	}

	@Override
	public Optional<Run> run(TenantId tenant, String runId) {
		HistoricProcessInstance instance = history().createHistoricProcessInstanceQuery()
			.processInstanceId(runId)
			.tenantIdIn(tenant.value())
			.singleResult();
		if (instance == null) {
			return Optional.empty();
		}
		List<HistoricActivityInstance> timeline = history().createHistoricActivityInstanceQuery()
			.processInstanceId(runId)
			.orderByHistoricActivityInstanceStartTime()
			.asc()
			.orderPartiallyByOccurrence()
			.asc()
			.list();
		List<Incident> incidents = incidents(runId, timeline);
		Set<String> stoppedSteps = incidents.stream()
			.filter(Incident::open)
			.map(Incident::stepId)
			.collect(Collectors.toSet());
		Map<String, Task> tasks = tasks(runId);
		List<Step> steps = timeline.stream()
			.map((step) -> step(step, stoppedSteps.contains(step.getId()), tasks.get(step.getId())))
			.toList();
		int open = (int) incidents.stream().filter(Incident::open).count();
		return Optional.of(new Run(summary(instance, open), steps, variables(runId), List.of(), incidents));
	}

	@Override
	public Page runs(TenantId tenant, Query query) {
		HistoricProcessInstanceQuery runs = history().createHistoricProcessInstanceQuery().tenantIdIn(tenant.value());
		query.processId().ifPresent(runs::processDefinitionKey);
		query.state().ifPresent((state) -> {
			switch (state) {
				case ACTIVE -> runs.active();
				case INCIDENT -> runs.unfinished().withRootIncidents();
				case COMPLETED -> runs.completed();
				case CANCELLED -> runs.externallyTerminated();
			}
		});
		long total = runs.count();
		List<Summary> items = runs.orderByProcessInstanceStartTime()
			.desc()
			.listPage(query.page() * query.size(), query.size())
			.stream()
			.map((instance) -> summary(instance, openIncidents(instance.getId())))
			.toList();
		return new Page(items, total);
	}

	private Summary summary(HistoricProcessInstance instance, int open) {
		State state = switch (instance.getState()) {
			case HistoricProcessInstance.STATE_COMPLETED, HistoricProcessInstance.STATE_INTERNALLY_TERMINATED ->
				State.COMPLETED;
			case HistoricProcessInstance.STATE_EXTERNALLY_TERMINATED -> State.CANCELLED;
			default -> (open > 0) ? State.INCIDENT : State.ACTIVE;
		};
		Integer version = instance.getProcessDefinitionVersion();
		String parent = instance.getSuperProcessInstanceId();
		return new Summary(instance.getId(), instance.getProcessDefinitionKey(), (version != null) ? version : 0, state,
				instant(instance.getStartTime()), instant(instance.getEndTime()), instance.getBusinessKey(), open,
				(parent != null) ? StartKind.PARENT_RUN : startKind(instance), parent);
	}

	/** How a run began, from the kind of start event it began at. */
	private StartKind startKind(HistoricProcessInstance instance) {
		if (instance.getStartActivityId() == null) {
			return StartKind.COMMAND;
		}
		// The engine caches deployed models, so this costs no query per run.
		ModelElementInstance start = this.engine.getRepositoryService()
			.getBpmnModelInstance(instance.getProcessDefinitionId())
			.getModelElementById(instance.getStartActivityId());
		if (start instanceof StartEvent event) {
			for (EventDefinition definition : event.getEventDefinitions()) {
				if (definition instanceof TimerEventDefinition) {
					return StartKind.TIMER;
				}
				if (definition instanceof MessageEventDefinition) {
					return StartKind.MESSAGE;
				}
				if (definition instanceof SignalEventDefinition) {
					return StartKind.SIGNAL;
				}
			}
		}
		return StartKind.COMMAND;
	}

	private Step step(HistoricActivityInstance step, boolean stopped, Task task) {
		Outcome outcome = (step.getEndTime() == null) ? (stopped ? Outcome.INCIDENT : Outcome.ACTIVE)
				: step.isCanceled() ? Outcome.TERMINATED : Outcome.COMPLETED;
		String[] type = zeebeType(step.getActivityType());
		return new Step(step.getId(), elementId(step.getActivityId()), step.getActivityName(), type[0], type[1],
				outcome, instant(step.getStartTime()), instant(step.getEndTime()), task);
	}

	/**
	 * The element a step is of, as Zeebe names it: a multi-instance body (which Operaton
	 * names {@code <step>#multiInstanceBody}) by the id of its step.
	 */
	static String elementId(String activityId) {
		return activityId.replace("#multiInstanceBody", "");
	}

	/** The last state of each worker task of a run, by the step it belongs to. */
	private Map<String, Task> tasks(String runId) {
		Map<String, Task> tasks = new LinkedHashMap<>();
		for (HistoricExternalTaskLog log : history().createHistoricExternalTaskLogQuery()
			.processInstanceId(runId)
			.orderByTimestamp()
			.asc()
			.list()) {
			String state = log.isSuccessLog() ? "COMPLETED"
					: log.isFailureLog() ? "FAILED" : log.isDeletionLog() ? "CANCELED" : "CREATED";
			Task previous = tasks.get(log.getActivityInstanceId());
			int retries = (log.getRetries() != null) ? log.getRetries()
					: (previous != null) ? previous.retriesLeft() : -1;
			String error = (log.getErrorMessage() != null) ? log.getErrorMessage()
					: (previous != null) ? previous.errorMessage() : null;
			tasks.put(log.getActivityInstanceId(),
					new Task(log.getExternalTaskId(), log.getTopicName(), state, retries, error));
		}
		// A task still open knows its retries now; the log records them only on some
		// events.
		for (ExternalTask open : this.engine.getExternalTaskService()
			.createExternalTaskQuery()
			.processInstanceId(runId)
			.list()) {
			Task logged = tasks.get(open.getActivityInstanceId());
			if (logged != null && open.getRetries() != null) {
				tasks.put(open.getActivityInstanceId(),
						new Task(logged.id(), logged.type(), logged.state(), open.getRetries(),
								(open.getErrorMessage() != null) ? open.getErrorMessage() : logged.errorMessage()));
			}
		}
		return tasks;
	}

	/**
	 * How many incidents stop a run now: the engine keeps only open ones at run time.
	 * Only the run's own count, as on Zeebe: the engine also gives the run that called a
	 * run with an incident an incident on its call activity.
	 */
	private int openIncidents(String runId) {
		return (int) this.engine.getRuntimeService()
			.createIncidentQuery()
			.processInstanceId(runId)
			.list()
			.stream()
			.filter((incident) -> incident.getId().equals(incident.getRootCauseIncidentId()))
			.count();
	}

	/**
	 * A run's own incidents (not those the engine passes up from a run it called), each
	 * with the step it stopped, from the run's timeline.
	 */
	private List<Incident> incidents(String runId, List<HistoricActivityInstance> steps) {
		List<Incident> incidents = new ArrayList<>();
		for (HistoricIncident incident : history().createHistoricIncidentQuery()
			.processInstanceId(runId)
			.orderByCreateTime()
			.desc()
			.list()) {
			if (!incident.getId().equals(incident.getRootCauseIncidentId())) {
				continue;
			}
			String stepId = steps.stream()
				.filter((step) -> step.getActivityId().equals(incident.getActivityId())
						&& step.getExecutionId().equals(incident.getExecutionId()))
				.map(HistoricActivityInstance::getId)
				.reduce((first, later) -> later)
				.orElse(null);
			incidents.add(new Incident(incident.getId(), stepId, incident.getActivityId(),
					zeebeIncidentType(incident.getIncidentType()), incident.getIncidentMessage(), incident.isOpen(),
					instant(incident.getCreateTime()), instant(incident.getEndTime()), incident.getConfiguration()));
		}
		return incidents;
	}

	/**
	 * The run's own variables (not those local to one step), by name: those of the run's
	 * own execution. The input mappings of a subprocess are recorded with the run's
	 * activity instance, though they belong to the subprocess's execution.
	 */
	private Map<String, Object> variables(String runId) {
		Map<String, Object> variables = new LinkedHashMap<>();
		for (HistoricVariableInstance variable : history().createHistoricVariableInstanceQuery()
			.processInstanceId(runId)
			.orderByVariableName()
			.asc()
			.list()) {
			if (runId.equals(variable.getActivityInstanceId()) && runId.equals(variable.getExecutionId())
					&& !"DELETED".equals(variable.getState())
					&& !variable.getName().startsWith(ZeebeToOperaton.VARIABLE_PREFIX)) {
				variables.put(variable.getName(), variable.getValue());
			}
		}
		return variables;
	}

	/**
	 * Operaton's activity type as Zeebe names the element and its event:
	 * {@code boundaryTimer} is a {@code BOUNDARY_EVENT} of kind {@code TIMER},
	 * {@code messageStartEvent} a {@code START_EVENT} of kind {@code MESSAGE}.
	 */
	static String[] zeebeType(String activityType) {
		if (activityType.startsWith("boundary")) {
			return new String[] { "BOUNDARY_EVENT", upper(activityType.substring("boundary".length())) };
		}
		if (activityType.startsWith("intermediate")) {
			String kind = activityType.substring("intermediate".length()).replaceAll("(Catch|Throw|Event)", "");
			String element = activityType.contains("Throw") ? "INTERMEDIATE_THROW_EVENT" : "INTERMEDIATE_CATCH_EVENT";
			return new String[] { element, kind.isEmpty() || kind.equals("None") ? null : upper(kind) };
		}
		if (activityType.endsWith("tartEvent") || activityType.endsWith("ndEvent")) {
			String element = activityType.endsWith("tartEvent") ? "START_EVENT" : "END_EVENT";
			String kind = activityType.replaceAll("(StartEvent|EndEvent|startEvent|endEvent)$", "");
			return new String[] { element, kind.isEmpty() || kind.equals("none") ? null : upper(kind) };
		}
		return new String[] { upper(activityType), null };
	}

	/**
	 * Operaton's kind of incident as Zeebe names it: a worker's task or an engine job out
	 * of retries is {@code JOB_NO_RETRIES} on both.
	 */
	static String zeebeIncidentType(String incidentType) {
		return switch (incidentType) {
			case "failedExternalTask", "failedJob" -> "JOB_NO_RETRIES";
			default -> upper(incidentType);
		};
	}

	private static String upper(String camelCase) {
		return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
	}

	private static Instant instant(Date date) {
		return (date != null) ? date.toInstant() : null;
	}

	private HistoryService history() {
		return this.engine.getHistoryService();
	}

}
