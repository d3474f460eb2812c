package io.brain.workers.agent;

import io.brain.workers.catalog.ActionInput;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.brain.core.agent.AgentBudgets;
import io.brain.core.tenant.TenantId;
import io.brain.engine.EngineTask;
import io.brain.workers.connection.ConnectionResolver;
import io.brain.workers.model.LanguageModel;
import io.brain.workers.model.LanguageModel.Answer;
import io.brain.workers.model.LanguageModel.Message;
import io.brain.workers.model.LanguageModel.Question;
import io.brain.workers.connection.ResolvedConnection;
import io.brain.workers.task.ConnectorTasks;
import io.brain.workers.task.EngineTaskJob;
import io.brain.workers.tenant.JobTenants;
import io.camunda.connector.api.annotation.Operation;
import io.camunda.connector.api.annotation.OutboundConnector;
import io.camunda.connector.api.annotation.Variable;
import io.camunda.connector.api.error.ConnectorException;
import io.camunda.connector.api.error.ConnectorRetryException;
import io.camunda.connector.api.outbound.JobContext;
import io.camunda.connector.api.outbound.OutboundConnectorContext;
import io.camunda.connector.api.outbound.OutboundConnectorProvider;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * An AI agent's steps in its run: {@code think} asks the model once, with the agent's
 * role, the session's recent messages and the tools the tenant toggled for it, and
 * answers the model's text or the tools it calls; {@code act} runs one tool call through
 * the same connector action a BPMN step would (the tenant from the deployment, the bound
 * connection's secrets, the tenant's limits, an audit row and the billing metric), and
 * tells the model what came of it. The loop between them, and a person's approval before
 * a write, are the run's BPMN, so every tool call is a step of its own in the run.
 * <p>
 * What the model sees is bounded: only the tenant's own agent and connections, never a
 * secret, never a tenant or connection it chose, tool results as delimited data cut to
 * {@code brain.agents.max-tool-result-characters}. A run over one of its limits, or a
 * tenant over its token budget, stops with an incident that says which; over budget, no
 * model call is made.
 */
@Component
@OutboundConnector(name = "AI agent", type = AgentConnector.TYPE)
public class AgentConnector implements OutboundConnectorProvider {

	/** The job type of an agent's steps. */
	public static final String TYPE = "io.brain:agent:1";

	private final JobTenants tenants;

	private final AgentStore store;

	private final AgentTools tools;

	private final LanguageModel model;

	private final ConnectionResolver connections;

	private final ConnectorTasks connectors;

	private final AgentProperties properties;

	private final AgentBudgets budgets;

	private final ObjectMapper json;

	private final MeterRegistry meters;

	AgentConnector(JobTenants tenants, AgentStore store, AgentTools tools, LanguageModel model,
			ConnectionResolver connections, @Lazy ConnectorTasks connectors, AgentProperties properties,
			AgentBudgets budgets, ObjectMapper json, MeterRegistry meters) {
		this.tenants = tenants;
		this.store = store;
		this.tools = tools;
		this.model = model;
		this.connections = connections;
		this.connectors = connectors;
		this.properties = properties;
		this.budgets = budgets;
		this.json = json;
		this.meters = meters;
	}

