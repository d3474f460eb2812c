package io.brain.api.agent;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import io.brain.api.agent.AgentTool.Access;
import io.brain.api.connector.Connection;
import io.brain.api.connector.ConnectorType;
import io.brain.api.connector.ConnectorTypes;
import io.brain.api.connector.Connections;
import io.brain.api.identity.CurrentUser;
import io.brain.core.agent.AgentBudgets;
import io.brain.api.problem.BrainProblem;
import io.brain.api.problem.Paging;
import io.brain.api.schedule.Schedules;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tenant's AI agents: their settings checked when saved (each connection the tenant's
 * and of the right connector, each tool an action of the connector catalog, the schedule
 * by the rules of Brain's schedules), every save a new version.
 */
@Service
public class Agents {

	/** The connector type whose connections reach an OpenAI-compatible model. */
	static final String MODEL_CONNECTOR = "openai";

	static final String EMAIL_CONNECTOR = "email";

	static final String SLACK_CONNECTOR = "slack";

	/** The prefix of the process ids of agents' runs. */
	static final String PROCESS_PREFIX = "brain-agent-";

	static final int MAX_KEY = 63;

	private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

	private static final Pattern ADDRESS = Pattern.compile("[^\\s@,;<>\"]+@[^\\s@,;<>\"]+\\.[^\\s@,;<>\"]+");

	private static final Pattern CHANNEL = Pattern.compile("#?[A-Za-z0-9][A-Za-z0-9._-]{0,79}");

	private static final UUID NONE = new UUID(0, 0);

	private final AgentRepository repository;

	private final Connections connections;

	private final ConnectorTypes types;

	private final Schedules schedules;

	private final AgentRuns runs;

	private final AgentBudgets budgets;

	Agents(AgentRepository repository, Connections connections, ConnectorTypes types, Schedules schedules,
			AgentRuns runs, AgentBudgets budgets) {
		this.repository = repository;
		this.connections = connections;
		this.types = types;
		this.schedules = schedules;
		this.runs = runs;
		this.budgets = budgets;
	}

	/** What the tenant's agents spent today and this month, against its budget. */
	public AgentUsage usage(CurrentUser user) {
		String tenant = user.tenant().value();
		java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
		List<AgentRepository.Spent> spent = this.repository.spent(tenant, today.withDayOfMonth(1), today);
		AgentBudgets.Budget budget = this.budgets.of(tenant);
		java.math.BigDecimal total = java.math.BigDecimal.ZERO;
		List<AgentUsage.ModelUsage> models = new java.util.ArrayList<>();
		for (AgentRepository.Spent model : spent) {
			java.math.BigDecimal cost = this.budgets.cost(model.model(), model.inputTokens(), model.outputTokens())
				.orElse(null);
			if (cost != null) {
				total = total.add(cost);
			}
			models.add(new AgentUsage.ModelUsage(model.model(), model.inputTokens(), model.outputTokens(), cost));
		}
		return new AgentUsage(spent.stream().mapToLong(AgentRepository.Spent::today).sum(),
				spent.stream().mapToLong((model) -> model.inputTokens() + model.outputTokens()).sum(),
				budget.tokensPerDay(), budget.tokensPerMonth(), models, total);
	}

	public AgentPage list(CurrentUser user, String query, int page, int size) {
		Paging.check(page, size);
		String tenant = user.tenant().value();
		String q = (query != null && !query.isBlank()) ? query.strip() : null;
		return new AgentPage(this.repository.list(tenant, q, page, size).stream().map(this::view).toList(), page, size,
				this.repository.count(tenant, q));
	}

	public Agent get(CurrentUser user, UUID id) {
		return view(stored(user, id));
	}

	/** Creates an agent with its settings as version 1. */
	@Transactional
	public Agent create(CurrentUser user, SaveAgentRequest request) {
		String tenant = user.tenant().value();
		AgentConfig config = checked(user, request.config());
		String key = (request.key() != null) ? checkedKey(request.key()) : keyFrom(config.name());
		if (this.repository.keyTaken(tenant, key)) {
			throw new BrainProblem(HttpStatus.CONFLICT, "key", "An agent with the key '" + key + "' exists.");
		}
		requireFreeName(tenant, config.name(), NONE);
		UUID id = UUID.randomUUID();
		try {
			this.repository.insert(tenant, id, key, config, user.username());
		}
		catch (DuplicateKeyException ex) {
			throw new BrainProblem(HttpStatus.CONFLICT, "config.name",
					"An agent named '" + config.name() + "' or with the key '" + key + "' exists.");
		}
		// Its runs' model, deployed with it: on the open engine in this transaction.
		this.runs.deploy(user, key);
		schedule(user, id, config);
		return get(user, id);
	}

