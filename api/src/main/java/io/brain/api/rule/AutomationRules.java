package io.brain.api.rule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brain.api.automation.Automation;
import io.brain.api.automation.AutomationVersion;
import io.brain.api.automation.Automations;
import io.brain.api.automation.BpmnProblem;
import io.brain.api.automation.ElementTemplates;
import io.brain.api.automation.SaveAutomationRequest;
import io.brain.api.connector.Connection;
import io.brain.api.connector.ConnectorType;
import io.brain.api.connector.ConnectorTypes;
import io.brain.api.connector.Connections;
import io.brain.api.identity.CurrentUser;
import io.brain.api.problem.BrainProblem;
import io.brain.api.schedule.Schedule;
import io.brain.api.schedule.ScheduleRequest;
import io.brain.api.schedule.Schedules;
import io.brain.api.webhook.WebhookListener;
import io.brain.api.webhook.WebhookListeners;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Automations made with the rule list: a rule is checked (its trigger's listener or
 * schedule, its conditions, each action's template fields and connection), turned into
 * BPMN, and saved as a draft version through {@link Automations}, with the rule kept
 * beside it; saving also applies the trigger, all in one transaction, so a refused rule
 * changes nothing.
 */
@Service
public class AutomationRules {

	/** The name of the schedule a scheduled rule keeps for its automation. */
	static final String SCHEDULE_NAME = "Rule trigger";

	private static final String PREVIEW_PROCESS_ID = "Rule";

	private final RuleDiagram diagram;

	private final Automations automations;

	private final Schedules schedules;

	private final WebhookListeners listeners;

	private final Connections connections;

	private final ConnectorTypes types;

	private final ElementTemplates templates;

	private final ObjectMapper json;

	AutomationRules(RuleDiagram diagram, Automations automations, Schedules schedules, WebhookListeners listeners,
			Connections connections, ConnectorTypes types, ElementTemplates templates, ObjectMapper json) {
		this.diagram = diagram;
		this.automations = automations;
		this.schedules = schedules;
		this.listeners = listeners;
		this.connections = connections;
		this.types = types;
		this.templates = templates;
		this.json = json;
	}

	/** The diagram a rule generates and its problems; stores nothing. */
	public RulePreview preview(CurrentUser user, RulePreviewRequest request) {
		String name = (request.name() != null && !request.name().isBlank()) ? request.name().strip() : "Rule";
		Checked checked = check(user, PREVIEW_PROCESS_ID, name, request.rule());
		return new RulePreview(checked.bpmnXml(), checked.problems());
	}

	/**
	 * Creates an automation from a rule, its diagram as draft version 1, and applies the
	 * rule's trigger.
	 * @throws BrainProblem 400 naming each problem's field (and element), storing nothing
	 */
	@Transactional
	public Automation create(CurrentUser user, SaveAutomationRuleRequest request) {
		Checked checked = requireValid(user, "Rule", request);
		Automation created = this.automations.create(user, saveRequest(request.key(), request, checked),
				write(request.rule()));
		applyTrigger(user, created.key(), request.rule());
		return this.automations.get(user, created.key());
	}

	/**
	 * Saves a new draft version of an automation from a rule, and applies the rule's
	 * trigger.
	 * @throws BrainProblem 400 naming each problem's field (and element), storing nothing
	 */
	@Transactional
	public AutomationVersion save(CurrentUser user, String key, SaveAutomationRuleRequest request) {
		this.automations.get(user, key);
		Checked checked = requireValid(user, key, request);
		AutomationVersion version = this.automations.saveVersion(user, key,
				saveRequest((request.key() != null) ? request.key() : key, request, checked), write(request.rule()));
		applyTrigger(user, key, request.rule());
		return version;
	}

	/**
	 * The rule a version was made from.
	 * @throws BrainProblem 404 when the version was drawn in the diagram editor
	 */
	public AutomationRule rule(CurrentUser user, String key, int version) {
		String stored = this.automations.rule(user, key, version);
		try {
			return this.json.readValue(stored, AutomationRule.class);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("The stored rule of version " + version + " is unreadable", ex);
		}
	}

	private Checked requireValid(CurrentUser user, String processId, SaveAutomationRuleRequest request) {
		Checked checked = check(user, processId, request.name().strip(), request.rule());
		if (!checked.problems().isEmpty()) {
			List<RuleProblem> problems = checked.problems();
			RuleProblem first = problems.get(0);
			BrainProblem problem = new BrainProblem(HttpStatus.BAD_REQUEST, first.field(), "The rule has "
					+ problems.size() + " problem" + ((problems.size() == 1) ? "" : "s") + ": " + first.message());
			problem.getBody()
				.setProperty("errors",
						problems.stream()
							.filter((found) -> found.field() != null)
							.map((found) -> Map.of("field", found.field(), "message", found.message()))
							.toList());
			problem.getBody().setProperty("problems", problems.stream().map(AutomationRules::body).toList());
			throw problem;
		}
		return checked;
	}

	private static Map<String, String> body(RuleProblem problem) {
		Map<String, String> body = new LinkedHashMap<>();
		if (problem.elementId() != null) {
			body.put("elementId", problem.elementId());
		}
		if (problem.field() != null) {
			body.put("field", problem.field());
		}
		body.put("message", problem.message());
		return body;
	}

	/**
	 * Checks a rule and generates its diagram; the diagram is checked as saving any
	 * diagram is once the rule itself has no problem.
	 */
	private Checked check(CurrentUser user, String processId, String name, AutomationRule rule) {
		List<RuleProblem> problems = new ArrayList<>();
		String trigger = trigger(user, rule.when(), problems);
		Map<Integer, String> connections = connections(user, rule.then(), problems);
		RuleDiagram.Generated generated = this.diagram.generate(processId, name, rule, trigger, connections);
		generated.problems()
			.forEach((found) -> problems
				.add(new RuleProblem(prefixed(found.field()), found.elementId(), found.message())));
		if (problems.isEmpty()) {
			for (BpmnProblem found : this.automations.check(user, generated.bpmnXml())) {
				int action = RuleDiagram.actionIndex(found.elementId());
				problems.add(new RuleProblem((action >= 0) ? "rule.then[" + action + "]" : null, found.elementId(),
						found.message()));
			}
		}
		return new Checked(generated.bpmnXml(), List.copyOf(problems));
	}

	/** The start event's name for a trigger; checks the listener or the schedule. */
	private String trigger(CurrentUser user, RuleTrigger when, List<RuleProblem> problems) {
		switch (when.type()) {
			case MANUAL -> {
				refuseExtra(when.listenerId() != null, "rule.when.listenerId", "listener", problems);
				refuseExtra(when.schedule() != null, "rule.when.schedule", "schedule", problems);
				return "Started by hand";
			}
			case WEBHOOK -> {
				refuseExtra(when.schedule() != null, "rule.when.schedule", "schedule", problems);
				if (!user.can("webhooks:manage")) {
					throw new BrainProblem(HttpStatus.FORBIDDEN, "rule.when.listenerId",
							"Starting a rule by a webhook needs the webhooks:manage permission.");
				}
				if (when.listenerId() == null) {
					problems.add(new RuleProblem("rule.when.listenerId", RuleDiagram.START,
							"Choose the webhook listener whose deliveries start the rule."));
					return "Webhook arrives";
				}
				try {
					WebhookListener listener = this.listeners.get(user, when.listenerId());
					return "Webhook “" + listener.name() + "” arrives";
				}
				catch (BrainProblem notFound) {
					problems.add(new RuleProblem("rule.when.listenerId", RuleDiagram.START,
							"This tenant has no webhook listener " + when.listenerId() + "."));
					return "Webhook arrives";
				}
			}
			default -> {
				refuseExtra(when.listenerId() != null, "rule.when.listenerId", "listener", problems);
				RuleSchedule schedule = when.schedule();
				if (schedule == null) {
					problems.add(new RuleProblem("rule.when.schedule", RuleDiagram.START,
							"Say when the rule runs: a rule such as every Monday at 09:00, or a cron expression."));
					return "On a schedule";
				}
				try {
					return this.schedules.preview(blankToNull(schedule.cron()), schedule.rule(), schedule.timeZone())
						.description();
				}
				catch (BrainProblem refused) {
					Object field = refused.getBody().getProperties() != null
							? refused.getBody().getProperties().get("field") : null;
					problems.add(new RuleProblem("rule.when.schedule." + scheduleField(field), RuleDiagram.START,
							refused.getBody().getDetail()));
					return "On a schedule";
				}
			}
		}
	}

	/** The schedule's field the preview names (bare {@code every}, {@code at}, ...). */
	private static String scheduleField(Object field) {
		String name = (field != null) ? field.toString() : "cron";
		return switch (name) {
			case "every", "at", "interval" -> "rule." + name;
			default -> name;
		};
	}

	private static void refuseExtra(boolean given, String field, String what, List<RuleProblem> problems) {
		if (given) {
			problems.add(new RuleProblem(field, RuleDiagram.START,
					"This trigger takes no " + what + "; leave " + field + " out."));
		}
	}

	/**
	 * The names of the actions' connections, each one of this tenant's, of the connector
	 * its action's template belongs to.
	 */
	private Map<Integer, String> connections(CurrentUser user, List<RuleAction> actions, List<RuleProblem> problems) {
		Map<Integer, String> names = new LinkedHashMap<>();
		for (int i = 0; i < actions.size(); i++) {
			RuleAction action = actions.get(i);
			if (action == null || action.connectionId() == null) {
				continue;
			}
			String field = "rule.then[" + i + "].connectionId";
			Connection connection;
			try {
				connection = this.connections.get(user, action.connectionId());
			}
			catch (BrainProblem notFound) {
				problems.add(new RuleProblem(field, RuleDiagram.actionId(i),
						"This tenant has no connection " + action.connectionId() + "."));
				continue;
			}
			Optional<ConnectorType> needed = connectorOf(action.templateId());
			if (needed.isPresent() && !needed.get().type().equals(connection.type())) {
				problems.add(new RuleProblem(field, RuleDiagram.actionId(i), "“" + connection.name() + "” is a "
						+ connection.type() + " connection; this action needs a " + needed.get().name() + " one."));
				continue;
			}
			names.put(i, connection.name());
		}
		return names;
	}

	/** The connector type whose job type a template binds. */
	private Optional<ConnectorType> connectorOf(String templateId) {
		if (templateId == null) {
			return Optional.empty();
		}
		return this.templates.byId(templateId).flatMap((template) -> {
			for (var property : template.path("properties")) {
				if ("type".equals(property.path("binding").path("property").asText())) {
					String jobType = property.path("value").asText();
					return this.types.all()
						.stream()
						.filter((
								type) -> type.actions().stream().anyMatch((action) -> action.jobType().equals(jobType)))
						.findFirst();
				}
			}
			return Optional.empty();
		});
	}

	/**
	 * Makes the rule's trigger so: a schedule named {@value #SCHEDULE_NAME} for a
	 * scheduled rule (created, or replaced keeping whether it is enabled), none for other
	 * rules; a webhook rule's listener points at the automation.
	 */
	private void applyTrigger(CurrentUser user, String key, AutomationRule rule) {
		Optional<Schedule> existing = this.schedules.list(user, key)
			.stream()
			.filter((schedule) -> schedule.name().equals(SCHEDULE_NAME))
			.findFirst();
		RuleTrigger when = rule.when();
		if (when.type() == RuleTrigger.Type.SCHEDULE) {
			RuleSchedule schedule = when.schedule();
			ScheduleRequest request = new ScheduleRequest(SCHEDULE_NAME, blankToNull(schedule.cron()), schedule.rule(),
					schedule.timeZone(), existing.map(Schedule::enabled).orElse(true),
					existing.map(Schedule::variables).orElse(Map.of()));
			if (existing.isPresent()) {
				this.schedules.update(user, key, existing.get().id(), request);
			}
			else {
				this.schedules.create(user, key, request);
			}
		}
		else if (existing.isPresent()) {
			this.schedules.delete(user, key, existing.get().id());
		}
		if (when.type() == RuleTrigger.Type.WEBHOOK) {
			this.listeners.pointAt(user, when.listenerId(), key);
		}
	}

	private static SaveAutomationRequest saveRequest(String key, SaveAutomationRuleRequest request, Checked checked) {
		return new SaveAutomationRequest(key, request.name(), request.description(), checked.bpmnXml(), request.note());
	}

	private String write(AutomationRule rule) {
		try {
			return this.json.writeValueAsString(rule);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("A rule cannot be written as JSON", ex);
		}
	}

	private static String prefixed(String field) {
		return (field != null) ? "rule." + field : null;
	}

	private static String blankToNull(String text) {
		return (text != null && !text.isBlank()) ? text : null;
	}

	/**
	 * A rule checked: its diagram and its problems.
	 */
	private record Checked(String bpmnXml, List<RuleProblem> problems) {

	}

}