	/** Asks the model once: its answer, or the tools it calls. */
	@Operation(id = "think", name = "Think")
	public Turn think(@Variable ThinkRequest request, OutboundConnectorContext context) {
		JobContext job = context.getJobContext();
		TenantId tenant = this.tenants.of(job);
		AgentSettings settings = settings(tenant, request.agentId(), request.version());
		Counters counters = (request.counters() != null) ? request.counters() : new Counters(0, 0, 0);
		AgentSettings.Limits limits = settings.limits();
		if (counters.modelCalls() >= limits.modelCalls()) {
			throw stop("The agent reached its limit of " + limits.modelCalls() + " model calls in one run.");
		}
		if (counters.tokens() >= limits.tokens()) {
			throw stop("The agent reached its limit of " + limits.tokens() + " tokens in one run.");
		}
		AgentBudgets.Budget budget = this.budgets.of(tenant.value());
		AgentStore.Spent spent = this.store.spent(tenant);
		if (spent.today() >= budget.tokensPerDay()) {
			throw stop("The tenant's agents spent their budget of " + budget.tokensPerDay()
					+ " tokens for today; no model call was made.");
		}
		if (spent.month() >= budget.tokensPerMonth()) {
			throw stop("The tenant's agents spent their budget of " + budget.tokensPerMonth()
					+ " tokens for this month; no model call was made.");
		}
		String runId = EngineTaskJob.runId(job);
		this.store.openSession(tenant, request.agentId(), request.sessionId(),
				(request.origin() != null) ? request.origin() : "MANUAL", "run:" + runId);
		String prompt = (request.prompt() != null && !request.prompt().isBlank()) ? request.prompt()
				: settings.taskPrompt();
		if (prompt != null && !prompt.isBlank() && !this.store.said(tenant, request.sessionId(), runId, "USER")) {
			this.store.append(tenant, request.agentId(), request.sessionId(), runId, new Message.User(prompt));
		}
		List<LanguageModel.Tool> offered = new ArrayList<>();
		for (AgentSettings.ToolBinding binding : settings.tools()) {
			this.tools.action(binding.connector(), binding.action())
				.ifPresent((action) -> offered.add(action.tool(binding.name())));
		}
		AgentSettings.Model asked = settings.model();
		Question question = new Question(asked.model(), settings.role(),
				this.store.recent(tenant, request.sessionId(), this.properties.memoryWindow()), offered,
				asked.temperature(), asked.maxOutputTokens());
		UUID session = request.sessionId();
		Answer answer = this.model.ask(job, asked.connectionId(), question,
				(piece) -> this.store.streamed(tenant, session, runId, piece));
		String modelName = (answer.model() != null) ? answer.model() : String.valueOf(asked.model());
		this.store.spent(tenant, request.agentId(), modelName, answer.inputTokens(), answer.outputTokens());
		tokens(tenant, settings, modelName, "input", answer.inputTokens());
		tokens(tenant, settings, modelName, "output", answer.outputTokens());
		this.store.append(tenant, request.agentId(), request.sessionId(), runId,
				new Message.Assistant(answer.text(), answer.toolCalls()));
		Counters after = new Counters(counters.modelCalls() + 1, counters.toolCalls() + answer.toolCalls().size(),
				counters.tokens() + answer.inputTokens() + answer.outputTokens());
		if (answer.toolCalls().isEmpty()) {
			return new Turn(answer.text(), List.of(), after);
		}
		if (after.toolCalls() > limits.toolCalls()) {
			throw stop("The agent reached its limit of " + limits.toolCalls() + " tool calls in one run.");
		}
		List<Call> calls = answer.toolCalls()
			.stream()
			.map((call) -> new Call(call.id(), call.name(), call.arguments(),
					settings.tool(call.name()).map(AgentSettings.ToolBinding::approvalNeeded).orElse(false)))
			.toList();
		return new Turn(null, calls, after);
	}