	/**
	 * Saves settings as the agent's next version, unless they are the settings in force.
	 * @return the agent and what changed, in words
	 */
	@Transactional
	public Saved update(CurrentUser user, UUID id, SaveAgentRequest request) {
		String tenant = user.tenant().value();
		AgentRepository.Stored before = this.repository.lock(tenant, id).orElseThrow(() -> notFound(id));
		if (request.key() != null && !request.key().equals(before.key())) {
			throw BrainProblem.badInput("key", "An agent's key cannot change; create a new agent.");
		}
		AgentConfig config = checked(user, request.config());
		requireFreeName(tenant, config.name(), id);
		if (config.equals(before.config())) {
			return new Saved(view(before), List.of());
		}
		List<String> changes = new AgentChanges(this.types, (connection) -> connectionName(user, connection))
			.between(before.config(), config);
		try {
			this.repository.update(tenant, id, config, user.username());
		}
		catch (DuplicateKeyException ex) {
			throw nameTaken(config.name());
		}
		schedule(user, id, config);
		return new Saved(get(user, id), changes);
	}

	/**
	 * Deletes an agent with its versions and sessions (the tokens it spent still count
	 * against the tenant's budget).
	 * @return the agent deleted
	 */
	@Transactional
	public Agent delete(CurrentUser user, UUID id) {
		Agent agent = get(user, id);
		this.repository.delete(user.tenant().value(), id);
		return agent;
	}

	public List<AgentVersion> versions(CurrentUser user, UUID id) {
		return this.repository.versions(user.tenant().value(), stored(user, id).id());
	}

	public AgentVersion version(CurrentUser user, UUID id, int version) {
		return this.repository.version(user.tenant().value(), stored(user, id).id(), version)
			.orElseThrow(() -> BrainProblem.notFound("Agent " + id + " has no version " + version + "."));
	}

	public AgentSessionPage sessions(CurrentUser user, UUID id, int page, int size) {
		Paging.check(page, size);
		String tenant = user.tenant().value();
		UUID agent = stored(user, id).id();
		return new AgentSessionPage(this.repository.sessions(tenant, agent, page, size), page, size,
				this.repository.countSessions(tenant, agent));
	}

	/**
	 * Settings checked and in their stored form: text stripped, defaults filled in, each
	 * tool's access, approval and name settled.
	 * @throws BrainProblem 400 naming the field at fault
	 */
	AgentConfig checked(CurrentUser user, AgentConfig config) {
		AgentModel model = checked(user, config.model());
		List<AgentTool> tools = checked(user, (config.tools() != null) ? config.tools() : List.of());
		AgentSchedule schedule = null;
		if (config.schedule() != null) {
			this.schedules.preview(config.schedule().cron(), config.schedule().timeZone(), "config.schedule.");
			schedule = new AgentSchedule(config.schedule().cron().strip(), config.schedule().timeZone().strip());
		}
		AgentDelivery delivery = checked(user, (config.delivery() != null) ? config.delivery() : AgentDelivery.RUN);
		AgentLimits limits = ((config.limits() != null) ? config.limits() : new AgentLimits(null, null, null))
			.withDefaults();
		return new AgentConfig(config.name().strip(), config.role().strip(), blankToNull(config.taskPrompt()), model,
				tools, schedule, delivery, limits);
	}

	private AgentModel checked(CurrentUser user, AgentModel model) {
		Connection connection = connection(user, model.connectionId(), MODEL_CONNECTOR, "config.model.connectionId");
		String name = blankToNull(model.model());
		if (name == null && connection.config().get("defaultModel") instanceof String defaultModel
				&& !defaultModel.isBlank()) {
			name = defaultModel.strip();
		}
		if (name == null) {
			throw BrainProblem.badInput("config.model.model",
					"Name the model, such as gpt-4o-mini: the connection '" + connection.name() + "' has no default.");
		}
		return new AgentModel(model.connectionId(), name,
				(model.temperature() != null) ? model.temperature() : AgentModel.DEFAULT_TEMPERATURE,
				(model.maxOutputTokens() != null) ? model.maxOutputTokens() : AgentModel.DEFAULT_MAX_OUTPUT_TOKENS);
	}