	/**
	 * Runs one tool call the model asked for, or tells the model why it did not run (not
	 * one of the agent's tools, denied by a person, refused by the provider).
	 */
	@Operation(id = "act", name = "Act")
	public ActResult act(@Variable ActRequest request, OutboundConnectorContext context) throws Exception {
		JobContext job = context.getJobContext();
		TenantId tenant = this.tenants.of(job);
		AgentSettings settings = settings(tenant, request.agentId(), request.version());
		Call call = request.toolCall();
		String runId = EngineTaskJob.runId(job);
		var binding = settings.tool(call.name());
		var action = binding.flatMap((bound) -> this.tools.action(bound.connector(), bound.action()));
		if (binding.isEmpty() || action.isEmpty()) {
			return told(tenant, settings, request, runId, "refused",
					"Refused: '" + call.name() + "' is not one of this agent's tools.");
		}
		if (binding.get().approvalNeeded()) {
			Approval approval = request.approval();
			if (approval == null || !"APPROVED".equals(approval.decision())) {
				String reason = (approval != null && approval.reason() != null && !approval.reason().isBlank())
						? ": " + approval.reason() : "";
				String by = (approval != null && approval.by() != null) ? approval.by() : "a person";
				return told(tenant, settings, request, runId, "denied",
						"Denied by " + by + reason + ". The call was not made.");
			}
		}
		ObjectNode arguments;
		try {
			JsonNode parsed = this.json.readTree((call.arguments() != null) ? call.arguments() : "{}");
			if (!(parsed instanceof ObjectNode object)) {
				return told(tenant, settings, request, runId, "refused",
						"Refused: the arguments of a tool call must be a JSON object.");
			}
			arguments = object;
		}
		catch (JsonProcessingException ex) {
			return told(tenant, settings, request, runId, "refused",
					"Refused: the arguments are not valid JSON (" + ex.getOriginalMessage() + ").");
		}
		Object result;
		try {
			result = perform(job, tenant, runId, action.get(), binding.get().connectionId(), arguments);
		}
		catch (ConnectorRetryException ex) {
			// Over the tenant's limits, or the provider away for a moment: the step
			// runs again.
			throw ex;
		}
		catch (ConnectorException ex) {
			return told(tenant, settings, request, runId, "failed", "The tool failed: " + ex.getMessage()
					+ ((ex.getErrorCode() != null) ? " (" + ex.getErrorCode() + ")" : ""));
		}
		return told(tenant, settings, request, runId, "done", "The tool answered:\n<tool-result>\n"
				+ bounded(this.json.writeValueAsString(result)) + "\n</tool-result>");
	}

	/**
	 * Sends a run's answer where the agent's settings say: an e-mail or a Slack message
	 * through the tenant's connection, as the e-mail or Slack action of a step would; a
	 * failure fails the step, so an answer is never lost silently.
	 */
	@Operation(id = "deliver", name = "Deliver")
	public Delivered deliver(@Variable DeliverRequest request, OutboundConnectorContext context) throws Exception {
		JobContext job = context.getJobContext();
		TenantId tenant = this.tenants.of(job);
		AgentSettings settings = settings(tenant, request.agentId(), request.version());
		AgentSettings.Delivery delivery = settings.delivery();
		String answer = (request.answer() != null) ? request.answer() : "";
		ObjectNode message = this.json.createObjectNode();
		String connector;
		String action;
		switch (delivery.kind()) {
			case "EMAIL" -> {
				connector = "email";
				action = "send-email";
				var to = message.putArray("to");
				for (String address : delivery.to().split(",")) {
					if (!address.isBlank()) {
						to.add(address.strip());
					}
				}
				message.put("subject", settings.name() + ": the answer of its run");
				message.put("text", answer);
			}
			case "SLACK" -> {
				connector = "slack";
				action = "post-message";
				message.put("channel", delivery.channel());
				message.put("text", answer);
			}
			default -> {
				return new Delivered("RUN");
			}
		}
		AgentTools.Action sending = this.tools.action(connector, action)
			.orElseThrow(() -> stop("Brain has no " + connector + " action " + action + " to deliver the answer."));
		perform(job, tenant, EngineTaskJob.runId(job), sending, delivery.connectionId(), message);
		return new Delivered(delivery.kind());
	}