	private List<AgentTool> checked(CurrentUser user, List<AgentTool> tools) {
		List<AgentTool> checked = new ArrayList<>();
		Set<String> names = new HashSet<>();
		for (int i = 0; i < tools.size(); i++) {
			AgentTool tool = tools.get(i);
			String field = "config.tools[" + i + "].";
			ConnectorType type = this.types.find(tool.connector().strip())
				.orElseThrow(() -> BrainProblem.badInput(field + "connector",
						"'" + tool.connector() + "' is not a connector of Brain's catalog; it has "
								+ String.join(", ", this.types.all().stream().map(ConnectorType::type).toList())
								+ "."));
			ConnectorType.Action action = type.actions()
				.stream()
				.filter((candidate) -> candidate.id().equals(tool.action().strip()))
				.findFirst()
				.orElseThrow(() -> BrainProblem.badInput(field + "action",
						type.name() + " has no action '" + tool.action() + "'; it has "
								+ String.join(", ", type.actions().stream().map(ConnectorType.Action::id).toList())
								+ "."));
			connection(user, tool.connectionId(), type.type(), field + "connectionId");
			// Whether an action reads or writes is the catalog's to say, never the
			// user's:
			// a write tool marked READ would escape approval by default.
			Access access = action.writes() ? Access.WRITE : Access.READ;
			if (tool.access() != null && tool.access() != access) {
				throw BrainProblem.badInput(field + "access",
						"'" + type.name() + ": " + action.name() + "' "
								+ (action.writes() ? "changes something at " + type.name() + ": its access is WRITE."
										: "only reads at " + type.name() + ": its access is READ."));
			}
			String name = toolName(type.type(), action.id());
			if (!names.add(name)) {
				throw BrainProblem.badInput(field + "action",
						"The agent has the tool " + name + " already: each action of a connector can be a tool once.");
			}
			boolean approval = (tool.requiresApproval() != null) ? tool.requiresApproval() : access == Access.WRITE;
			checked.add(new AgentTool(type.type(), action.id(), tool.connectionId(), access, approval, name));
		}
		return List.copyOf(checked);
	}

	private AgentDelivery checked(CurrentUser user, AgentDelivery delivery) {
		String field = "config.delivery.";
		return switch (delivery.kind()) {
			case RUN -> {
				refuseExtra(delivery.connectionId() != null, field + "connectionId", "a connection");
				refuseExtra(delivery.to() != null, field + "to", "addresses");
				refuseExtra(delivery.channel() != null, field + "channel", "a channel");
				yield AgentDelivery.RUN;
			}
			case EMAIL -> {
				refuseExtra(delivery.channel() != null, field + "channel", "a channel");
				requireGiven(delivery.connectionId(), field + "connectionId",
						"Choose the Email connection to send with.");
				connection(user, delivery.connectionId(), EMAIL_CONNECTOR, field + "connectionId");
				String to = blankToNull(delivery.to());
				requireGiven(to, field + "to", "Give the addresses to send the answer to, separated by commas.");
				List<String> addresses = List.of(to.split("\\s*,\\s*"));
				for (String address : addresses) {
					if (!ADDRESS.matcher(address).matches()) {
						throw BrainProblem.badInput(field + "to", "'" + address + "' is not an e-mail address.");
					}
				}
				yield new AgentDelivery(delivery.kind(), delivery.connectionId(), String.join(", ", addresses), null);
			}
			case SLACK -> {
				refuseExtra(delivery.to() != null, field + "to", "addresses");
				requireGiven(delivery.connectionId(), field + "connectionId",
						"Choose the Slack connection to post with.");
				connection(user, delivery.connectionId(), SLACK_CONNECTOR, field + "connectionId");
				String channel = blankToNull(delivery.channel());
				requireGiven(channel, field + "channel", "Name the channel to post to, such as #marketing.");
				if (!CHANNEL.matcher(channel).matches()) {
					throw BrainProblem.badInput(field + "channel",
							"'" + channel + "' is not a Slack channel: give its name, such as #marketing, or its id.");
				}
				yield new AgentDelivery(delivery.kind(), delivery.connectionId(), null, channel);
			}
		};
	}

	/**
	 * One of the tenant's connections, of a connector type. Another tenant's connection
	 * is refused as one that does not exist: the answer says nothing of it.
	 * @throws BrainProblem 422 naming the field: the settings are well formed but name a
	 * connection they cannot use
	 */
	private Connection connection(CurrentUser user, UUID id, String type, String field) {
		Connection connection;
		try {
			connection = this.connections.get(user, id);
		}
		catch (BrainProblem notFound) {
			throw new BrainProblem(HttpStatus.UNPROCESSABLE_ENTITY, field, "This tenant has no connection " + id + ".");
		}
		if (!connection.type().equals(type)) {
			String needed = this.types.find(type).map(ConnectorType::name).orElse(type);
			throw new BrainProblem(HttpStatus.UNPROCESSABLE_ENTITY, field, "'" + connection.name() + "' is a "
					+ connection.type() + " connection; this needs a " + needed + " one.");
		}
		return connection;
	}

	private String connectionName(CurrentUser user, UUID id) {
		try {
			return "'" + this.connections.get(user, id).name() + "'";
		}
		catch (BrainProblem gone) {
			return id.toString();
		}
	}

	/** The name the model knows a tool by: {@code google_ads_pause_campaign}. */
	static String toolName(String connector, String action) {
		return (connector + "_" + action).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
	}

	private static String checkedKey(String key) {
		if (!KEY.matcher(key).matches() || key.length() > MAX_KEY) {
			throw BrainProblem.badInput("key", "A key is lowercase letters, digits and single dashes, starting with "
					+ "a letter, at most " + MAX_KEY + " characters, such as campaign-analyst.");
		}
		return key;
	}

	/** A key made from a name: "Campaign analyst" is campaign-analyst. */
	static String keyFrom(String name) {
		String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
		String key = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
		if (key.isEmpty() || !Character.isLetter(key.charAt(0))) {
			key = "agent-" + key;
		}
		return (key.length() > MAX_KEY) ? key.substring(0, MAX_KEY).replaceAll("-+$", "") : key.replaceAll("-+$", "");
	}

	private void requireFreeName(String tenant, String name, UUID except) {
		if (this.repository.nameTaken(tenant, name, except)) {
			throw nameTaken(name);
		}
	}

	private static BrainProblem nameTaken(String name) {
		return new BrainProblem(HttpStatus.CONFLICT, "config.name", "An agent named '" + name + "' exists.");
	}

	private static void refuseExtra(boolean given, String field, String what) {
		if (given) {
			throw BrainProblem.badInput(field, "This delivery takes no " + what + "; leave " + field + " out.");
		}
	}

	private static void requireGiven(Object value, String field, String message) {
		if (value == null) {
			throw BrainProblem.badInput(field, message);
		}
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	/** Fires the agent's runs on its schedule, or no longer when it has none. */
	private void schedule(CurrentUser user, UUID id, AgentConfig config) {
		if (config.schedule() != null) {
			this.schedules.scheduleAgent(user, id, config.name(), config.schedule().cron(),
					config.schedule().timeZone());
		}
		else {
			this.schedules.unscheduleAgent(user, id);
		}
	}

	private AgentRepository.Stored stored(CurrentUser user, UUID id) {
		return this.repository.find(user.tenant().value(), id).orElseThrow(() -> notFound(id));
	}

	private static BrainProblem notFound(UUID id) {
		return BrainProblem.notFound("This tenant has no agent " + id + ".");
	}

	private Agent view(AgentRepository.Stored stored) {
		AgentSchedule schedule = stored.config().schedule();
		String description = null;
		if (schedule != null) {
			try {
				description = this.schedules.preview(schedule.cron(), schedule.timeZone(), "config.schedule.")
					.description();
			}
			catch (BrainProblem noLongerValid) {
				// Saved under rules since tightened (the shortest interval): shown as
				// given.
				description = "On the cron schedule '" + schedule.cron() + "' (" + schedule.timeZone() + ")";
			}
		}
		return new Agent(stored.id(), stored.key(), PROCESS_PREFIX + stored.key(), stored.name(),
				stored.currentVersion(), stored.config(), description, stored.createdBy(), stored.createdAt(),
				stored.updatedBy(), stored.updatedAt());
	}

	/**
	 * An agent saved, and what changed in its settings, in words.
	 *
	 * @param agent the agent as saved
	 * @param changes each change; none when the settings were those in force
	 */
	public record Saved(Agent agent, List<String> changes) {

	}

}