	/**
	 * Performs a connector action for an agent's step, as a BPMN step with that action
	 * would: the connection is the one the tenant bound, never one the arguments name.
	 */
	private Object perform(JobContext job, TenantId tenant, String runId, AgentTools.Action action, UUID connectionId,
			ObjectNode arguments) throws Exception {
		ActionInput.BOUND.forEach(arguments::remove);
		ResolvedConnection connection = this.connections.resolve(tenant, connectionId, action.connector().type(),
				action.connector().fields());
		arguments.put("connection", connection.name());
		@SuppressWarnings("unchecked")
		Map<String, Object> variables = this.json.convertValue(arguments, Map.class);
		EngineTask derived = new EngineTask(EngineTaskJob.stepId(job), "agent", action.action().jobType(), tenant,
				runId, job.getBpmnProcessId(), job.getElementId(), variables, Map.of("operation", action.action().id()),
				1, null);
		return this.connectors.call(derived);
	}

	/** Tells the model what came of a tool call, and counts it. */
	private ActResult told(TenantId tenant, AgentSettings settings, ActRequest request, String runId, String outcome,
			String content) {
		this.store.append(tenant, request.agentId(), request.sessionId(), runId,
				new Message.ToolResult(request.toolCall().id(), request.toolCall().name(), content));
		this.meters
			.counter("brain.agent.tool.calls", "tenant", tenant.value(), "agent", settings.name(), "tool",
					request.toolCall().name(), "outcome", outcome)
			.increment();
		return new ActResult(request.toolCall().id(), outcome);
	}

	private String bounded(String result) {
		int max = this.properties.maxToolResultCharacters();
		return (result.length() <= max) ? result : result.substring(0, max) + "\n[cut: the result had "
				+ result.length() + " characters, " + max + " are shown]";
	}

	private void tokens(TenantId tenant, AgentSettings settings, String model, String kind, long count) {
		this.meters
			.counter("brain.agent.tokens", "tenant", tenant.value(), "agent", settings.name(), "model", model, "kind",
					kind)
			.increment(count);
	}

	private AgentSettings settings(TenantId tenant, UUID agentId, Integer version) {
		return this.store.settings(tenant, agentId, (version != null) ? version : 0)
			.orElseThrow(() -> stop("The tenant has no agent " + agentId + " in version " + version + "."));
	}

	/** Stops the run at this step with an incident that says why. */
	private static ConnectorRetryException stop(String reason) {
		return ConnectorRetryException.builder().errorCode("AGENT_STOPPED").message(reason).retries(0).build();
	}

	/**
	 * What an agent's think step is given.
	 *
	 * @param agentId the agent
	 * @param version the version of its settings the run uses
	 * @param sessionId the conversation the run talks in
	 * @param origin how the run began: {@code CHAT}, {@code SCHEDULE}, {@code MANUAL},
	 * {@code WEBHOOK}
	 * @param prompt what the run asks (a chat message); the agent's task prompt when
	 * empty
	 * @param counters what the run has used so far
	 */
	public record ThinkRequest(UUID agentId, Integer version, UUID sessionId, String origin, String prompt,
			Counters counters) {
	}

	/** What a run has used so far. */
	public record Counters(int modelCalls, int toolCalls, long tokens) {
	}

	/**
	 * What the model made of one turn.
	 *
	 * @param answer its text, when it answered
	 * @param toolCalls the tools it calls, when it did not
	 * @param counters what the run has used, this turn included
	 */
	public record Turn(String answer, List<Call> toolCalls, Counters counters) {
	}

	/** A tool call, and whether a person approves it first. */
	public record Call(String id, String name, String arguments, boolean requiresApproval) {
	}

	/** A person's decision on a tool call. */
	public record Approval(String decision, String by, String reason) {
	}

	/** What an agent's act step is given. */
	public record ActRequest(UUID agentId, Integer version, UUID sessionId, Call toolCall, Approval approval) {
	}

	/**
	 * What came of a tool call: {@code done}, {@code failed}, {@code denied} or
	 * {@code refused}.
	 */
	public record ActResult(String toolCallId, String outcome) {
	}

	/** What an agent's deliver step is given: the run's answer. */
	public record DeliverRequest(UUID agentId, Integer version, String answer) {
	}

	/** Where the answer went: {@code RUN}, {@code EMAIL} or {@code SLACK}. */
	public record Delivered(String kind) {
	}

}
